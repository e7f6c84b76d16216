// `ehealth eid sign --out`: an existing file is replaced only with --force, a keystore never (by its
// content, whatever its name), and a refused target costs no PIN. Virtual eID, openssl as oracle.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { realKeystorePath, realPassword } from '../../unit/keystore/fixtures';
import { freshCard, repositoryRoot } from './virtualCards';

function ehealth(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [path.join(repositoryRoot, 'bin', 'ehealth.js'), ...args], { encoding: 'utf8', env: { ...process.env, EHEALTH_LANG: 'en', ...env } });
}

describe('ehealth eid sign --out (built bundle)', function () {
  this.timeout(90_000);
  before(() => execFileSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'build.mjs')], { cwd: repositoryRoot, stdio: 'pipe' }));

  it('refuses an existing file without --force and a keystore even with it; --force replaces a plain file', async () => {
    // A card of its own: a wrong PIN presented by mistake would cost a shared card a try.
    const eid = await freshCard('rsa');
    const file = (name: string) => path.join(eid.dir, `out-${name}`);
    writeFileSync(file('data'), 'Demande de certificat eHealth\n');
    const sign = (out: string, ...extra: string[]) =>
      // A wrong PIN: a refused target must fail before the card is asked anything.
      ehealth(['eid', 'sign', '--key', 'signature', '--in', file('data'), '--out', out, ...extra, '--pin-env', 'EID_PIN', '--module', eid.modulePath], { EID_PIN: '0000' });

    writeFileSync(file('notes'), 'keep me\n');
    const exists = sign(file('notes'));
    assert.equal(exists.status, ExitCode.outputExists, exists.stderr);
    assert.match(exists.stderr, /already exists; use --force/);
    assert.equal(readFileSync(file('notes'), 'utf8'), 'keep me\n');

    writeFileSync(file('keystore.sig'), readFileSync(realKeystorePath));
    const keystore = sign(file('keystore.sig'), '--force');
    assert.equal(keystore.status, ExitCode.outputIsKeystore, keystore.stderr);
    execFileSync('openssl', ['pkcs12', '-legacy', '-in', file('keystore.sig'), '-passin', `pass:${realPassword}`, '-noout']);

    const forced = ehealth(['eid', 'sign', '--key', 'signature', '--in', file('data'), '--out', file('notes'), '--force', '--pin-env', 'EID_PIN', '--module', eid.modulePath], { EID_PIN: eid.pin });
    assert.equal(forced.status, ExitCode.ok, forced.stderr);
    execFileSync('openssl', ['x509', '-in', path.join(eid.dir, 'pki', 'signature.pem'), '-pubkey', '-noout', '-out', file('pub.pem')]);
    assert.match(execFileSync('openssl', ['dgst', '-sha256', '-verify', file('pub.pem'), '-signature', file('notes'), file('data')], { encoding: 'utf8' }), /Verified OK/);
  });
});
