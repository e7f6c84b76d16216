import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lintGuides } from '../../../src/guides/guideLint';
import { readGuideFolder } from '../../../src/guides/guideLoader';
import { loadGlossaries } from '../../../src/guides/glossary';

describe('shipped guides', () => {
  it('finds nothing wrong in the guides shipped with the extension', async () => {
    const root = path.resolve(__dirname, '..', '..', '..', 'guides');
    // Read as `ehealth guides lint guides` reads it: the folder's own entries are checked too.
    const folder = (await readGuideFolder(root))!;
    assert.ok(folder.inputs.length >= 9 * 4, `all guides in four languages (found ${folder.inputs.length})`);
    const errors = [...folder.problems, ...lintGuides(folder.inputs, await loadGlossaries(root))].filter((message) => message.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('ships every translation marked as following the current French (no translation-unmarked, no outdated)', async () => {
    const root = path.resolve(__dirname, '..', '..', '..', 'guides');
    const folder = (await readGuideFolder(root))!;
    const versions = lintGuides(folder.inputs, await loadGlossaries(root)).filter((message) => message.code === 'outdated' || message.code === 'translation-unmarked');
    assert.deepEqual(versions, []);
  });
});
