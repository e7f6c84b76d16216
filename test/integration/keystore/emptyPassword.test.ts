// An empty password has two PKCS#12 encodings: the two-byte terminator alone (JDK, OpenSSL) and zero
// bytes (BouncyCastle). Both open, as in the JDK and OpenSSL; `passwd` can give either a password.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { changePassword } from '../../../src/keystore/changePassword';
import { openKeystore } from '../../../src/keystore/inspect';
import { generateKeystores, requireTool, type Generated } from './generate';

const bcprov = '/usr/share/java/bcprov.jar';
const newPassword = 'Nieuw_Wachtwoord_2026';

/** OpenSSL's reading (it tries both encodings): the bags, attributes and decrypted keys. */
function opensslBags(file: string, secret: string): string {
  const result = spawnSync('openssl', ['pkcs12', '-info', '-nodes', '-legacy', '-in', file, '-passin', `pass:${secret}`], { encoding: 'utf8' });
  assert.equal(result.status, 0, `openssl cannot read ${file}: ${result.stderr}`);
  return result.stdout;
}

describe('empty keystore passwords', function () {
  this.timeout(60_000);
  let generated: Generated;
  before(() => {
    requireTool('java', ['-version']);
    assert.ok(existsSync(bcprov), `${bcprov} is required (Debian package libbcprov-java)`);
    generated = generateKeystores();
    generated.openssl('pkcs8', '-topk8', '-nocrypt', '-in', 'auth.key', '-out', 'auth.pk8');
    // BouncyCastle's own KeyStore writes the empty password as zero bytes.
    const writer = path.join(__dirname, 'interop', 'BouncyCastleKeystore.java');
    execFileSync('java', ['-cp', bcprov, writer, 'bc-empty.p12', 'authentication', 'auth.pk8', 'auth.crt', 'ca.crt'], { cwd: generated.dir, env: { ...process.env, P12_PASSWORD: '' }, stdio: 'pipe' });
    generated.openssl('pkcs12', '-export', '-inkey', 'auth.key', '-in', 'auth.crt', '-name', 'authentication', '-passout', 'pass:', '-out', 'openssl-empty.p12');
  });
  after(() => generated?.cleanup());

  for (const name of ['bc-empty.p12', 'openssl-empty.p12']) {
    it(`${name}: opens with the empty password, the key as OpenSSL decrypts it`, async () => {
      const { keystore, keys } = await openKeystore(generated.read(name), { password: '', checkKeys: true });
      assert.deepEqual(keystore.entries.filter((entry) => entry.kind !== 'certificate').map((entry) => entry.alias), ['authentication']);
      assert.equal(keystore.checks.find((check) => check.code === 'key-matches-certificate')?.result, 'ok');
      const pem = (await keys.get('authentication')!.privateKey()).export({ type: 'pkcs8', format: 'pem' }).toString();
      const fromOpenssl = opensslBags(generated.file(name), '').match(/-----BEGIN PRIVATE KEY-----[^]+?-----END PRIVATE KEY-----\n/)![0];
      assert.equal(createPrivateKey(fromOpenssl).export({ type: 'pkcs8', format: 'pem' }), pem);
    });
  }

  it('passwd gives the BouncyCastle file a password and keeps every bag', async () => {
    const file = generated.file('bc-empty.p12');
    const before = opensslBags(file, '');
    await changePassword(file, '', newPassword, newPassword);
    assert.equal(opensslBags(file, newPassword), before);
    const keytool = execFileSync('keytool', ['-list', '-keystore', file, '-storetype', 'pkcs12', '-storepass', newPassword]).toString();
    assert.match(keytool, /^authentication, .*PrivateKeyEntry/m);
  });
});
