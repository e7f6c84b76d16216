import { strict as assert } from 'node:assert';
import { openKeystore } from '../../../src/keystore/inspect';
import { authDn, etkOf, evaluatedAt, issue, issuingDn, makePki, testPassword, writeKeystore, type TestPki } from './testPki';

/** A keystore with the authentication certificate `auth` (its key: the test PKI's) and an ETK. */
async function inspectWith(pki: TestPki, auth: Uint8Array, chain: Uint8Array[] = [], fileName?: string) {
  const bytes = await writeKeystore({
    authentication: { privateKey: pki.authKey, chain: [auth, ...chain] },
    encryption: [{ privateKey: pki.etkKey, certificate: await etkOf(pki.authKey, pki.etkKey) }],
  });
  return (await openKeystore(bytes, { password: testPassword, at: evaluatedAt, ...(fileName ? { fileName } : {}) })).keystore;
}

describe('inspect: incomplete when the authentication certificate is not an eHealth one', function () {
  this.timeout(60_000);
  let pki: TestPki;
  before(async () => {
    pki = await makePki();
  });
  const authFor = (days: number) => issue({ subject: authDn, key: pki.authKey, issuer: { dn: issuingDn, key: pki.issuingKey }, days });

  it('is incomplete when no eHealth or sandbox CA issued the authentication certificate', async () => {
    const companyCa = 'CN=Example Issuing CA, O=Example, C=BE';
    const auth = await issue({ subject: authDn, key: pki.authKey, issuer: { dn: companyCa, key: pki.issuingKey } });
    const keystore = await inspectWith(pki, auth, [], 'SSIN=79021802145 20240101-000000.acc-p12');
    assert.equal(keystore.status, 'incomplete');
    assert.deepEqual(keystore.warnings, [{ code: 'issuer-not-ehealth', params: { issuer: companyCa } }]);
    // Nothing in the certificate says where it is valid: the suffix is all there is.
    assert.equal(keystore.environment, 'acceptance');
  });

  it('is incomplete with a self-signed authentication certificate (a key made with keytool -genkeypair)', async () => {
    const keystore = await inspectWith(pki, await issue({ subject: authDn, key: pki.authKey }));
    assert.equal(keystore.status, 'incomplete');
    assert.deepEqual(keystore.warnings.map((warning) => warning.code), ['issuer-not-ehealth']);
    assert.equal(keystore.environment, 'unknown');
  });

  it('is incomplete when the authentication certificate does not span about 3 years', async () => {
    const keystore = await inspectWith(pki, await authFor(730), [pki.issuing]);
    assert.equal(keystore.status, 'incomplete');
    assert.deepEqual(keystore.warnings, [{ code: 'validity-not-three-years', params: { days: 730 } }]);
    assert.equal(keystore.environment, 'sandbox');
  });

  it('is expired rather than incomplete once a short certificate has run out', async () => {
    const keystore = await inspectWith(pki, await authFor(365), [pki.issuing]);
    assert.equal(keystore.status, 'expired');
    assert.deepEqual(keystore.warnings.map((warning) => warning.code), ['validity-not-three-years']);
  });

  // 3 years is 1096 days here; a month either way still counts as "about 3 years".
  const spans: Array<[number, string]> = [
    [1064, 'incomplete'],
    [1065, 'valid'],
    [1095, 'valid'],
    [1127, 'valid'],
    [1128, 'incomplete'],
  ];
  for (const [days, status] of spans) {
    it(`is ${status} with an authentication certificate of ${days} days`, async () => {
      const keystore = await inspectWith(pki, await authFor(days), [pki.issuing]);
      assert.equal(keystore.status, status);
      assert.deepEqual(keystore.warnings.map((warning) => warning.code), status === 'valid' ? [] : ['validity-not-three-years']);
    });
  }
});
