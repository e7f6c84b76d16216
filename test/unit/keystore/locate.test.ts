import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultKeystoreFolder, expandHome, keystoreFolders, listKeystores, newKeystoreFolder, sandboxKeystoreFolder } from '../../../src/keystore/locate';

describe('locating keystores', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'locate-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('uses ~/ehealth/keystore on every OS', () => {
    assert.equal(defaultKeystoreFolder('/home/an', 'linux'), '/home/an/ehealth/keystore');
    assert.equal(defaultKeystoreFolder('/Users/an', 'darwin'), '/Users/an/ehealth/keystore');
    assert.equal(defaultKeystoreFolder('C:\\Users\\an', 'win32'), 'C:\\Users\\an\\ehealth\\keystore');
  });

  it('keeps sandbox keystores apart, in ~/ehealth/sandbox: the folder a sandbox request writes to', () => {
    assert.equal(sandboxKeystoreFolder('/home/an', 'linux'), '/home/an/ehealth/sandbox');
    assert.equal(sandboxKeystoreFolder('C:\\Users\\an', 'win32'), 'C:\\Users\\an\\ehealth\\sandbox');
    assert.equal(newKeystoreFolder('sandbox', '/home/an', 'linux'), '/home/an/ehealth/sandbox');
    assert.equal(newKeystoreFolder('acceptance', '/home/an', 'linux'), '/home/an/ehealth/keystore');
    assert.equal(newKeystoreFolder('production', '/home/an', 'linux'), '/home/an/ehealth/keystore');
    assert.equal(newKeystoreFolder('sandbox', 'C:\\Users\\an', 'win32'), 'C:\\Users\\an\\ehealth\\sandbox');
  });

  it('keeps the sandbox folder a sandbox group when it is also configured (in any case where case does not matter)', () => {
    assert.deepEqual(keystoreFolders(['~/ehealth/sandbox', '/srv/keystores'], '/home/an', 'linux'), [
      { path: '/home/an/ehealth/keystore', origin: 'default' },
      { path: '/home/an/ehealth/sandbox', origin: 'sandbox' },
      { path: '/srv/keystores', origin: 'configured' },
    ]);
    // macOS and Windows folders are one whatever their case; on Linux they are two.
    const origins = (platform: NodeJS.Platform) => keystoreFolders(['/Users/an/eHealth/Sandbox'], '/Users/an', platform).map((folder) => folder.origin);
    assert.deepEqual(origins('darwin'), ['default', 'sandbox']);
    assert.deepEqual(origins('linux'), ['default', 'configured', 'sandbox']);
  });

  it('adds configured folders after the default one, expanding ~ and dropping duplicates, and always the sandbox folder last', () => {
    const folders = keystoreFolders(['~/certs', '  ', '/home/an/ehealth/keystore', '/srv/keystores', '/srv/keystores/'], '/home/an', 'linux');
    assert.deepEqual(folders, [
      { path: '/home/an/ehealth/keystore', origin: 'default' },
      { path: '/home/an/certs', origin: 'configured' },
      { path: '/srv/keystores', origin: 'configured' },
      { path: '/home/an/ehealth/sandbox', origin: 'sandbox' },
    ]);
    assert.equal(expandHome('~', '/home/an', 'linux'), '/home/an');
  });

  it('reports missing folders instead of failing', async () => {
    const listing = await listKeystores([{ path: path.join(folder, 'absent'), origin: 'configured' }]);
    assert.deepEqual(listing.folders, [{ path: path.join(folder, 'absent'), origin: 'configured', state: 'missing', keystores: [] }]);
  });

  it('orders by holder, newest first, and marks the older keystores of a holder', async () => {
    const names = [
      'SSIN=79021802145 20230823-085751.acc-p12',
      'SSIN=79021802145 20260601-101500.acc-p12',
      'SSIN=79021802145 20240101-000000.p12',
      'CBE=0123456749 20250101-000000.p12',
      'zz.p12',
    ];
    for (const name of names) writeFileSync(path.join(folder, name), Buffer.alloc(4000, 1));
    writeFileSync(path.join(folder, 'readme.txt'), 'ignored');
    const [listed] = (await listKeystores([{ path: folder, origin: 'argument' }])).folders;
    assert.deepEqual(
      listed.keystores.map((file) => [file.fileName, file.latest]),
      [
        ['CBE=0123456749 20250101-000000.p12', true],
        ['SSIN=79021802145 20260601-101500.acc-p12', true],
        ['SSIN=79021802145 20230823-085751.acc-p12', false],
        ['SSIN=79021802145 20240101-000000.p12', true],
        ['zz.p12', true],
      ],
    );
    assert.equal(listed.keystores[0].sizeBytes, 4000);
  });

  it('lists the sandbox folder by default, its keystores read as sandbox ones; older sandbox files left in ~/ehealth/keystore as .acc-p12 are listed as before', async () => {
    const home = folder;
    mkdirSync(sandboxKeystoreFolder(home), { recursive: true });
    mkdirSync(defaultKeystoreFolder(home), { recursive: true });
    writeFileSync(path.join(sandboxKeystoreFolder(home), 'SSIN=79021802145 20261202-101010.sandbox-p12'), Buffer.alloc(100, 1));
    writeFileSync(path.join(sandboxKeystoreFolder(home), 'SSIN=79021802145 20261202-111111.sandbox-p12.20261202-121212.bak'), Buffer.alloc(100, 2));
    writeFileSync(path.join(defaultKeystoreFolder(home), 'SSIN=79021802145 20250101-000000.acc-p12'), Buffer.alloc(100, 3));
    const listing = await listKeystores(keystoreFolders([], home));
    assert.deepEqual(
      listing.folders.map((listed) => [listed.origin, listed.keystores.map((file) => [file.fileName, file.environment, file.latest])]),
      [
        ['default', [['SSIN=79021802145 20250101-000000.acc-p12', 'acceptance', true]]],
        ['sandbox', [['SSIN=79021802145 20261202-101010.sandbox-p12', 'sandbox', true]]],
      ],
    );
  });

  it('keeps odd files in the listing with a problem each', async () => {
    writeFileSync(path.join(folder, 'SSIN=79021802145 20230823-085751.p12'), '');
    mkdirSync(path.join(folder, 'SSIN=79021802145 20230824-085751.p12'));
    symlinkSync(path.join(folder, 'nowhere'), path.join(folder, 'SSIN=79021802145 20230825-085751.p12'));
    writeFileSync(path.join(folder, 'SSIN=79021802145 20230826-085751.p12'), Buffer.alloc(2 * 1024 * 1024));
    const [listed] = (await listKeystores([{ path: folder, origin: 'argument' }])).folders;
    assert.deepEqual(
      listed.keystores.map((file) => file.problems.map((problem) => problem.code)),
      [['too-large'], ['unreadable'], ['not-a-file'], ['empty']],
    );
  });
});
