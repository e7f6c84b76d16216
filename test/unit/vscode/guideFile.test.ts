// Which files are guides: one expression for the preview command, the diagnostics, the completions,
// and the preview's `when` clauses in package.json (VS Code reads those without our code).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { guideFile, guideFilePattern } from '../../../src/vscode/guides/guideFile';

describe('guide files', () => {
  it('are guides/<language>/<id>.md, on any system', () => {
    assert.deepEqual(guideFile('/home/writer/repo/guides/nl/renew-certificate.md'), { root: '/home/writer/repo/guides', language: 'nl', id: 'renew-certificate' });
    assert.equal(guideFile('C:\\repo\\guides\\de\\get-started.md')?.language, 'de');
    for (const other of ['/repo/guides/es/a.md', '/repo/guides/README.md', '/repo/guides/fr/a.txt', '/repo/guides/fr/sub/a.md', '/repo/docs/fr/a.md']) assert.equal(guideFile(other), undefined, other);
  });

  it('are the files package.json offers the preview for', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } };
    const whens = Object.values(manifest.contributes.menus)
      .flat()
      .filter((item) => item.command === 'ehealth.guides.preview' && item.when)
      .map((item) => /resourcePath =~ \/(.*)\/$/.exec(item.when!)?.[1]);
    assert.ok(whens.length >= 2);
    for (const when of whens) assert.equal(when, guideFilePattern.source);
  });
});
