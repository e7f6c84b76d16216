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
const counted = (environment: 'acceptance' | 'sandbox', excluded: string[] = []) => countedKeystores(listing, session, { environment, excluded: new Set(excluded) }).map((keystore) => keystore.file);

describe('the keystores the status bar counts', () => {
  it('leaves out sandbox rehearsals (their folder, their suffix, their issuer) unless the sandbox is the environment', () => {
    assert.deepEqual(counted('acceptance'), [real.path]);
    assert.deepEqual(counted('sandbox'), [real.path, renamed.path, rehearsal.path]);
  });

  it('leaves out older keystores and the folders the user excluded', () => {
    assert.deepEqual(counted('sandbox', ['/home/amelie/ehealth/keystore']), [rehearsal.path]);
  });
});
