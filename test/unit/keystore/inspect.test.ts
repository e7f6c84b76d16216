import { strict as assert } from 'node:assert';
import { openKeystore, environmentFromIssuer } from '../../../src/keystore/inspect';
import { certifiedEntry } from '../../../src/keystore/model';
import { etkAlias, realFileName, realKeystore, realPassword } from './fixtures';
import { isDomainError } from '../../../src/core/domainError';

const open = (at: string, extra: { fileName?: string; checkKeys?: boolean } = {}) =>
  openKeystore(realKeystore(), { password: realPassword, at: new Date(at), fileName: realFileName, ...extra });

describe('inspect: the real eHealth acceptance keystore', () => {
  it('lists the eHealth entries with their certificates', async () => {
    const { keystore } = await open('2025-01-01');
    assert.deepEqual(
      keystore.entries.map((entry) => [entry.alias, entry.kind]),
      [
        ['authentication', 'authentication'],
        [etkAlias, 'encryption'],
        ['CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001,2.5.4.5=#1303303031,O=ZETES SA,C=BE', 'certificate'],
        ['CN=SSIN\\=79021802145,OU=eHealth-platform Belgium,OU=BRYAN EDUARD BROUCKAERT,OU=SSIN\\=79021802145,O=Federal Government,C=BE', 'certificate'],
      ],
    );
    const [auth, etk] = keystore.entries.map(certifiedEntry);
    assert.equal(auth.certificate.subject, 'CN=SSIN\\=79021802145, OU=eHealth-platform Belgium, OU=BRYAN EDUARD BROUCKAERT, OU=SSIN\\=79021802145, O=Federal Government, C=BE');
    assert.equal(auth.certificate.issuer, 'CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001, serialNumber=001, O=ZETES SA, C=BE');
    assert.equal(auth.certificate.notBefore, '2023-08-23T06:47:52.000Z');
    assert.equal(auth.certificate.notAfter, '2026-08-23T06:47:51.000Z');
    assert.deepEqual(auth.certificate.key, { type: 'rsa', bits: 2048 });
    assert.deepEqual([...auth.certificate.keyUsage].sort(), ['digitalSignature', 'keyEncipherment', 'nonRepudiation']);
    assert.deepEqual(auth.certificate.extendedKeyUsage, ['clientAuth', 'emailProtection']);
    assert.equal(auth.certificate.subjectKeyIdentifier, 'E904A7165AEAC6AB2F7A0261102BC4AF715D14ED');
    assert.deepEqual(auth.chain.map((link) => link.subject), [certifiedEntry(keystore.entries[2]).certificate.subject]);
    assert.equal(etk.certificate.serialNumber, etkAlias);
    assert.equal(etk.certificate.serialNumberHex, '0E5C49B2E38708C8458463E343AABD90');
    assert.deepEqual([...etk.certificate.keyUsage].sort(), ['dataEncipherment', 'keyEncipherment']);
    assert.deepEqual(etk.certificate.extendedKeyUsage, []);
  });

  it('reads holder and environment from the certificate', async () => {
    const { keystore } = await open('2025-01-01');
    assert.deepEqual(keystore.holder, { type: 'SSIN', id: '79021802145', name: 'BRYAN EDUARD BROUCKAERT', source: 'certificate' });
    assert.equal(keystore.environment, 'acceptance');
    assert.deepEqual(keystore.warnings, []);
  });

  it('reports the protection: JDK legacy algorithms', async () => {
    const { keystore } = await open('2025-01-01');
    assert.deepEqual(keystore.protection, {
      macAlgorithm: 'HMAC-SHA1',
      macIterations: 100000,
      bags: [
        { algorithm: 'pbeWithSHA1And40BitRC2-CBC', iterations: 50000 },
        { algorithm: 'pbeWithSHA1And3-KeyTripleDES-CBC', iterations: 50000 },
        { algorithm: 'pbeWithSHA1And3-KeyTripleDES-CBC', iterations: 50000 },
      ],
    });
  });

  const statuses: Array<[string, string]> = [
    ['2023-08-01', 'not-yet-valid'],
    ['2025-01-01', 'valid'],
    ['2026-05-20', 'valid'],
    ['2026-06-01', 'renewable'],
    ['2026-08-23T06:47:50Z', 'renewable'],
    ['2026-09-01', 'expired'],
  ];
  for (const [at, status] of statuses) {
    it(`is ${status} on ${at}`, async () => {
      assert.equal((await open(at)).keystore.status, status);
    });
  }

  it('checks keys against certificates only when asked (lazy key derivation)', async () => {
    const lazy = await open('2025-01-01');
    assert.ok(lazy.keystore.checks.filter((check) => check.code === 'key-matches-certificate').every((check) => check.result === 'unchecked'));
    const full = await open('2025-01-01', { checkKeys: true });
    assert.deepEqual(
      full.keystore.checks.map((check) => `${check.code}:${check.alias}:${check.result}`),
      [
        'key-matches-certificate:authentication:ok',
        `key-matches-certificate:${etkAlias}:ok`,
        'chain-order:authentication:ok',
        `chain-order:${etkAlias}:ok`,
        `etk-issued-by-authentication:${etkAlias}:ok`,
      ],
    );
  });

  it('warns when the suffix says production but the issuer says acceptance', async () => {
    const { keystore } = await open('2025-01-01', { fileName: 'SSIN=79021802145 20230823-085751.p12' });
    assert.equal(keystore.environment, 'acceptance');
    assert.deepEqual(keystore.warnings, [{ code: 'environment-mismatch', params: { issuer: 'acceptance', suffix: 'production' } }]);
  });

  it('tells what it can while locked: holder from the file name, key aliases, protection', async () => {
    const { keystore } = await openKeystore(realKeystore(), { fileName: realFileName });
    assert.equal(keystore.locked, true);
    assert.equal(keystore.status, undefined);
    assert.equal(keystore.environment, 'acceptance');
    assert.deepEqual(keystore.holder, { type: 'SSIN', id: '79021802145', source: 'file-name' });
    assert.deepEqual(keystore.keyAliases, ['authentication', etkAlias]);
    assert.equal(keystore.protection.macIterations, 100000);
    assert.deepEqual(keystore.warnings, [{ code: 'password-needed' }]);
  });

  it('refuses a wrong password as keystore/wrong-password', async () => {
    await assert.rejects(openKeystore(realKeystore(), { password: 'Test_002' }), (error: unknown) => isDomainError(error, 'keystore', 'wrong-password'));
  });

  it('names other formats instead of calling them damaged', async () => {
    await assert.rejects(openKeystore(Buffer.from('feedfeed00000002', 'hex')), (error: unknown) => isDomainError(error, 'keystore', 'not-ehealth'));
    await assert.rejects(openKeystore(Buffer.from('-----BEGIN CERTIFICATE-----\n')), (error: unknown) => isDomainError(error, 'keystore', 'not-ehealth'));
    await assert.rejects(openKeystore(Buffer.from('hello')), (error: unknown) => isDomainError(error, 'keystore', 'corrupt'));
  });

  it('tells environments apart by issuer', () => {
    assert.equal(environmentFromIssuer('CN=ZetesConfidens Private Trust PKI - eHealth issuing CA 001, serialNumber=001, O=ZETES SA, C=BE'), 'production');
    assert.equal(environmentFromIssuer('CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001, O=ZETES SA, C=BE'), 'acceptance');
    assert.equal(environmentFromIssuer('CN=eHealth SandBox issuing CA, O=Local'), 'sandbox');
    assert.equal(environmentFromIssuer('CN=SSIN\\=79021802145, O=Federal Government, C=BE'), 'unknown');
  });
});
