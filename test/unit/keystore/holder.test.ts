import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { openKeystore } from '../../../src/keystore/inspect';
import { certifiedEntry } from '../../../src/keystore/model';
import { newKey, testPassword, writeKeystore } from './testPki';

// A real production organisation certificate (EHP with an application id) and its issuing CA; its
// private key is not public, so the keystore pairs it with a fresh key (and says so).
const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'keystores');
const vitalink = readFileSync(path.join(fixtures, 'ehp-vitalink-production.crt'));
const issuingCa = new X509Certificate(readFileSync(path.join(fixtures, 'zetes-ehealth-issuing-ca-001.pem'))).raw;
const fileName = 'EHP=1990001916,VITALINKGATEWAY 20200623-124719.p12';

describe('inspect: an organisation holder with an application id', function () {
  this.timeout(30_000);
  let bytes: Uint8Array;
  before(async () => {
    bytes = await writeKeystore({ authentication: { privateKey: newKey(), chain: [vitalink, issuingCa] }, encryption: [] });
  });
  const open = (at: string) => openKeystore(bytes, { password: testPassword, at: new Date(at), fileName, checkKeys: true });

  it('reads type, id, application id and name from CN=EHP\\=1990001916\\, VITALINKGATEWAY and the OUs', async () => {
    const { keystore } = await open('2022-01-01');
    assert.equal(certifiedEntry(keystore.entries[0]).certificate.subject.split(', OU=')[0], 'CN=EHP\\=1990001916\\, VITALINKGATEWAY');
    assert.deepEqual(keystore.holder, { type: 'EHP', id: '1990001916', applicationId: 'VITALINKGATEWAY', name: 'VLAAMS AGENTSCHAP ZORG EN GEZONDHEID', source: 'certificate' });
    assert.equal(keystore.environment, 'production');
  });

  it('checks the real chain and notices the key is not the certificate\'s', async () => {
    const { keystore } = await open('2022-01-01');
    assert.deepEqual(
      keystore.checks.map((check) => `${check.code}:${check.alias}:${check.result}`),
      ['key-matches-certificate:authentication:failed', 'chain-order:authentication:ok'],
    );
    assert.equal(keystore.status, 'incomplete');
    assert.deepEqual(keystore.warnings, [{ code: 'no-encryption-key' }]);
  });

  it('keeps the application id from the file name while locked', async () => {
    const { keystore } = await openKeystore(bytes, { fileName });
    assert.deepEqual(keystore.holder, { type: 'EHP', id: '1990001916', applicationId: 'VITALINKGATEWAY', source: 'file-name' });
  });
});
