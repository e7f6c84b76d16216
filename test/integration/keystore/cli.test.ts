// `ehealth keystore inspect|export|passwd` through the built launcher, as users and scripts run it.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { etkAlias, realFileName, realKeystorePath, realKeystoreRewritten, realPassword } from '../../unit/keystore/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');

function ehealth(args: string[], env: NodeJS.ProcessEnv = {}, input?: string) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'ehealth.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, EHEALTH_LANG: 'en', ...env },
    ...(input !== undefined ? { input } : {}),
  });
}

const noStackTrace = (text: string) => assert.doesNotMatch(text, /\n\s+at /);

describe('ehealth keystore inspect, export, passwd (built bundle)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    // The bundle includes the key derivation worker (dist/kdfWorker.js): build what is tested.
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('inspect --json gives the documented fields', () => {
    const result = ehealth(['keystore', 'inspect', realKeystorePath, '--password-env', 'PW', '--at', '2025-01-01', '--json'], { PW: realPassword });
    assert.equal(result.status, ExitCode.ok, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.file, realKeystorePath);
    assert.equal(json.environment, 'acceptance');
    assert.deepEqual(json.holder, { type: 'SSIN', id: '79021802145', name: 'BRYAN EDUARD BROUCKAERT', source: 'certificate' });
    assert.equal(json.status, 'valid');
    const etk = json.entries.find((entry: { alias: string }) => entry.alias === etkAlias);
    assert.deepEqual(
      { kind: etk.kind, serialNumber: etk.serialNumber, notBefore: etk.notBefore, notAfter: etk.notAfter, key: etk.key },
      { kind: 'encryption', serialNumber: etkAlias, notBefore: '2023-08-23T06:47:52.000Z', notAfter: '2026-08-23T06:47:51.000Z', key: { type: 'rsa', bits: 2048 } },
    );
    assert.equal(typeof etk.subject, 'string');
    assert.equal(typeof etk.issuer, 'string');
    assert.deepEqual(json.protection.bags[0], { algorithm: 'pbeWithSHA1And40BitRC2-CBC', iterations: 50000 });
    assert.equal(json.protection.macAlgorithm, 'HMAC-SHA1');
    assert.equal(json.protection.macIterations, 100000);
  });

  it('inspect decrypts the private keys only with --check-keys, as openssl -info and keytool -list leave them alone', () => {
    const keyChecks = (...extra: string[]) => {
      const result = ehealth(['keystore', 'inspect', realKeystorePath, '--password-env', 'PW', '--json', ...extra], { PW: realPassword });
      assert.equal(result.status, ExitCode.ok, result.stderr);
      const { checks } = JSON.parse(result.stdout) as { checks: Array<{ code: string; result: string }> };
      return checks.filter((check) => check.code === 'key-matches-certificate').map((check) => check.result);
    };
    assert.deepEqual(keyChecks(), ['unchecked', 'unchecked']);
    assert.deepEqual(keyChecks('--check-keys'), ['ok', 'ok']);
    // Without a password there is nothing to decrypt: the flag changes nothing and asks nothing.
    const locked = ehealth(['keystore', 'inspect', realKeystorePath, '--check-keys', '--json']);
    assert.equal(locked.status, ExitCode.ok, locked.stderr);
  });

  it('exits on its own after opening a PBES2 keystore (idle derivation workers never hold the process)', async () => {
    const file = path.join(dir, 'modern.p12');
    writeFileSync(file, await realKeystoreRewritten(realPassword, { mode: 'modern' }));
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'ehealth.js'), 'keystore', 'inspect', file, '--password-env', 'PW'], {
      env: { ...process.env, PW: realPassword },
      timeout: 10_000,
    });
    assert.equal(result.status, ExitCode.ok, `exit ${result.status} signal ${result.signal}`);
  });

  it('inspect reads the password from standard input', () => {
    const result = ehealth(['keystore', 'inspect', realKeystorePath, '--password-stdin', '--json'], {}, `${realPassword}\n`);
    assert.equal(result.status, ExitCode.ok, result.stderr);
    assert.equal(JSON.parse(result.stdout).locked, false);
  });

  it('inspect without a password tells what the name and clear parts say, and that the password is needed', () => {
    const result = ehealth(['keystore', 'inspect', realKeystorePath]);
    assert.equal(result.status, ExitCode.ok, result.stderr);
    assert.match(result.stdout, /SSIN=79021802145/);
    assert.match(result.stdout, /acceptance/);
    assert.match(result.stdout, /authentication/);
    assert.match(result.stdout, /password is needed/);
  });

  it('inspect speaks to people: the holder by name and SSIN as written, decoded DNs, entries by name, dates in words; --json keeps the DNs and dates as read', () => {
    const result = ehealth(['keystore', 'inspect', realKeystorePath, '--password-env', 'PW', '--lang', 'fr'], { PW: realPassword });
    assert.equal(result.status, ExitCode.ok, result.stderr);
    assert.match(result.stdout, /BRYAN EDUARD BROUCKAERT, 79\.02\.18-021\.45 \(SSIN=79021802145\)/);
    assert.match(result.stdout, /CN=SSIN=79021802145, OU=eHealth-platform Belgium, OU=BRYAN EDUARD BROUCKAERT/);
    assert.match(result.stdout, /CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001, SERIALNUMBER=001, O=ZETES SA, C=BE/);
    assert.match(result.stdout, /\n {2}ETK · numéro de série …BD90 {2}\[clé de chiffrement \(ETK\)\] {2}RSA 2048\n {6}Alias\u00a0: 19088378040904364161854366057849601424\n/);
    assert.match(result.stdout, /23 août 2023 à \d\d:\d\d → 23 août 2026 à \d\d:\d\d/);
    // The aliases are the file's own (the JDK names a certificate entry by its DN, as written): all else is for reading.
    const read = result.stdout.split('\n').filter((line) => !line.includes('Alias'));
    assert.doesNotMatch(read.join('\n'), /\\=|2\.5\.4\.5=#|\d{4}-\d{2}-\d{2}T/);
    const json = JSON.parse(ehealth(['keystore', 'inspect', realKeystorePath, '--password-env', 'PW', '--json'], { PW: realPassword }).stdout);
    const authentication = json.entries.find((entry: { alias: string }) => entry.alias === 'authentication');
    assert.equal(authentication.subject, 'CN=SSIN\\=79021802145, OU=eHealth-platform Belgium, OU=BRYAN EDUARD BROUCKAERT, OU=SSIN\\=79021802145, O=Federal Government, C=BE');
    assert.match(authentication.notAfter, /^2026-08-23T\d\d:\d\d:\d\d/);
  });

  it('has distinct exit codes and plain messages for wrong password, damaged, missing and foreign files', () => {
    const wrong = ehealth(['keystore', 'inspect', realKeystorePath, '--password-env', 'PW'], { PW: 'nope' });
    assert.equal(wrong.status, ExitCode.wrongPassword);
    assert.match(wrong.stderr, /password is not correct/);
    const damagedFile = path.join(dir, 'damaged.p12');
    writeFileSync(damagedFile, readFileSync(realKeystorePath).subarray(0, 3000));
    const damaged = ehealth(['keystore', 'inspect', damagedFile, '--password-env', 'PW'], { PW: realPassword });
    assert.equal(damaged.status, ExitCode.damaged);
    const missing = ehealth(['keystore', 'inspect', path.join(dir, 'missing.p12')]);
    assert.equal(missing.status, ExitCode.notFound);
    const jksFile = path.join(dir, 'java.p12');
    writeFileSync(jksFile, Buffer.from('feedfeed0000000200000000', 'hex'));
    const jks = ehealth(['keystore', 'inspect', jksFile, '--lang', 'nl']);
    assert.equal(jks.status, ExitCode.unsupported);
    assert.match(jks.stderr, /geen eHealth-keystore/);
    for (const result of [wrong, damaged, missing, jks]) noStackTrace(result.stderr);
  });

  it('export writes the certificate as PEM, identical to what openssl extracts', () => {
    const out = path.join(dir, 'auth.pem');
    const result = ehealth(['keystore', 'export', realKeystorePath, '--alias', 'authentication', '--out', out, '--password-env', 'PW'], { PW: realPassword });
    assert.equal(result.status, ExitCode.ok, result.stderr);
    const ours = execFileSync('openssl', ['x509', '-in', out, '-outform', 'der']);
    const theirs = execFileSync('openssl', ['pkcs12', '-legacy', '-in', realKeystorePath, '-passin', `pass:${realPassword}`, '-nokeys', '-clcerts']);
    assert.deepEqual(ours, execFileSync('openssl', ['x509', '-outform', 'der'], { input: theirs }));
    const unknown = ehealth(['keystore', 'export', realKeystorePath, '--alias', 'nope', '--password-env', 'PW'], { PW: realPassword });
    assert.equal(unknown.status, ExitCode.notFound);
    noStackTrace(unknown.stderr);
  });

  it('a private key stored without its certificate: inspect shows the entry, export refuses it', () => {
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'alone.key');
    openssl('pkcs12', '-export', '-nocerts', '-inkey', 'alone.key', '-name', 'authentication', '-passout', 'pass:Nocerts_123', '-out', 'nocerts.p12');
    const file = path.join(dir, 'nocerts.p12');
    const env = { PW: 'Nocerts_123' };
    const json = ehealth(['keystore', 'inspect', file, '--password-env', 'PW', '--json'], env);
    assert.equal(json.status, ExitCode.ok, json.stderr);
    const { entries, status, warnings } = JSON.parse(json.stdout);
    assert.deepEqual(entries, [{ alias: 'authentication', kind: 'key-only', key: { type: 'rsa', bits: 2048 } }]);
    assert.equal(status, 'incomplete');
    assert.deepEqual(warnings[0], { code: 'key-without-certificate', params: { alias: 'authentication' } });
    const text = ehealth(['keystore', 'inspect', file, '--password-env', 'PW', '--lang', 'fr'], env);
    assert.equal(text.status, ExitCode.ok, text.stderr);
    assert.match(text.stdout, /^ {2}authentication {2}\[clé privée sans certificat\] {2}RSA 2048$/m);
    assert.match(text.stdout, /^! La clé privée «\u202fauthentication\u202f» est enregistrée sans son certificat/m);
    const out = path.join(dir, 'nocerts.pem');
    const exported = ehealth(['keystore', 'export', file, '--alias', 'authentication', '--out', out, '--password-env', 'PW'], env);
    assert.equal(exported.status, ExitCode.notFound);
    assert.match(exported.stderr, /The entry "authentication" is a private key stored without its certificate: it has no certificate to export\./);
    noStackTrace(exported.stderr);
    assert.equal(existsSync(out), false);
  });

  it('passwd changes the password, refuses a weak one with each rule named, and names the backup, which opens with the old password', () => {
    const file = path.join(dir, realFileName);
    copyFileSync(realKeystorePath, file);
    const weak = ehealth(['keystore', 'passwd', file, '--password-env', 'OLD', '--new-password-env', 'NEW'], { OLD: realPassword, NEW: 'lettersonly' });
    assert.equal(weak.status, ExitCode.usage);
    assert.match(weak.stderr, /digit or symbol/);
    const done = ehealth(['keystore', 'passwd', file, '--password-env', 'OLD', '--new-password-env', 'NEW'], { OLD: realPassword, NEW: 'Strong_pass9' });
    assert.equal(done.status, ExitCode.ok, done.stderr);
    // The backup named in words, with the password that still opens it.
    const backup = /kept as (.+\.bak) \(it still opens with the old password\)/.exec(done.stderr)?.[1];
    assert.ok(backup && existsSync(backup), done.stderr);
    assert.equal(ehealth(['keystore', 'inspect', backup, '--password-env', 'PW'], { PW: realPassword }).status, ExitCode.ok);
    assert.equal(ehealth(['keystore', 'inspect', file, '--password-env', 'PW'], { PW: realPassword }).status, ExitCode.wrongPassword);
    assert.equal(ehealth(['keystore', 'inspect', file, '--password-env', 'PW'], { PW: 'Strong_pass9' }).status, ExitCode.ok);
  });

  it('cert change-password is keystore passwd under another name: the same options (FILE or --keystore FILE), the same outcome', () => {
    const file = path.join(dir, `alias-${realFileName}`);
    copyFileSync(realKeystorePath, file);
    const passwords = [realPassword, 'Strong_pass9', 'Other_pass7', 'Third_pass5'];
    const runs = [
      ['cert', 'change-password', '--keystore', file, '--json'],
      ['keystore', 'passwd', '--keystore', file, '--json'],
      ['cert', 'change-password', file, '--json'],
    ];
    runs.forEach((args, index) => {
      const changed = ehealth([...args, '--password-env', 'OLD', '--new-password-env', 'NEW'], { OLD: passwords[index], NEW: passwords[index + 1] });
      assert.equal(changed.status, ExitCode.ok, `${args.join(' ')}: ${changed.stderr}`);
      const { keystore, backup } = JSON.parse(changed.stdout);
      assert.equal(keystore, file);
      // The backup still opens with the password it had.
      assert.equal(ehealth(['keystore', 'inspect', backup, '--password-env', 'PW'], { PW: passwords[index] }).status, ExitCode.ok);
    });
    assert.equal(ehealth(['keystore', 'inspect', file, '--password-env', 'PW'], { PW: passwords.at(-1) }).status, ExitCode.ok);
    const weak = ehealth(['cert', 'change-password', file, '--password-env', 'OLD', '--new-password-env', 'NEW'], { OLD: passwords.at(-1), NEW: 'lettersonly' });
    assert.equal(weak.status, ExitCode.usage);
    assert.match(weak.stderr, /digit or symbol/);
    const both = ehealth(['keystore', 'passwd', file, '--keystore', file, '--password-env', 'OLD', '--new-password-env', 'NEW'], { OLD: passwords.at(-1), NEW: 'Fourth_pass3' });
    assert.equal(both.status, ExitCode.usage, 'FILE or --keystore, not both');
  });
});
