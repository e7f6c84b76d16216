import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listKeystores } from '../../../src/keystore/locate';
import { realKeystorePath } from './fixtures';

describe('locate: renewals and stray duplicates', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'keystore-relations-'));
    mkdirSync(path.join(root, 'main'));
    mkdirSync(path.join(root, 'other'));
    copyFileSync(realKeystorePath, path.join(root, 'main', 'SSIN=79021802145 20230823-085751.acc-p12'));
    writeFileSync(path.join(root, 'main', 'SSIN=79021802145 20260601-101500.acc-p12'), 'renewed keystore');
    copyFileSync(realKeystorePath, path.join(root, 'main', 'copy of my keystore.p12'));
    writeFileSync(path.join(root, 'other', 'SSIN=79021802145 20230823-085751.acc-p12'), 'same name, other bytes');
    writeFileSync(path.join(root, 'main', 'CBE=0123456749 20240101-000000.p12'), 'unrelated');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('links a renewal to the keystore it replaces', async () => {
    const listing = await listKeystores([{ path: path.join(root, 'main'), origin: 'configured' }]);
    const files = listing.folders[0].keystores;
    const byName = (name: string) => files.find((file) => file.fileName === name)!;
    const old = byName('SSIN=79021802145 20230823-085751.acc-p12');
    const renewed = byName('SSIN=79021802145 20260601-101500.acc-p12');
    assert.equal(old.renewedBy, renewed.path);
    assert.equal(renewed.renewalOf, old.path);
    assert.equal(old.latest, false);
    assert.equal(byName('CBE=0123456749 20240101-000000.p12').renewedBy, undefined);
  });

  it('flags byte-identical copies and same holder, environment and time as duplicates of one original', async () => {
    const listing = await listKeystores([
      { path: path.join(root, 'main'), origin: 'configured' },
      { path: path.join(root, 'other'), origin: 'configured' },
    ]);
    const all = listing.folders.flatMap((folder) => folder.keystores);
    const original = path.join(root, 'main', 'SSIN=79021802145 20230823-085751.acc-p12');
    const duplicates = all.filter((file) => file.problems.some((problem) => problem.code === 'duplicate'));
    assert.deepEqual(duplicates.map((file) => path.relative(root, file.path)).sort(), [
      path.join('main', 'copy of my keystore.p12'),
      path.join('other', 'SSIN=79021802145 20230823-085751.acc-p12'),
    ]);
    for (const file of duplicates) assert.deepEqual(file.problems.at(-1), { code: 'duplicate', params: { of: original } });
    assert.equal(all.find((file) => file.path === original)!.sha256?.length, 64);
  });
});
