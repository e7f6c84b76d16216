import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintGuides } from '../../../src/guides/guideLint';
import { loadGuides } from '../../../src/guides/guideLoader';
import { loadGlossaries } from '../../../src/guides/glossary';

describe('shipped guides', () => {
  it('finds nothing wrong in the guides shipped with the extension', async () => {
    const root = path.resolve(__dirname, '..', '..', '..', 'guides');
    const guides = await loadGuides(root);
    assert.ok(guides.length >= 9 * 4, `all guides in four languages (found ${guides.length})`);
    const errors = lintGuides(guides.map((guide) => ({ guide, source: readFileSync(guide.file, 'utf8') })), await loadGlossaries(root)).filter((message) => message.severity === 'error');
    assert.deepEqual(errors, []);
  });
});
