import { strict as assert } from 'node:assert';
import { authenticationExpiry } from '../../../src/keystore/expiry';
import { openKeystore } from '../../../src/keystore/inspect';
import { certifiedEntry } from '../../../src/keystore/model';
import { placeholderCertificate } from '../../../src/pki/certificates';
import { evaluateCheck } from '../../../src/guides/checks';
import { translator } from '../../../src/i18n';
import { warningText } from '../../../src/i18n/keystoreText';
import { authDn, etkOf, evaluatedAt, issue, issuingDn, makePki, notBefore, testPassword, writeKeystore, type TestPki } from './testPki';

const day = 86_400_000;

/** A keystore with the authentication certificate `auth` (its key: the test PKI's) and an ETK. */
async function inspectWith(pki: TestPki, auth: Uint8Array, chain: Uint8Array[] = [], fileName?: string, at = evaluatedAt) {
  const bytes = await writeKeystore({
    authentication: { privateKey: pki.authKey, chain: [auth, ...chain] },
    encryption: [{ privateKey: pki.etkKey, certificate: await etkOf(pki.authKey, pki.etkKey) }],
  });
  return (await openKeystore(bytes, { password: testPassword, at, ...(fileName ? { fileName } : {}) })).keystore;
}

describe('inspect: pending while the new key waits for its certificate', function () {
  this.timeout(60_000);
  let pki: TestPki;
  before(async () => {
    pki = await makePki();
  });
  /** The key alone under `certificate`, as a request leaves it. */
  const inspectRequest = async (certificate: Uint8Array, fileName?: string) => {
    const bytes = await writeKeystore({ authentication: { privateKey: pki.authKey, chain: [certificate] }, encryption: [] });
    return (await openKeystore(bytes, { password: testPassword, at: evaluatedAt, ...(fileName ? { fileName } : {}) })).keystore;
  };

  it('is pending under the official placeholder (C=Dummy, expired), the holder from the file name, with nothing to warn about', async () => {
    const keystore = await inspectRequest(placeholderCertificate(pki.authKey, notBefore), 'SSIN=79021802145 20240101-000000.acc-p12');
    assert.equal(keystore.status, 'pending');
    assert.equal(certifiedEntry(keystore.entries[0]).certificate.subject, 'C=Dummy');
    assert.deepEqual(keystore.holder, { type: 'SSIN', id: '79021802145', source: 'file-name' });
    assert.equal(keystore.environment, 'acceptance');
    assert.deepEqual(keystore.warnings, []);
  });

  it('shows no expiry in the status bar and fails the guide checks "complete" and "valid 3 years"', async () => {
    const fileName = 'SSIN=79021802145 20240101-000000.acc-p12';
    const keystore = await inspectRequest(placeholderCertificate(pki.authKey, notBefore), fileName);
    assert.equal(authenticationExpiry(keystore, evaluatedAt), undefined);
    const file = { path: `/keystores/${fileName}`, fileName, holder: keystore.holder, environment: 'acceptance' as const, latest: true, problems: [] };
    const facts = { environment: 'acceptance' as const, keystores: [file], opened: new Map([[file.path, keystore]]) };
    const checks = ['keystore.complete', 'keystore.three-years', 'keystore.valid'] as const;
    assert.deepEqual(checks.map((check) => evaluateCheck(check, facts)), ['fail', 'fail', 'fail']);
  });

  it('is pending under the stand-in of earlier versions (self-signed with the requested DN, a year long)', async () => {
    const keystore = await inspectRequest(await issue({ subject: authDn, key: pki.authKey, days: 365 }));
    assert.equal(keystore.status, 'pending');
    assert.equal(keystore.holder?.source, 'certificate');
    assert.deepEqual(keystore.warnings, []);
  });

  it('is not pending under a certificate some other key signed', async () => {
    const keystore = await inspectRequest(await issue({ subject: authDn, key: pki.authKey, issuer: { dn: authDn, key: pki.etkKey } }));
    assert.equal(keystore.status, 'incomplete');
  });
});

