// `ehealth guides lint` as a writer runs it: the BUILT command line on folders made here, a slip in
// a guide reported at its line, and a folder that is not what the linter expects refused in words
// with a non-zero exit, never a raw EISDIR nor "0 errors in 0 files".
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { ExitCode } from '../../../src/faces/exitCodes';

const root = path.join(__dirname, '..', '..', '..');

/** The built `ehealth` run in `cwd` (so file names print relative to the folder linted), in English. */
function ehealth(cwd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('node', [path.join(root, 'bin', 'ehealth.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', EHEALTH_LANG: 'en' } }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

const guide = (id: string, title: string, steps: string) => `---\nid: ${id}\ntitle: ${title}\naudience: [integrator]\nenvironment: [acceptance]\n---\n\nIntro.\n\n${steps}`;
const step = (id: string, title: string, text: string, attributes = '') => `::: step #${id}${attributes}\n## ${title}\n${text}\n:::\n`;
const french = guide('demo', 'Démo', step('card', 'Carte', 'Insérez la carte.') + '\n' + step('send', 'Envoi', 'Envoyez la demande.'));
const english = guide('demo', 'Demo', step('card', 'Card', 'Insert the card.') + '\n' + step('send', 'Send', 'Send the request.'));

describe('ehealth guides lint (built bundle)', function () {
  this.timeout(120_000);
  let work: string;

  /** A guides folder in `work` made of `files`; a name ending in "/" is an empty folder. */
  function folder(name: string, files: Record<string, string>): string {
    const dir = path.join(work, name);
    mkdirSync(dir, { recursive: true });
    for (const [relative, content] of Object.entries(files)) {
      const file = path.join(dir, relative);
      mkdirSync(relative.endsWith('/') ? file : path.dirname(file), { recursive: true });
      if (!relative.endsWith('/')) writeFileSync(file, content);
    }
    return name;
  }

  /** The document's messages (translation marks aside: guidesTranslation.test.ts), once it is valid against docs/schemas/guides-lint. */
  function messagesOf(stdout: string) {
    const schema = (name: string) => JSON.parse(readFileSync(path.join(root, 'docs', 'schemas', `${name}.schema.json`), 'utf8'));
    const validate = new Ajv2020({ strict: true }).addSchema(schema('common')).compile(schema('guides-lint'));
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors));
    const document = JSON.parse(stdout) as { messages: Record<string, unknown>[] };
    return document.messages.filter((message) => message.code !== 'translation-unmarked');
  }

  before(() => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    work = mkdtempSync(path.join(os.tmpdir(), 'guides-lint-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('passes a folder whose guides follow the format: exit 0', async () => {
    const run = await ehealth(work, ['guides', 'lint', folder('clean', { 'fr/demo.md': french, 'images/': '', 'README.md': '# Guides' })]);
    assert.equal(run.status, ExitCode.ok, run.stdout + run.stderr);
    assert.equal(run.stdout, '0 errors, 0 warnings in 1 guide file.\n');
  });

  it('reports a step left open at its line, once, and nothing in the other languages: exit 1', async () => {
    const unclosed = english.replace('Insert the card.\n:::\n', 'Insert the card.\n');
    const dir = folder('unclosed', { 'fr/demo.md': french, 'en/demo.md': unclosed, 'nl/demo.md': english.replace('Card', 'Kaart') });
    const text = await ehealth(work, ['guides', 'lint', dir]);
    assert.equal(text.status, ExitCode.failure, text.stderr);
    const lines = text.stdout.split('\n').filter((line) => !line.includes('translation-unmarked'));
    assert.equal(lines[0], 'unclosed/en/demo.md:10: error step-unclosed: This step is not closed: end it with a line ":::" before the next step (or at the end of the file). (#card)');
    assert.match(lines[1], /^1 error, \d+ warnings? in 3 guide files\.$/);
    const json = await ehealth(work, ['guides', 'lint', dir, '--json']);
    assert.equal(json.status, ExitCode.failure);
    assert.deepEqual(
      messagesOf(json.stdout).map(({ file, line, code, severity, detail }) => [file, line, code, severity, detail]),
      [['unclosed/en/demo.md', 10, 'step-unclosed', 'error', '#card']],
    );
  });

  it('says which attribute was meant', async () => {
    const run = await ehealth(work, ['guides', 'lint', folder('typo', { 'fr/demo.md': french.replace('::: step #card', '::: step #card chek=eid.card') })]);
    assert.equal(run.status, ExitCode.failure);
    assert.equal(run.stdout.split('\n')[0], 'typo/fr/demo.md:10: error step-attribute-unknown: Unknown step attribute: use #id, check=, action=, asks= or variant=. (chek=eid.card) Did you mean "check="?');
  });

  it('lints one FILE among its siblings, showing only its messages', async () => {
    const dir = folder('single', { 'fr/demo.md': french, 'en/demo.md': english.replace('#send', '#sent'), 'nl/demo.md': english.replace('::: step #card', '::: step #card check=eid.crad') });
    const run = await ehealth(work, ['guides', 'lint', path.join(dir, 'en', 'demo.md'), '--json']);
    assert.equal(run.status, ExitCode.failure);
    const document = JSON.parse(run.stdout);
    assert.equal(document.guides, 1);
    assert.deepEqual(messagesOf(run.stdout).map(({ file, code }) => [file, code]), [['single/en/demo.md', 'steps-differ']]);
  });

  it('refuses a DIR that does not exist: exit 4, its name, in text and JSON', async () => {
    const text = await ehealth(work, ['guides', 'lint', 'nowhere']);
    assert.equal(text.status, ExitCode.notFound);
    assert.equal(text.stderr, 'ehealth: No such folder or file: nowhere\n');
    assert.equal(text.stdout, '');
    const json = await ehealth(work, ['guides', 'lint', 'nowhere', '--json']);
    assert.equal(json.status, ExitCode.notFound);
    assert.deepEqual(JSON.parse(json.stdout).error, { code: 'cli/not-found', message: 'No such folder or file: nowhere', exitCode: ExitCode.notFound });
  });

  it('refuses a file that is no guide: exit 2', async () => {
    folder('other', { 'notes.txt': 'x' });
    const run = await ehealth(work, ['guides', 'lint', path.join('other', 'notes.txt')]);
    assert.equal(run.status, ExitCode.usage);
    assert.match(run.stderr, /^ehealth: other\/notes.txt is neither a guides folder nor a guide file \(DIR\/LANG\/ID\.md, LANG being fr, nl, en or de\)\.\n$/);
  });

  it('names a folder that is no language and a folder named *.md (never EISDIR): exit 1', async () => {
    const dir = folder('odd', { 'fr/demo.md': french, 'es/demo.md': french, 'fr/old.md/': '', 'glossary/': '', 'french-sources.json': '{}' });
    const text = await ehealth(work, ['guides', 'lint', dir]);
    assert.equal(text.status, ExitCode.failure, text.stderr);
    assert.doesNotMatch(text.stdout + text.stderr, /EISDIR/);
    assert.deepEqual(text.stdout.split('\n'), [
      'odd/es: error folder-unknown: This folder is not a guide language: guides go in fr, nl, en or de (pictures in images, glossaries in glossary). (es)',
      'odd/fr/old.md: error folder-named-md: This is a folder, not a guide file: a guide is a file <id>.md. (old.md)',
      '2 errors, 0 warnings in 1 guide file.',
      '',
    ]);
    const json = await ehealth(work, ['guides', 'lint', dir, '--json']);
    assert.deepEqual(messagesOf(json.stdout).map(({ file, line, code }) => [file, line, code]), [
      ['odd/es', 0, 'folder-unknown'],
      ['odd/fr/old.md', 0, 'folder-named-md'],
    ]);
  });

  it('refuses a folder without any guide rather than "0 errors in 0 files": exit 1', async () => {
    const run = await ehealth(work, ['guides', 'lint', folder('empty', { 'README.md': '# Guides', 'fr/': '' })]);
    assert.equal(run.status, ExitCode.failure);
    assert.deepEqual(run.stdout.split('\n'), ['empty: error guides-none: No guide here: the folder must hold fr, nl, en or de folders with <id>.md files.', '1 error, 0 warnings in 0 guide files.', '']);
  });
});
