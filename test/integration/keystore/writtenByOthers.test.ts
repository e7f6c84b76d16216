// Keystores laid out otherwise than the eHealth tooling lays them out: a key without its certificate
// (openssl -nocerts), a first key that is not the `authentication` one, a key stored in clear.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { changePassword } from '../../../src/keystore/changePassword';
import { openKeystore } from '../../../src/keystore/inspect';
import { generateKeystores, password, type Generated } from './generate';

describe('reading keystores laid out by others', function () {
  this.timeout(60_000);
  let generated: Generated;
  before(() => {
    generated = generateKeystores();
  });
  after(() => generated?.cleanup());

  it('openssl -nocerts: the key is an entry, with a warning, not a damaged file', async () => {
    generated.openssl('pkcs12', '-export', '-nocerts', '-inkey', 'auth.key', '-name', 'authentication', '-passout', `pass:${password}`, '-out', 'nocerts.p12');
    // OpenSSL reads one key and no certificate.
    const info = spawnSync('openssl', ['pkcs12', '-info', '-nodes', '-in', generated.file('nocerts.p12'), '-passin', `pass:${password}`], { encoding: 'utf8' });
    assert.equal(info.status, 0, info.stderr);
    assert.equal(info.stdout.match(/BEGIN PRIVATE KEY/g)?.length, 1);
    assert.doesNotMatch(info.stdout, /BEGIN CERTIFICATE/);

    const { keystore, keys } = await openKeystore(generated.read('nocerts.p12'), { password });
    assert.deepEqual(keystore.keyAliases, ['authentication']);
    // Type and size read from the key itself: no certificate tells them.
    assert.deepEqual(keystore.entries, [{ alias: 'authentication', kind: 'key-only', key: { type: 'rsa', bits: 2048 } }]);
    assert.deepEqual(keystore.checks, []);
    assert.deepEqual(keystore.warnings, [{ code: 'key-without-certificate', params: { alias: 'authentication' } }, { code: 'no-authentication-key' }, { code: 'no-encryption-key' }]);
    assert.equal(keystore.status, 'incomplete');
    // The key itself opens.
    assert.equal((await keys.get('authentication')!.privateKey()).asymmetricKeyType, 'rsa');
    generated.openssl('pkcs12', '-export', '-nocerts', '-inkey', 'ec.key', '-name', 'ec', '-passout', `pass:${password}`, '-out', 'nocerts-ec.p12');
    assert.deepEqual((await openKeystore(generated.read('nocerts-ec.p12'), { password })).keystore.entries, [{ alias: 'ec', kind: 'key-only', key: { type: 'ec', curve: 'prime256v1' } }]);
  });

  it('the authentication entry is the one named so, whatever the bag order', async () => {
    // A CA-issued key under another alias first, then `authentication` (keytool keeps the order of imports).
    generated.openssl('pkcs12', '-export', '-inkey', 'ec.key', '-in', 'ec.crt', '-name', 'previous', '-passout', `pass:${password}`, '-out', 'previous.p12');
    for (const source of ['previous.p12', 'openssl3.p12']) {
      generated.keytool('-importkeystore', '-noprompt', '-srckeystore', source, '-srcstoretype', 'pkcs12', '-srcstorepass', password, '-destkeystore', 'two-keys.p12', '-deststoretype', 'pkcs12', '-deststorepass', password);
    }
    const { keystore } = await openKeystore(generated.read('two-keys.p12'), { password });
    assert.deepEqual(keystore.keyAliases, ['previous', 'authentication']);
    const auth = keystore.entries.find((entry) => entry.kind === 'authentication');
    assert.equal(auth?.alias, 'authentication');
    assert.deepEqual(auth.certificate.key, { type: 'rsa', bits: 2048 });
  });

  it('a key stored in clear (openssl -keypbe NONE) is shrouded by a password change, never left readable', async () => {
    generated.openssl('pkcs12', '-export', '-keypbe', 'NONE', '-certpbe', 'NONE', '-inkey', 'auth.key', '-in', 'auth.crt', '-name', 'authentication', '-passout', `pass:${password}`, '-out', 'clear.p12');
    const info = (pass: string) => spawnSync('openssl', ['pkcs12', '-info', '-nodes', '-in', generated.file('clear.p12'), '-passin', `pass:${pass}`], { encoding: 'utf8' });
    assert.match(info(password).stderr, /^Key bag$/m);
    const newPassword = 'Shrouded_key9';
    await changePassword(generated.file('clear.p12'), password, newPassword, newPassword, { iterations: 2048 });
    const after = info(newPassword);
    assert.equal(after.status, 0, after.stderr);
    assert.doesNotMatch(after.stderr, /^Key bag$/m);
    assert.match(after.stderr, /^Shrouded Keybag: /m);
    // The same key, and the certificate still in clear as it was.
    const pem = (text: string) => text.match(/-----BEGIN PRIVATE KEY-----[^-]+-----END PRIVATE KEY-----/)?.[0];
    assert.equal(pem(after.stdout), pem(readFileSync(generated.file('auth.key'), 'utf8')) ?? pem(info(password).stdout));
    assert.match(after.stderr, /^Certificate bag$/m);
  });
});
