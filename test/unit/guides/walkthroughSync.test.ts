// `walkthroughs-outdated`: on a copy of the checkout's layout (guides/, package.json, the nls files,
// media/walkthroughs), the linter of a guides folder says when the generated walkthroughs no longer
// say what the guides say, and names the stale files; elsewhere it says nothing.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walkthroughLabels } from '../../../src/faces/walkthroughLabels';
import { walkthroughLint, writeWalkthroughs } from '../../../src/guides/walkthroughSync';

const repository = path.resolve(__dirname, '..', '..', '..');
const layout = ['guides', 'package.json', 'package.nls.json', 'package.nls.fr.json', 'package.nls.nl.json', 'package.nls.de.json', 'media/walkthroughs'];

describe('walkthroughs out of date with the guides (lint)', () => {
  let checkout: string;
  beforeEach(async () => {
    checkout = mkdtempSync(path.join(os.tmpdir(), 'ehealth-walkthroughs-'));
    for (const entry of layout) cpSync(path.join(repository, entry), path.join(checkout, entry), { recursive: true });
    await writeWalkthroughs(checkout, walkthroughLabels);
  });
  afterEach(() => rmSync(checkout, { recursive: true, force: true }));

  const guide = (language: string) => path.join(checkout, 'guides', language, 'get-started.md');

  it('says nothing while the generated files follow the guides', async () => {
    assert.deepEqual(await walkthroughLint(path.join(checkout, 'guides'), walkthroughLabels), []);
  });

  it('says nothing either when the generated files have Windows line endings (a checkout with core.autocrlf)', async () => {
    for (const file of ['package.json', 'package.nls.fr.json', 'media/walkthroughs/get-started/check-eid-dark.svg']) {
      writeFileSync(path.join(checkout, file), readFileSync(path.join(checkout, file), 'utf8').replace(/\n/g, '\r\n'));
    }
    assert.deepEqual(await walkthroughLint(path.join(checkout, 'guides'), walkthroughLabels), []);
  });

  it('reports a changed step text as an error at package.json\'s walkthroughs, naming the stale strings', async () => {
    writeFileSync(guide('en'), readFileSync(guide('en'), 'utf8').replace('## Choose the environment', '## Choose where to work'));
    const messages = await walkthroughLint(path.join(checkout, 'guides'), walkthroughLabels);
    assert.equal(messages.length, 1);
    const [message] = messages;
    assert.equal(message.code, 'walkthroughs-outdated');
    assert.equal(message.severity, 'error');
    assert.equal(message.file, path.join(checkout, 'package.json'));
    assert.match(readFileSync(message.file, 'utf8').split('\n')[message.line - 1], /"walkthroughs": \[/);
    assert.equal(message.detail, 'package.nls.json');
  });

  it('names a missing illustration and one left over from a step that is gone', async () => {
    unlinkSync(path.join(checkout, 'media/walkthroughs/get-started/check-eid-dark.svg'));
    writeFileSync(path.join(checkout, 'media/walkthroughs/get-started/gone-light.svg'), '<svg/>');
    const [message] = await walkthroughLint(path.join(checkout, 'guides'), walkthroughLabels);
    assert.equal(message?.detail, 'media/walkthroughs/get-started/check-eid-dark.svg, media/walkthroughs/get-started/gone-light.svg');
  });

  it('says nothing about a guides folder that is not a checkout (no package.json contributing walkthroughs, or no nls files beside it)', async () => {
    writeFileSync(guide('fr'), readFileSync(guide('fr'), 'utf8').replace('## Choisir', '## Sélectionner'));
    assert.equal((await walkthroughLint(path.join(checkout, 'guides'), walkthroughLabels)).length, 1);
    unlinkSync(path.join(checkout, 'package.nls.de.json'));
    assert.deepEqual(await walkthroughLint(path.join(checkout, 'guides'), walkthroughLabels), [], 'an installed CLI: its package.json ships without the nls files');
    writeFileSync(path.join(checkout, 'package.nls.de.json'), '{}');
    const manifest = JSON.parse(readFileSync(path.join(checkout, 'package.json'), 'utf8'));
    delete manifest.contributes.walkthroughs;
    writeFileSync(path.join(checkout, 'package.json'), JSON.stringify(manifest));
    assert.deepEqual(await walkthroughLint(path.join(checkout, 'guides'), walkthroughLabels), []);
  });
});