describe('inspect: a sandbox keystore named as a real one', function () {
  this.timeout(60_000);
  let pki: TestPki;
  before(async () => {
    pki = await makePki();
  });

  it('warns a sandbox-issued file named .acc-p12 (made before sandbox keystores had their own name) to be moved to the sandbox folder; .sandbox-p12 is as it should be', async () => {
    const auth = await issue({ subject: authDn, key: pki.authKey, issuer: { dn: issuingDn, key: pki.issuingKey }, days: 1095 });
    const misnamed = await inspectWith(pki, auth, [], 'SSIN=79021802145 20240101-000000.acc-p12');
    assert.equal(misnamed.environment, 'sandbox');
    assert.deepEqual(misnamed.warnings, [{ code: 'sandbox-named-as-real' }]);
    assert.equal(warningText(misnamed.warnings[0], translator('en')), 'This keystore was made with the local sandbox (a rehearsal) but is named as a real one: move it to ~/ehealth/sandbox and rename it to end in .sandbox-p12, so that no software takes it for a real keystore.');
    assert.deepEqual((await inspectWith(pki, auth, [], 'SSIN=79021802145 20240101-000000.sandbox-p12')).warnings, []);
  });
});

describe('inspect: incomplete when the authentication certificate is not an eHealth one', function () {
  this.timeout(60_000);
  let pki: TestPki;
  before(async () => {
    pki = await makePki();
  });

  it('is incomplete when no eHealth or sandbox CA issued the authentication certificate', async () => {
    const companyCa = 'CN=Example Issuing CA, O=Example, C=BE';
    const auth = await issue({ subject: authDn, key: pki.authKey, issuer: { dn: companyCa, key: pki.issuingKey } });
    const keystore = await inspectWith(pki, auth, [], 'SSIN=79021802145 20240101-000000.acc-p12');
    assert.equal(keystore.status, 'incomplete');
    assert.deepEqual(keystore.warnings, [{ code: 'issuer-not-ehealth', params: { issuer: companyCa } }]);
    // Nothing in the certificate says where it is valid: the suffix is all there is.
    assert.equal(keystore.environment, 'acceptance');
  });

  it('is incomplete with a self-signed authentication certificate beside an ETK (a key made with keytool -genkeypair)', async () => {
    const keystore = await inspectWith(pki, await issue({ subject: authDn, key: pki.authKey }));
    assert.equal(keystore.status, 'incomplete');
    assert.deepEqual(keystore.warnings.map((warning) => warning.code), ['issuer-not-ehealth']);
    assert.equal(keystore.environment, 'unknown');
  });
});

describe('inspect: a certificate from a known CA with both keys is valid or renewable, whatever its length', function () {
  this.timeout(60_000);
  let pki: TestPki;
  before(async () => {
    pki = await makePki();
  });
  const authFor = (days: number) => issue({ subject: authDn, key: pki.authKey, issuer: { dn: issuingDn, key: pki.issuingKey }, days });

  it('is renewable with a 60-day sandbox certificate (to rehearse a renewal), the length only a warning', async () => {
    const keystore = await inspectWith(pki, await authFor(60), [pki.issuing], undefined, new Date(notBefore.getTime() + 10 * day));
    assert.equal(keystore.environment, 'sandbox');
    assert.equal(keystore.status, 'renewable');
    assert.deepEqual(keystore.warnings, [{ code: 'validity-not-three-years', params: { days: 60 } }]);
  });

  it('is expired once a short certificate has run out', async () => {
    const keystore = await inspectWith(pki, await authFor(365), [pki.issuing]);
    assert.equal(keystore.status, 'expired');
    assert.deepEqual(keystore.warnings.map((warning) => warning.code), ['validity-not-three-years']);
  });

  // 3 years is 1096 days here; a month either way still counts as "about 3 years", without a warning.
  for (const days of [730, 1064, 1065, 1095, 1127, 1128]) {
    const warned = Math.abs(days - 1096) > 31;
    it(`is valid with an authentication certificate of ${days} days${warned ? ', with a warning' : ''}`, async () => {
      const keystore = await inspectWith(pki, await authFor(days), [pki.issuing]);
      assert.equal(keystore.status, 'valid');
      assert.deepEqual(keystore.warnings, warned ? [{ code: 'validity-not-three-years', params: { days } }] : []);
    });
  }
});
