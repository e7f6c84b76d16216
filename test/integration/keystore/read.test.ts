import { strict as assert } from 'node:assert';
import { openKeystore } from '../../../src/keystore/inspect';
import { certifiedEntry } from '../../../src/keystore/model';
import { etkAlias, generateKeystores, nonAsciiPassword, password, type Generated } from './generate';
import { isDomainError } from '../../../src/core/domainError';

describe('reading keystores made by openssl and keytool', function () {
  this.timeout(60_000);
  let generated: Generated;
  before(() => {
    generated = generateKeystores();
  });
  after(() => generated?.cleanup());

  const open = (name: string, secret = password) => openKeystore(generated.read(name), { password: secret, checkKeys: true });
  const summary = async (name: string, secret = password) => {
    const { keystore } = await open(name, secret);
    assert.ok(keystore.checks.every((check) => check.result === 'ok'), JSON.stringify(keystore.checks));
    return keystore;
  };

  it('OpenSSL 3 default: PBES2 AES-256, HMAC-SHA256', async () => {
    const keystore = await summary('openssl3.p12');
    assert.deepEqual(keystore.entries.map((entry) => [entry.alias, entry.kind]), [['authentication', 'authentication']]);
    assert.equal(keystore.protection.macAlgorithm, 'HMAC-SHA256');
    assert.deepEqual(keystore.protection.bags.map((bag) => bag.algorithm), ['PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC)', 'PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC)']);
    assert.equal(keystore.environment, 'sandbox');
    assert.deepEqual(certifiedEntry(keystore.entries[0]).chain.map((link) => link.subject), ['CN=eHealth Sandbox issuing CA, O=Test, C=BE']);
    assert.equal(keystore.status, 'incomplete');
    assert.deepEqual(keystore.warnings.map((warning) => warning.code), ['no-encryption-key']);
  });

  it('OpenSSL 3 -legacy: 3DES key, RC2-40 certificates, HMAC-SHA1', async () => {
    const keystore = await summary('openssl3-legacy.p12');
    assert.equal(keystore.protection.macAlgorithm, 'HMAC-SHA1');
    assert.deepEqual(keystore.protection.bags.map((bag) => bag.algorithm), ['pbeWithSHA1And40BitRC2-CBC', 'pbeWithSHA1And3-KeyTripleDES-CBC']);
    assert.deepEqual(certifiedEntry(keystore.entries[0]).certificate.key, { type: 'rsa', bits: 2048 });
  });

  it('EC keys (OpenSSL P-256, keytool P-384)', async () => {
    assert.deepEqual(certifiedEntry((await summary('openssl3-ec.p12')).entries[0]).certificate.key, { type: 'ec', curve: 'prime256v1' });
    assert.deepEqual(certifiedEntry((await summary('keytool17-ec.p12')).entries[0]).certificate.key, { type: 'ec', curve: 'secp384r1' });
  });

  it('non-ASCII passwords, PBES2 and legacy', async () => {
    await summary('openssl3-nonascii.p12', nonAsciiPassword);
    await summary('openssl3-legacy-nonascii.p12', nonAsciiPassword);
    await assert.rejects(open('openssl3-nonascii.p12', 'Passwörd€1'), (error: unknown) => isDomainError(error, 'keystore', 'wrong-password'));
  });

  for (const name of ['keytool17.p12', 'keytool17-legacy.p12']) {
    it(`JDK 17 ${name}: authentication + ETK, a complete eHealth-like keystore`, async () => {
      const keystore = await summary(name);
      const keys = keystore.entries.filter((entry) => entry.kind !== 'certificate');
      assert.deepEqual(keys.map((entry) => [entry.alias, entry.kind]).sort(), [[etkAlias, 'encryption'], ['authentication', 'authentication']]);
      assert.equal(keystore.status, 'valid');
      assert.deepEqual(keystore.checks.filter((check) => check.code === 'etk-issued-by-authentication').map((check) => check.result), ['ok']);
      const expected = name.includes('legacy') ? 'HMAC-SHA1' : 'HMAC-SHA256';
      assert.equal(keystore.protection.macAlgorithm, expected);
    });
  }

  it('certificate-only files', async () => {
    const { keystore } = await open('certificates-only.p12');
    assert.deepEqual(keystore.entries.map((entry) => [entry.alias, entry.kind]), [['CN=eHealth Sandbox issuing CA, O=Test, C=BE', 'certificate']]);
    assert.equal(keystore.status, 'incomplete');
    assert.ok(keystore.warnings.some((warning) => warning.code === 'no-authentication-key'));
  });

  it('refuses wrong passwords on every kind of file', async () => {
    for (const name of ['openssl3.p12', 'openssl3-legacy.p12', 'keytool17.p12', 'keytool17-legacy.p12']) {
      await assert.rejects(open(name, 'not-the-password'), (error: unknown) => isDomainError(error, 'keystore', 'wrong-password'), name);
    }
  });
});
