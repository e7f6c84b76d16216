// Translations that stay true, on the BUILT CLI and a copy of the shipped guides: a French step
// changes → `guides lint` says which translated step is outdated and what changed in the French,
// `guides status` counts it and fails with --strict; `guides mark-translated` (whole file, then
// one step) brings it back up to date without touching the French, and the file still lints clean.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';

const root = path.resolve(__dirname, '..', '..', '..');

/** `ehealth ARGS` from the built launcher, in `cwd`, English, no terminal. */
function ehealth(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('node', [path.join(root, 'bin', 'ehealth.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, EHEALTH_LANG: 'en' }, input: '' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface LintDocument {
  messages: Array<{ file: string; line: number; code: string; severity: string; detail?: string; message: string }>;
}
interface StatusDocument {
  languages: Array<{ language: string; guides: Record<string, number>; steps: Record<string, number>; toUpdate: Array<{ file: string; line: number; step?: string; part: string; state: string }> }>;
}

describe('ehealth guides status, mark-translated and lint outdated (built bundle, a copy of guides/)', function () {
  this.timeout(120_000);
  let work: string;
  let guides: string;
  const guide = 'change-keystore-password';
  const french = () => path.join(guides, 'fr', `${guide}.md`);
  const dutch = () => path.join(guides, 'nl', `${guide}.md`);
  const json = <T>(args: string[]): T => {
    const run = ehealth([...args, '--json'], work);
    assert.ok(run.status === ExitCode.ok || run.status === ExitCode.failure, run.stderr);
    return JSON.parse(run.stdout) as T;
  };
  const lintOf = (file: string) => json<LintDocument>(['guides', 'lint', 'guides']).messages.filter((message) => message.file === path.join('guides', path.relative(guides, file)));
  const dutchStatus = () => json<StatusDocument>(['guides', 'status', 'guides']).languages.find((language) => language.language === 'nl')!;

  before(() => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    work = mkdtempSync(path.join(os.tmpdir(), 'guides-translation-'));
    guides = path.join(work, 'guides');
    cpSync(path.join(root, 'guides'), guides, { recursive: true });
    // The shipped translations are marked: these tests start from translations never marked, and no store.
    for (const language of ['nl', 'en', 'de']) {
      for (const name of readdirSync(path.join(guides, language))) {
        const file = path.join(guides, language, name);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^source: .*\n/m, '').replace(/ source=[0-9a-f]{8}$/gm, ''));
      }
    }
    rmSync(path.join(guides, 'french-sources.json'), { force: true });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('mark-translated on a whole file: its title, introduction and every step, the French untouched, the file still clean', () => {
    const frenchBefore = readFileSync(french(), 'utf8');
    const run = ehealth(['guides', 'mark-translated', path.join('guides', 'nl', `${guide}.md`)], work);
    assert.equal(run.status, ExitCode.ok, run.stderr);
    const steps = readFileSync(dutch(), 'utf8').match(/^::: step .* source=[0-9a-f]{8}$/gm) ?? [];
    assert.equal(steps.length, (frenchBefore.match(/^::: step /gm) ?? []).length);
    assert.match(readFileSync(dutch(), 'utf8'), /^source: \{title: "[0-9a-f]{8}", introduction: "[0-9a-f]{8}"\}$/m);
    assert.match(run.stdout, new RegExp(`guides/nl/${guide}\\.md now follows the current French .*: ${steps.length + 2} parts marked\\.`));
    assert.equal(readFileSync(french(), 'utf8'), frenchBefore, 'the French is never written');
    assert.deepEqual(lintOf(dutch()), [], 'marked: no message at all, not even translation-unmarked');
    const storeText = readFileSync(path.join(guides, 'french-sources.json'), 'utf8');
    const hashes = [...storeText.matchAll(/^ {2}"([0-9a-f]{8})": /gm)].map((match) => match[1]);
    assert.equal(Object.keys(JSON.parse(storeText)).length, steps.length + 2);
    assert.equal(hashes.length, steps.length + 2, 'pretty-printed, one entry a line');
    assert.deepEqual(hashes, [...hashes].sort(), 'sorted keys, as written in the file');
    const nl = dutchStatus();
    assert.equal(nl.toUpdate.filter((part) => part.file.endsWith(`nl/${guide}.md`)).length, 0);
    assert.equal(nl.guides.upToDate, 1);
  });

  it('a French step changes: lint reports outdated at the translated step, with the change; status counts it; --strict fails', () => {
    const text = readFileSync(french(), 'utf8');
    assert.ok(text.includes('si une autre personne a pu le voir'));
    writeFileSync(french(), text.replace('si une autre personne a pu le voir', 'si quelqu’un a pu le lire'));
    const dutchLines = readFileSync(dutch(), 'utf8').split('\n');
    const stepLine = dutchLines.findIndex((line) => line.startsWith('::: step #when-to-change')) + 1;
    const outdated = lintOf(dutch()).filter((message) => message.code === 'outdated');
    assert.equal(outdated.length, 1, JSON.stringify(lintOf(dutch())));
    assert.equal(outdated[0].line, stepLine);
    assert.equal(outdated[0].severity, 'warning');
    assert.equal(outdated[0].detail, 'when-to-change: … le mot de passe si [-une autre personne-]{+quelqu’un+} a pu le [-voir-]{+lire+}, si un collaborateur qui …');
    assert.match(outdated[0].message, /The French text changed/);
    // Human output: file:line, the code and the change.
    const human = ehealth(['guides', 'lint', 'guides'], work);
    assert.match(human.stdout, new RegExp(`guides/nl/${guide}\\.md:${stepLine}: warning outdated: .*\\[-voir-\\]\\{\\+lire\\+\\}`));
    const nl = dutchStatus();
    assert.equal(nl.steps.outdated, 1);
    assert.equal(nl.guides.outdated, 1);
    assert.deepEqual(
      nl.toUpdate.filter((part) => part.state === 'outdated').map((part) => [part.file, part.line, part.step]),
      [[path.join('guides', 'nl', `${guide}.md`), stepLine, 'when-to-change']],
    );
    assert.equal(ehealth(['guides', 'status', 'guides'], work).status, ExitCode.ok, 'without --strict: a report, exit 0');
    const strict = ehealth(['guides', 'status', 'guides', '--strict'], work);
    assert.equal(strict.status, ExitCode.failure);
    assert.match(strict.stdout, new RegExp(`guides/nl/${guide}\\.md:${stepLine}: when-to-change: outdated`));
    // A translation never marked: one line for the file, not one per part.
    assert.match(strict.stdout, new RegExp(`^guides/en/${guide}\\.md: not marked as translated$`, 'm'));
    assert.doesNotMatch(strict.stdout, new RegExp(`guides/en/${guide}\\.md:\\d`));
  });

  it('mark-translated --step: that step up to date again, the others untouched', () => {
    const before = readFileSync(dutch(), 'utf8');
    const run = ehealth(['guides', 'mark-translated', path.join('guides', 'nl', `${guide}.md`), '--step', 'when-to-change', '--json'], work);
    assert.equal(run.status, ExitCode.ok, run.stderr);
    const [document] = (JSON.parse(run.stdout) as { files: Array<{ marked: Array<{ part: string; step: string; was: string; source: string }> }> }).files;
    assert.deepEqual(document.marked.map((part) => [part.part, part.step, part.was]), [['step', 'when-to-change', 'outdated']]);
    const after = readFileSync(dutch(), 'utf8');
    const changed = after.split('\n').filter((line, index) => line !== before.split('\n')[index]);
    assert.deepEqual(changed, [before.split('\n').find((line) => line.startsWith('::: step #when-to-change'))!.replace(/source=[0-9a-f]{8}/, `source=${document.marked[0].source}`)]);
    assert.deepEqual(lintOf(dutch()), []);
    assert.equal(dutchStatus().steps.outdated, 0);
    const store = JSON.parse(readFileSync(path.join(guides, 'french-sources.json'), 'utf8')) as Record<string, string>;
    assert.ok(store[document.marked[0].source].includes('si quelqu’un a pu le lire'), 'the new French text stored');
    assert.ok(!Object.values(store).some((text) => text.includes('si une autre personne a pu le voir')), 'the old one, recorded by no translation any more, dropped');
  });

  it('every shipped translation marked in one run (guides/nl/*.md ...), then status --strict passes and lint finds no error', () => {
    const files = ['nl', 'en', 'de'].flatMap((language) => readdirSync(path.join(guides, language)).map((name) => path.join('guides', language, name)));
    assert.equal(files.length, 30);
    const run = ehealth(['guides', 'mark-translated', ...files, '--json'], work);
    assert.equal(run.status, ExitCode.ok, run.stderr);
    const document = JSON.parse(run.stdout) as { stores: string[]; files: Array<{ file: string; marked: unknown[] }> };
    assert.deepEqual(
      document.files.map((file) => file.file),
      files,
    );
    assert.ok(document.files.every((file) => file.marked.length > 2));
    assert.deepEqual(document.stores, [path.join('guides', 'french-sources.json')]);
    const strict = ehealth(['guides', 'status', 'guides', '--strict'], work);
    assert.equal(strict.status, ExitCode.ok, strict.stdout);
    const messages = json<LintDocument>(['guides', 'lint', 'guides']).messages;
    assert.deepEqual(messages.filter((message) => message.severity === 'error' || ['outdated', 'outdated-text-unknown', 'translation-unmarked', 'source-invalid'].includes(message.code)), []);

    // The guides folder read as lint reads it: a folder that is no language is said, and fails --strict.
    mkdirSync(path.join(guides, 'fr-BE'));
    writeFileSync(path.join(guides, 'fr-BE', `${guide}.md`), readFileSync(french(), 'utf8'));
    try {
      const status = ehealth(['guides', 'status', 'guides', '--strict'], work);
      assert.equal(status.status, ExitCode.failure, status.stdout);
      assert.match(status.stdout, /^guides\/fr-BE: error folder-unknown: /m);
      assert.deepEqual(json<{ problems: Array<{ file: string; code: string }> }>(['guides', 'status', 'guides']).problems.map((problem) => [problem.file, problem.code]), [[path.join('guides', 'fr-BE'), 'folder-unknown']]);
    } finally {
      rmSync(path.join(guides, 'fr-BE'), { recursive: true, force: true });
    }
  });

  describe('refused, with a clear error and nothing written', () => {
    const refused = (args: string[], status: number, words: RegExp) => {
      const before = readFileSync(dutch(), 'utf8');
      const run = ehealth(['guides', 'mark-translated', ...args], work);
      assert.equal(run.status, status, run.stderr);
      assert.match(run.stderr, words);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(readFileSync(dutch(), 'utf8'), before);
    };

    it('a French file', () => refused([path.join('guides', 'fr', `${guide}.md`)], ExitCode.usage, /is a French guide: French is the reference/));
    it('--step with several files', () =>
      refused([path.join('guides', 'nl', `${guide}.md`), path.join('guides', 'de', `${guide}.md`), '--step', 'when-to-change'], ExitCode.usage, /--step marks one step of one file: give only one file\./));
    it('a translation whose structure does not read: the line and the code, and no other file of the run written', () => {
      const text = readFileSync(dutch(), 'utf8');
      const german = path.join(guides, 'de', `${guide}.md`);
      const germanInode = statSync(german).ino;
      writeFileSync(dutch(), `${text}\n:::\n`);
      try {
        const stray = text.split('\n').length + 1;
        refused([path.join('guides', 'de', `${guide}.md`), path.join('guides', 'nl', `${guide}.md`)], ExitCode.failure, new RegExp(`guides/nl/${guide}\\.md, line ${stray}: the guide's structure does not read \\(fence-stray\\)`));
        assert.equal(statSync(german).ino, germanInode, 'the German file, valid, was not rewritten either');
      } finally {
        writeFileSync(dutch(), text);
      }
    });
    it('a store of French texts that does not read (a merge conflict): named with its line, neither it nor the translation written; lint reports it', () => {
      const store = path.join(guides, 'french-sources.json');
      const text = existsSync(store) ? readFileSync(store, 'utf8') : '{}\n';
      const conflicted = text.replace(/\n/, '\n<<<<<<< HEAD\n');
      writeFileSync(store, conflicted);
      try {
        refused([path.join('guides', 'nl', `${guide}.md`)], ExitCode.failure, /guides\/french-sources\.json, line 2: the store of French texts cannot be read .*marking would overwrite the French texts of the other translations/);
        assert.equal(readFileSync(store, 'utf8'), conflicted);
        const messages = json<LintDocument>(['guides', 'lint', 'guides']).messages.filter((message) => message.code === 'french-sources-invalid');
        assert.deepEqual(messages.map((message) => [message.file, message.line, message.severity]), [[path.join('guides', 'french-sources.json'), 2, 'error']]);
      } finally {
        writeFileSync(store, text);
      }
    });
    it('an unknown step, with the one meant', () =>
      refused([path.join('guides', 'nl', `${guide}.md`), '--step', 'when-to-chang'], ExitCode.usage, /has no step "when-to-chang"\. Did you mean "when-to-change"\?/));
    it('a missing file', () => refused([path.join('guides', 'nl', 'no-such-guide.md')], ExitCode.notFound, /The file guides\/nl\/no-such-guide\.md does not exist\./));
    it('a file outside a guides/<language>/ folder', () => {
      writeFileSync(path.join(work, 'loose.md'), readFileSync(dutch(), 'utf8'));
      refused(['loose.md'], ExitCode.usage, /loose\.md is not a guide of a guides folder/);
    });
    it('a folder that holds no French guides (status)', () => {
      const run = ehealth(['guides', 'status', 'nowhere'], work);
      assert.equal(run.status, ExitCode.notFound);
      assert.match(run.stderr, /nowhere is not a guides folder/);
    });
  });
});
