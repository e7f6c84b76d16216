// A keystore left by eHealth's official tooling after a request (the new key under `authentication`
// with a dummy certificate C=Dummy, serial 0, already expired), made by the JDK itself
// (jdk/OfficialPendingKeystore.java) with the key of a real request to the sandbox: `ehealth
// keystore inspect` reads it as pending and `ehealth cert complete` completes it. Our own
// placeholder is compared with the JDK-made one through openssl. The sandbox issues 60-day
// certificates here: completed, such a keystore reads renewable, with a warning about its length.
import { strict as assert } from 'node:assert';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { requestCertificate, type RequestResult } from '../../../src/procedures';
import { PASSWORD, procedureContext, scriptedPrompter, startRig, type Rig } from '../procedures/harness';
import { requireTool } from './generate';

const root = path.resolve(__dirname, '..', '..', '..');

describe('a pending keystore as the official tool writes it (JDK-made, C=Dummy)', function () {
  this.timeout(120_000);
  let rig: Rig;
  let requested: RequestResult;
  let official: string;
  const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: rig.folder, encoding: 'utf8', env: { ...process.env, PW: PASSWORD } });
  /** The built CLI, without blocking: the sandbox answers from this process. Its exit code, stdout and stderr. */
  const ehealth = (...args: string[]) =>
    new Promise<{ code: number; out: string; err: string }>((resolve) => {
      const child = execFile(process.execPath, [path.join(root, 'bin', 'ehealth.js'), ...args], { encoding: 'utf8', env: { ...process.env, EHEALTH_LANG: 'en', PW: PASSWORD } }, (error, out, err) =>
        resolve({ code: error ? Number(error.code) : 0, out, err }),
      );
      child.stdin?.end();
    });
  const inspect = async (file: string) => {
    const { code, out, err } = await ehealth('keystore', 'inspect', file, '--password-env', 'PW', '--json');
    assert.equal(code, ExitCode.ok, err);
    return JSON.parse(out);
  };
  /** The authentication certificate of a keystore, as openssl reads it (-legacy: the JDK's RC2-40 bag). */
  const certificateOf = (file: string, out: string) => {
    run('openssl', ['pkcs12', '-legacy', '-in', file, '-passin', 'env:PW', '-nokeys', '-clcerts', '-out', out]);
    run('openssl', ['x509', '-in', out, '-out', out]); // the PEM alone, without the bag attributes
    return out;
  };
  /** A certificate's DER structure as openssl dumps it (types, lengths, names, extension bytes), its dates left out. */
  const structure = (pem: string) => run('openssl', ['asn1parse', '-i', '-in', pem]).replace(/UTCTIME\s*:\d{12}Z/g, 'UTCTIME');
  const validity = (pem: string) =>
    run('openssl', ['x509', '-in', pem, '-noout', '-dates'])
      .trim()
      .split('\n')
      .map((line) => Date.parse(line.replace(/^not(Before|After)=/, '')));

  before(async () => {
    requireTool('openssl', ['version']);
    requireTool('keytool', ['-help']);
    requireTool('java', ['-version']);
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    rig = await startRig('rsa', { validityDays: 60 });
    // A real request: the sandbox then knows the key, and will deliver its certificate.
    requested = await requestCertificate(await procedureContext(rig, scriptedPrompter()), { keystoreFolder: rig.keystores });
    run('openssl', ['pkcs12', '-in', requested.keystore, '-passin', 'env:PW', '-nocerts', '-nodes', '-out', 'key.pem']);
    // The same key, the same file name (the official tool's holder comes from it), the JDK's PKCS12
    // in the legacy layout of the Java versions the official tool runs on.
    mkdirSync(path.join(rig.folder, 'official'));
    official = path.join(rig.folder, 'official', path.basename(requested.keystore));
    run('java', ['-Dkeystore.pkcs12.legacy', path.join(__dirname, 'jdk', 'OfficialPendingKeystore.java'), 'key.pem', official, PASSWORD]);
  });
  after(async () => rig?.stop());

  it('our own placeholder is the official one but for key and dates: C=Dummy, serial 0, the same usages, one minute long, expired', () => {
    const ours = certificateOf(requested.keystore, 'ours.pem');
    const theirs = certificateOf(official, 'theirs.pem');
    assert.match(run('openssl', ['x509', '-in', ours, '-noout', '-subject', '-issuer', '-serial']), /^subject=C = Dummy\nissuer=C = Dummy\nserial=00\n$/);
    assert.equal(structure(ours), structure(theirs));
    assert.match(run('openssl', ['x509', '-in', ours, '-noout', '-ext', 'keyUsage']), /X509v3 Key Usage: critical\n\s+Key Encipherment, Data Encipherment\n/);
    for (const pem of [ours, theirs]) {
      const [notBefore, notAfter] = validity(pem);
      assert.equal(notAfter - notBefore, 60_000);
      assert.ok(Math.abs(notBefore - (Date.now() - 86_400_000)) < 600_000, 'valid from a day ago');
      assert.equal(spawnSync('openssl', ['x509', '-in', path.join(rig.folder, pem), '-noout', '-checkend', '0']).status, 1, 'openssl says it has expired');
    }
  });

  it('ehealth keystore inspect reads it as pending, the holder from the file name, nothing to warn about', async () => {
    const keystore = await inspect(official);
    assert.equal(keystore.status, 'pending');
    assert.deepEqual(keystore.holder, { type: 'SSIN', id: rig.eid.holder.nationalNumber, source: 'file-name' });
    assert.deepEqual(keystore.warnings, []);
    assert.deepEqual(keystore.keyAliases, ['authentication']);
    assert.equal(keystore.entries[0].subject, 'C=Dummy');
    assert.equal(keystore.protection.macAlgorithm, 'HMAC-SHA1', 'the JDK legacy layout');
  });

  it('ehealth cert complete completes it: keytool then lists the authentication key and the ETK key', async () => {
    const { code, out, err } = await ehealth('cert', 'complete', '--keystore', official, '--ra-url', rig.sandbox.url, '--password-env', 'PW', '--json');
    assert.equal(code, ExitCode.ok, err);
    const completed = JSON.parse(out);
    assert.equal(completed.published, true);
    const listing = run('keytool', ['-list', '-keystore', official, '-storetype', 'pkcs12', '-storepass:env', 'PW']);
    const keyEntries = listing.match(/^[^\s,]+(?=, .*PrivateKeyEntry)/gm)?.sort();
    assert.deepEqual(keyEntries, [completed.etkSerialNumber, 'authentication'].sort());
  });

  it('completed with a 60-day sandbox certificate, it reads renewable, the short validity only a warning', async () => {
    const keystore = await inspect(official);
    assert.equal(keystore.environment, 'sandbox');
    assert.equal(keystore.status, 'renewable');
    assert.deepEqual(keystore.warnings, [{ code: 'validity-not-three-years', params: { days: 60 } }]);
  });
});
