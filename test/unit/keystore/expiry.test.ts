// What the status bar counts: the newest keystore of each holder, out of the folders left out, and
// sandbox rehearsals only while the sandbox is the environment.
import * as assert from 'node:assert/strict';
import { countedKeystores } from '../../../src/keystore/expiry';
import type { FolderOrigin, Keystore, KeystoreEnvironment, KeystoreFile, KeystoreListing } from '../../../src/keystore/model';

const file = (folder: string, fileName: string, environment: KeystoreEnvironment, latest = true): KeystoreFile => ({ path: `${folder}/${fileName}`, fileName, environment, latest, problems: [] });
const opened = (keystoreFile: KeystoreFile, environment: KeystoreEnvironment = keystoreFile.environment): Keystore => ({
  file: keystoreFile.path,
  environment,
  status: 'valid',
  evaluatedAt: '2026-12-02T12:00:00Z',
  locked: false,
  keyAliases: [],
  entries: [],
  checks: [],
  warnings: [],
  protection: {} as Keystore['protection'],
});
const folder = (path: string, origin: FolderOrigin, keystores: KeystoreFile[]) => ({ path, origin, state: 'ok' as const, keystores });

const real = file('/home/amelie/ehealth/keystore', 'SSIN=79021802145 20260101-100000.acc-p12', 'acceptance');
const older = file('/home/amelie/ehealth/keystore', 'SSIN=79021802145 20230101-100000.acc-p12', 'acceptance', false);
const renamed = file('/home/amelie/ehealth/keystore', 'SSIN=85031412401 20240101-100000.acc-p12', 'acceptance');
const rehearsal = file('/home/amelie/ehealth/sandbox', 'SSIN=79021802145 20261202-100000.sandbox-p12', 'sandbox');
const listing: KeystoreListing = { folders: [folder('/home/amelie/ehealth/keystore', 'default', [real, older, renamed]), folder('/home/amelie/ehealth/sandbox', 'sandbox', [rehearsal])] };
// An older sandbox keystore named as an acceptance one: its issuer tells, once opened.
const session = [opened(real), opened(older), opened(renamed, 'sandbox'), opened(rehearsal)];
const counted = (environment: 'acceptance' | 'sandbox', excluded: string[] = []) => countedKeystores(listing, session, { environment, excluded, platform: 'linux', home: '/home/amelie' }).map((keystore) => keystore.file);

describe('the keystores the status bar counts', () => {
  it('leaves out sandbox rehearsals (their folder, their suffix, their issuer) unless the sandbox is the environment', () => {
    assert.deepEqual(counted('acceptance'), [real.path]);
    assert.deepEqual(counted('sandbox'), [real.path, renamed.path, rehearsal.path]);
  });

  it('leaves out older keystores and the folders the user excluded', () => {
    assert.deepEqual(counted('sandbox', ['/home/amelie/ehealth/keystore']), [rehearsal.path]);
  });

  it('knows an excluded folder however it is written: `~`, a trailing separator, `..`, surrounding spaces', () => {
    for (const written of ['~/ehealth/keystore', '~/ehealth/keystore/', ' /home/amelie/ehealth/keystore/ ', '/home/amelie/ehealth/sandbox/../keystore']) {
      assert.deepEqual(counted('sandbox', [written]), [rehearsal.path], written);
    }
    // Case counts on Linux: another folder.
    assert.deepEqual(counted('acceptance', ['/home/amelie/eHealth/Keystore']), [real.path]);
  });

  it('knows an excluded Windows or macOS folder whatever its case', () => {
    const windowsFolder = 'C:\\Users\\Amelie\\ehealth\\keystore';
    const windowsFile = file(windowsFolder, 'SSIN=79021802145 20260101-100000.acc-p12', 'acceptance');
    const windows: KeystoreListing = { folders: [folder(windowsFolder, 'default', [windowsFile])] };
    const countedOn = (platform: NodeJS.Platform, excluded: string[], home: string) => countedKeystores(windows, [opened(windowsFile)], { environment: 'acceptance', excluded, platform, home }).length;
    assert.equal(countedOn('win32', ['c:\\users\\amelie\\EHEALTH\\Keystore\\'], 'C:\\Users\\Amelie'), 0);
    assert.equal(countedOn('win32', ['~\\ehealth\\KEYSTORE'], 'C:\\Users\\Amelie'), 0);
    assert.equal(countedOn('win32', ['C:\\Users\\Amelie\\ehealth\\other'], 'C:\\Users\\Amelie'), 1);
    const mac: KeystoreListing = { folders: [folder('/Users/amelie/ehealth/keystore', 'default', [file('/Users/amelie/ehealth/keystore', 'SSIN=79021802145 20260101-100000.acc-p12', 'acceptance')])] };
    assert.equal(countedKeystores(mac, [opened(mac.folders[0].keystores[0])], { environment: 'acceptance', excluded: ['~/EHealth/Keystore/'], platform: 'darwin', home: '/Users/amelie' }).length, 0);
  });

  it('leaves out a keystore renewed by one in another folder (latest is judged per folder, the renewal across folders)', () => {
    const moved = file('/home/amelie/other', 'SSIN=85031412401 20270101-100000.acc-p12', 'acceptance');
    const renewedElsewhere = { ...renamed, renewedBy: moved.path };
    const across: KeystoreListing = { folders: [folder('/home/amelie/ehealth/keystore', 'default', [real, renewedElsewhere]), folder('/home/amelie/other', 'configured', [moved])] };
    const keystores = countedKeystores(across, [opened(real), opened(renewedElsewhere), opened(moved)], { environment: 'acceptance', excluded: [], platform: 'linux', home: '/home/amelie' });
    assert.deepEqual(keystores.map((keystore) => keystore.file), [real.path, moved.path]);
  });
});
