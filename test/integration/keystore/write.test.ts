import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { changePassword } from '../../../src/keystore/changePassword';
import { PasswordPolicyViolation } from '../../../src/keystore/errors';
import { openKeystore, type OpenedKeystore } from '../../../src/keystore/inspect';
import { ehealthLayout } from '../../../src/keystore/layout';
import { certifiedEntry } from '../../../src/keystore/model';
import { writePkcs12, type ProtectionMode } from '../../../src/keystore/pkcs12/writer';
import { sharedKdfPool } from '../../../src/keystore/workerPool';
import { etkAlias, realFileName, realKeystorePath, realPassword } from '../../unit/keystore/fixtures';
import { generateKeystores, nonAsciiPassword, password, type Generated } from './generate';
import { isDomainError } from '../../../src/core/domainError';

/** The eHealth content of an opened keystore: what our writer lays out again. */
async function layoutOf(opened: OpenedKeystore) {
  const der = (base64: string) => Buffer.from(base64, 'base64');
  const keyEntry = (kind: string) => opened.keystore.entries.filter((entry) => entry.kind === kind).map(certifiedEntry);
  const [auth] = keyEntry('authentication');
  return ehealthLayout({
    authentication: { privateKey: await opened.keys.get(auth.alias)!.privateKey(), chain: [auth.certificate, ...auth.chain].map((cert) => der(cert.der)) },
    encryption: await Promise.all(
      keyEntry('encryption').map(async (etk) => ({ privateKey: await opened.keys.get(etk.alias)!.privateKey(), certificate: der(etk.certificate.der) })),
    ),
  });
}

describe('writing keystores that openssl and keytool read', function () {
  this.timeout(60_000);
  let generated: Generated;
  before(() => {
    generated = generateKeystores();
  });
  after(() => generated?.cleanup());

  /** openssl 3 without -legacy reads the whole file (keys included) or the test fails; -info goes to stderr. */
  const opensslReads = (file: string, secret: string): string => {
    const result = spawnSync('openssl', ['pkcs12', '-info', '-nodes', '-in', file, '-passin', 'stdin'], { input: secret });
    assert.equal(result.status, 0, `openssl cannot read ${file}: ${result.stderr}`);
    assert.match(result.stdout.toString(), /BEGIN PRIVATE KEY/);
    return result.stderr.toString();
  };
  const keytoolAliases = (file: string, secret: string) =>
    execFileSync('keytool', ['-list', '-keystore', file, '-storetype', 'pkcs12', '-storepass', secret]).toString().match(/^[^\s,]+(?=, .*PrivateKeyEntry)/gm)?.sort() ?? [];

  for (const mode of ['compatible', 'modern'] as ProtectionMode[]) {
    it(`${mode}: the real keystore laid out again opens in openssl (no -legacy), keytool and our reader`, async () => {
      const original = await openKeystore(readFileSync(realKeystorePath), { password: realPassword });
      const bytes = await writePkcs12(await layoutOf(original), password, { mode }, sharedKdfPool());
      const file = generated.file(`written-${mode}.acc-p12`);
      writeFileSync(file, bytes);
      const info = opensslReads(file, password);
      assert.match(info, mode === 'compatible' ? /MAC: sha1, Iteration 100000/ : /MAC: sha256, Iteration 10000/);
      assert.match(info, mode === 'compatible' ? /pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 50000/ : /PBES2, PBKDF2, AES-256-CBC, Iteration 10000, PRF hmacWithSHA256/);
      assert.deepEqual(keytoolAliases(file, password), [etkAlias, 'authentication']);

      const reread = await openKeystore(bytes, { password, checkKeys: true, fileName: realFileName, at: new Date('2025-01-01') });
      assert.ok(reread.keystore.checks.every((check) => check.result === 'ok'));
      assert.deepEqual(
        reread.keystore.entries.map(certifiedEntry).map((entry) => [entry.alias, entry.kind, entry.certificate.serialNumber]),
        original.keystore.entries.map(certifiedEntry).map((entry) => [entry.alias, entry.kind, entry.certificate.serialNumber]),
      );
      assert.equal(reread.keystore.status, 'valid');
    });
  }

  it('writes EC keys', async () => {
    const original = await openKeystore(generated.read('openssl3-ec.p12'), { password });
    for (const mode of ['compatible', 'modern'] as ProtectionMode[]) {
      const file = generated.file(`written-ec-${mode}.p12`);
      writeFileSync(file, await writePkcs12(await layoutOf(original), password, { mode }, sharedKdfPool()));
      opensslReads(file, password);
      assert.deepEqual(keytoolAliases(file, password), ['authentication']);
      const reread = await openKeystore(readFileSync(file), { password, checkKeys: true });
      assert.deepEqual(certifiedEntry(reread.keystore.entries[0]).certificate.key, { type: 'ec', curve: 'prime256v1' });
    }
  });

  it('writes non-ASCII passwords the way openssl reads them', async () => {
    const original = await openKeystore(generated.read('openssl3.p12'), { password });
    for (const mode of ['compatible', 'modern'] as ProtectionMode[]) {
      const file = generated.file(`written-nonascii-${mode}.p12`);
      writeFileSync(file, await writePkcs12(await layoutOf(original), nonAsciiPassword, { mode }, sharedKdfPool()));
      opensslReads(file, nonAsciiPassword);
    }
  });

  describe('changing the password', () => {
    const newPassword = 'Nieuw_wachtwoord7';
    let file: string;
    beforeEach(() => {
      file = path.join(generated.dir, realFileName);
      copyFileSync(realKeystorePath, file);
    });

    it('refuses the old password afterwards, takes the new one, and keeps a backup that opens with the old one', async () => {
      const { backup } = await changePassword(file, realPassword, newPassword, newPassword, { now: new Date(2026, 0, 2, 3, 4, 5) });
      assert.equal(path.basename(backup), `${realFileName}.20260102-030405.bak`);
      await assert.rejects(openKeystore(readFileSync(file), { password: realPassword }), (error: unknown) => isDomainError(error, 'keystore', 'wrong-password'));
      const reopened = await openKeystore(readFileSync(file), { password: newPassword, checkKeys: true });
      assert.ok(reopened.keystore.checks.every((check) => check.result === 'ok'));
      assert.equal(reopened.keystore.protection.macAlgorithm, 'HMAC-SHA1', 'a legacy keystore stays compatible');
      assert.deepEqual(keytoolAliases(file, newPassword), [etkAlias, 'authentication']);
      opensslReads(file, newPassword);
      await openKeystore(readFileSync(backup), { password: realPassword });
      assert.deepEqual(readdirSync(generated.dir).filter((name) => name.includes('.ehealth-tmp-') || name.endsWith('.lock')), [], 'no temporary file or lock left');
    });

    it('reports each broken policy rule and leaves the file alone', async () => {
      const before = readFileSync(file);
      await assert.rejects(changePassword(file, realPassword, 'kort', 'kurz'), (error: unknown) => {
        assert.ok(error instanceof PasswordPolicyViolation);
        assert.deepEqual(error.failures, ['min-length', 'digit-or-symbol', 'confirmation']);
        return true;
      });
      await assert.rejects(changePassword(file, 'wrong', newPassword, newPassword), (error: unknown) => isDomainError(error, 'keystore', 'wrong-password'));
      assert.deepEqual(readFileSync(file), before);
    });
  });
});
