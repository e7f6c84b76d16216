// `ehealth guides lint DIR` on the BUILT CLI says when the walkthroughs generated from the guides are
// out of date, when DIR is a checkout's guides/: a temporary copy of the checkout's layout (guides/,
// package.json, package.nls.*.json, media/walkthroughs), brought in sync first, then changed as a
// writer would (a French step renamed, an illustration deleted) without `npm run walkthroughs`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walkthroughLabels } from '../../../src/faces/walkthroughLabels';
import { writeWalkthroughs } from '../../../src/guides/walkthroughSync';

const root = path.resolve(__dirname, '..', '..', '..');
const launcher = path.join(root, 'bin', 'ehealth.js');
const layout = ['guides', 'package.json', 'package.nls.json', 'package.nls.fr.json', 'package.nls.nl.json', 'package.nls.de.json', 'media/walkthroughs'];

interface LintDocument {
  errors: number;
  messages: Array<{ file: string; line: number; code: string; severity: string; detail?: string; message: string }>;
}

describe('ehealth guides lint: walkthroughs out of date (built CLI)', function () {
  this.timeout(60_000);
  let checkout: string;

  before(() => assert.ok(existsSync(path.join(root, 'dist', 'cli', 'main.mjs')), 'dist/cli/main.mjs is missing: run "node scripts/build.mjs" first'));
  beforeEach(async () => {
    checkout = mkdtempSync(path.join(os.tmpdir(), 'ehealth-walkthroughs-cli-'));
    for (const entry of layout) cpSync(path.join(root, entry), path.join(checkout, entry), { recursive: true });
    await writeWalkthroughs(checkout, walkthroughLabels);
  });
  afterEach(() => rmSync(checkout, { recursive: true, force: true }));

  /** `ehealth guides lint guides` run in the copy, as a writer runs it in a checkout. */
  const lint = (args: string[], language = 'en') => spawnSync(process.execPath, [launcher, 'guides', 'lint', ...args], { cwd: checkout, encoding: 'utf8', env: { ...process.env, EHEALTH_LANG: language } });
  const json = (args: string[]) => {
    const run = lint([...args, '--json']);
    return { status: run.status, document: JSON.parse(run.stdout) as LintDocument };
  };
  const outdated = (document: LintDocument) => document.messages.filter((message) => message.code === 'walkthroughs-outdated');
  const renameFrenchStep = () => {
    const file = path.join(checkout, 'guides', 'fr', 'get-started.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Choisir l’environnement', '## Choisir où travailler'));
  };

  it('says nothing about walkthroughs that follow the guides', () => {
    assert.deepEqual(outdated(json(['guides']).document), []);
  });

  it('reports a French step changed without "npm run walkthroughs" as an error naming the stale file, and exits 1', () => {
    renameFrenchStep();
    const { status, document } = json(['guides']);
    assert.equal(status, 1);
    const [message, ...more] = outdated(document);
    assert.deepEqual(more, []);
    assert.deepEqual({ file: message.file, severity: message.severity, detail: message.detail }, { file: 'package.json', severity: 'error', detail: 'package.nls.fr.json' });
    assert.match(readFileSync(path.join(checkout, 'package.json'), 'utf8').split('\n')[message.line - 1], /"walkthroughs": \[/);
    assert.match(message.message, /out of date: run npm run walkthroughs/);
  });

  it('words it in the user’s language, with the file and line to open', () => {
    renameFrenchStep();
    unlinkSync(path.join(checkout, 'media', 'walkthroughs', 'renew-certificate', 'renew-dark.svg'));
    const run = lint(['guides'], 'fr');
    const line = run.stdout.split('\n').find((text) => text.includes('walkthroughs-outdated')) ?? assert.fail(run.stdout + run.stderr);
    assert.match(line, /^package\.json:\d+: erreur walkthroughs-outdated: Les walkthroughs générés à partir des guides ne sont plus à jour\u00a0: lancez npm run walkthroughs\. \(media\/walkthroughs\/renew-certificate\/renew-dark\.svg, package\.nls\.fr\.json\)$/);
  });

  it('says nothing about a guides folder with no checkout around it', () => {
    renameFrenchStep();
    const alone = path.join(checkout, 'alone');
    cpSync(path.join(checkout, 'guides'), path.join(alone, 'guides'), { recursive: true });
    assert.deepEqual(outdated(json([path.join(alone, 'guides')]).document), []);
  });
});
