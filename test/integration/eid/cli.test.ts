// `ehealth eid info|verify-pin|sign` through the built launcher, on virtual cards; two processes
// using the same card at once.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { EidEngine } from '../../../src/eid';
import { freshCard, repositoryRoot, virtualCard } from './virtualCards';

const launcher = path.join(repositoryRoot, 'bin', 'ehealth.js');

function ehealth(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', env: { ...process.env, EHEALTH_LANG: 'en', ...env } });
}

/** The same, without waiting: for two processes at once. */
function ehealthAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [launcher, ...args], { env: { ...process.env, EHEALTH_LANG: 'en', ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

const noStackTrace = (text: string) => assert.doesNotMatch(text, /\n\s+at /);

describe('ehealth eid (built bundle)', function () {
  this.timeout(90_000);
  before(() => execFileSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'build.mjs')], { cwd: repositoryRoot, stdio: 'pipe' }));

  it('info --json gives readers, card, identity and certificates with label, subject, validity and key', async () => {
    const eid = await virtualCard('ec');
    const result = ehealth(['eid', 'info', '--module', eid.modulePath, '--json']);
    assert.equal(result.status, ExitCode.ok, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.readers.length, 1);
    assert.equal(json.card.label, 'BELPIC');
    assert.equal(json.identity.surname, eid.holder.surname);
    assert.equal(json.identity.nationalNumberValid, true);
    assert.deepEqual(json.certificates.map((certificate: { label: string }) => certificate.label), ['Authentication', 'Signature', 'CA', 'Root']);
    const [authentication] = json.certificates;
    assert.deepEqual(authentication.key, { type: 'ec', curve: 'P-384' });
    assert.match(authentication.subject, /serialNumber=/);
    assert.ok(authentication.notBefore && authentication.notAfter && authentication.validity);
    assert.equal(authentication.der, undefined);
  });

  it('info in words, from EHEALTH_PKCS11_MODULE, in French', async () => {
    const eid = await virtualCard('rsa');
    const result = ehealth(['eid', 'info', '--lang', 'fr'], { EHEALTH_PKCS11_MODULE: eid.modulePath });
    assert.equal(result.status, ExitCode.ok, result.stderr);
    assert.match(result.stdout, /Titulaire\u00a0: Amélie Françoise Lefèvre/);
    assert.match(result.stdout, /Certificats\u00a0:\n {2}Authentication\u00a0: .*\n {6}RSA 2048/);
  });

  for (const algorithm of ['rsa', 'ec'] as const) {
    it(`sign (${algorithm}) writes a signature openssl verifies with the card's certificate`, async () => {
      const eid = await virtualCard(algorithm);
      const file = (name: string) => path.join(eid.dir, `cli-${name}`);
      writeFileSync(file('data'), 'Demande de certificat eHealth\n');
      const result = ehealth(['eid', 'sign', '--key', 'signature', '--in', file('data'), '--out', file('sig'), '--pin-env', 'EID_PIN', '--module', eid.modulePath], { EID_PIN: eid.pin });
      assert.equal(result.status, ExitCode.ok, result.stderr);
      execFileSync('openssl', ['x509', '-in', path.join(eid.dir, 'pki', 'signature.pem'), '-pubkey', '-noout', '-out', file('pub.pem')]);
      const verified = execFileSync('openssl', ['dgst', algorithm === 'ec' ? '-sha384' : '-sha256', '-verify', file('pub.pem'), '-signature', file('sig'), file('data')], { encoding: 'utf8' });
      assert.match(verified, /Verified OK/);
    });
  }

  it('a wrong PIN, then a locked card, exit with their own codes and plain words', async () => {
    const eid = await freshCard('rsa');
    // The third is the last try: a script presents it only with --last-pin-try.
    const wrong = (...consent: string[]) => ehealth(['eid', 'verify-pin', '--pin-env', 'EID_PIN', ...consent, '--module', eid.modulePath], { EID_PIN: '0000' });
    const first = wrong();
    assert.equal(first.status, ExitCode.pinIncorrect);
    assert.match(first.stderr, /2 tries left before the card locks/);
    noStackTrace(first.stderr);
    wrong();
    const third = wrong('--last-pin-try');
    assert.equal(third.status, ExitCode.pinLocked);
    assert.match(third.stderr, /municipality/);
    const good = ehealth(['eid', 'verify-pin', '--pin-env', 'EID_PIN', '--module', eid.modulePath], { EID_PIN: eid.pin });
    assert.equal(good.status, ExitCode.pinLocked, 'locked across processes');
  });

  it('a missing middleware exits with middlewareMissing and says where to get it', () => {
    const result = ehealth(['eid', 'info', '--module', '/nonexistent/libbeidpkcs11.so.0']);
    assert.equal(result.status, ExitCode.middlewareMissing);
    assert.match(result.stderr, /eid\.belgium\.be/);
    noStackTrace(result.stderr);
  });

  it('an empty reader exits with noCard', async () => {
    const eid = await freshCard('ec');
    writeFileSync(path.join(eid.dir, 'removed'), '');
    const result = ehealth(['eid', 'info', '--module', eid.modulePath]);
    assert.equal(result.status, ExitCode.noCard);
    assert.match(result.stdout, /no card/);
    assert.match(result.stderr, /Insert your eID card/);
  });

  it('two processes sign with the same card at the same time', async () => {
    const eid = await virtualCard('ec');
    writeFileSync(path.join(eid.dir, 'two-data'), 'two processes');
    const signIn = (name: string) =>
      ehealthAsync(['eid', 'sign', '--key', 'authentication', '--in', path.join(eid.dir, 'two-data'), '--out', path.join(eid.dir, name), '--pin-env', 'EID_PIN', '--module', eid.modulePath], { EID_PIN: eid.pin });
    const results = await Promise.all([signIn('two-a.sig'), signIn('two-b.sig')]);
    for (const result of results) assert.equal(result.status, ExitCode.ok, result.stderr);
    // Each process made a whole, good signature, not one that the other's session spoiled; checked
    // against the Authentication certificate as the card holds it.
    const engine = new EidEngine({ modulePath: eid.modulePath });
    const authentication = (await engine.certificates().finally(() => engine.close())).find((certificate) => certificate.role === 'authentication');
    assert.ok(authentication);
    writeFileSync(path.join(eid.dir, 'two-cert.der'), authentication.der);
    const publicKey = path.join(eid.dir, 'two-pub.pem');
    execFileSync('openssl', ['x509', '-inform', 'DER', '-in', path.join(eid.dir, 'two-cert.der'), '-pubkey', '-noout', '-out', publicKey]);
    for (const name of ['two-a.sig', 'two-b.sig']) {
      const verified = execFileSync('openssl', ['dgst', '-sha384', '-verify', publicKey, '-signature', path.join(eid.dir, name), path.join(eid.dir, 'two-data')], { encoding: 'utf8' });
      assert.match(verified, /Verified OK/, name);
    }
  });
});
