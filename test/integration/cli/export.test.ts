// `ehealth keystore export` for integrators, and `-` for --in/--out: every form written by the built
// CLI is read back by another tool (openssl, keytool), from the real acceptance keystore and from
// keystores made by OpenSSL and the JDK. Binary output never goes to a terminal; files are never
// replaced without --force, keystores never.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { etkAlias as realEtkAlias, realFileName, realKeystorePath, realKeystoreRewritten, realPassword } from '../../unit/keystore/fixtures';
import { etkAlias, generateKeystores, password as generatedPassword, type Generated } from '../keystore/generate';
import { virtualCard } from '../eid/virtualCards';
import { onTerminal } from '../terminal';

const root = path.resolve(__dirname, '..', '..', '..');
const launcher = path.join(root, 'bin', 'ehealth.js');
/** The password of every exported key and copy (it meets the keystore password rules). */
const newPassword = 'Export_2026x';

function ehealth(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string | Buffer } = {}) {
  const spawnOptions: SpawnSyncOptions = { env: { ...process.env, EHEALTH_LANG: 'en', PW: realPassword, GENERATED: generatedPassword, NEW: newPassword, ...options.env } };
  if (options.input !== undefined) spawnOptions.input = options.input;
  const result = spawnSync(process.execPath, [launcher, ...args], spawnOptions);
  return { status: result.status, stdout: result.stdout as Buffer, stderr: result.stderr.toString() };
}

const tool = (command: string, args: string[], input?: Buffer | string) => execFileSync(command, args, { stdio: 'pipe', env: { ...process.env, NEW: newPassword }, ...(input !== undefined ? { input } : {}) });
const openssl = (...args: string[]) => tool('openssl', args).toString();
/** The subjects of a PEM file's certificates, in order, as openssl reads them. */
const subjects = (pem: string) => [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g)].map((block) => tool('openssl', ['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], block[0]).toString().trim());
/** The public key of a certificate (PEM or DER) as openssl writes it. */
const certificateKey = (file: string, form = 'PEM') => openssl('x509', '-in', file, '-inform', form, '-noout', '-pubkey');

describe('ehealth keystore export, and - for --in/--out (built bundle)', function () {
  this.timeout(120_000);
  let dir: string;
  let generated: Generated;
  const file = (name: string) => path.join(dir, name);
  /** The real keystore's entries under PBES2 (quick to open): the real file itself is exported in the first test. */
  let quick: string;
  const real = (...args: string[]) => ehealth(['keystore', 'export', quick, '--password-env', 'PW', ...args]);

  before(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-export-'));
    quick = path.join(dir, realFileName);
    writeFileSync(quick, await realKeystoreRewritten(realPassword, { mode: 'modern' }));
    generated = generateKeystores();
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    generated?.cleanup();
  });

  it('writes the authentication certificate by default, as PEM and as DER, identical to what openssl extracts', () => {
    const theirs = tool('openssl', ['x509', '-outform', 'der'], tool('openssl', ['pkcs12', '-legacy', '-in', realKeystorePath, '-passin', `pass:${realPassword}`, '-nokeys', '-clcerts']));
    const pem = ehealth(['keystore', 'export', realKeystorePath, '--password-env', 'PW', '--out', file('auth.pem')]);
    assert.equal(pem.status, ExitCode.ok, pem.stderr);
    assert.match(pem.stderr, /Certificate "authentication" written to .*auth\.pem\./);
    assert.deepEqual(tool('openssl', ['x509', '-in', file('auth.pem'), '-outform', 'der']), theirs);
    const der = ehealth(['keystore', 'export', realKeystorePath, '--password-env', 'PW', '--format', 'der', '--out', file('auth.der')]);
    assert.equal(der.status, ExitCode.ok, der.stderr);
    assert.deepEqual(readFileSync(file('auth.der')), theirs);
    assert.match(openssl('x509', '-in', file('auth.der'), '-inform', 'DER', '-noout', '-subject'), /SSIN=79021802145/);
    // Another entry by its alias: the ETK's own certificate.
    const etk = real('--alias', realEtkAlias);
    assert.equal(etk.status, ExitCode.ok, etk.stderr);
    assert.equal(tool('openssl', ['x509', '-noout', '-serial'], etk.stdout).toString().trim().toLowerCase(), `serial=${BigInt(realEtkAlias).toString(16).padStart(32, '0')}`);
  });

  it('--chain writes the certificate and then the certificates above it, as stored; DER refuses a chain', () => {
    const chain = real('--chain', '--out', file('chain.pem'));
    assert.equal(chain.status, ExitCode.ok, chain.stderr);
    const written = subjects(readFileSync(file('chain.pem'), 'utf8'));
    assert.equal(written.length, 2);
    assert.match(written[0], /CN=SSIN=79021802145/);
    assert.match(written[1], /issuing CA/);
    // Each certificate is issued by the next one.
    const [leaf, issuer] = readFileSync(file('chain.pem'), 'utf8').split(/(?<=-----END CERTIFICATE-----\n)/);
    writeFileSync(file('leaf.pem'), leaf);
    writeFileSync(file('issuer.pem'), issuer);
    assert.equal(openssl('x509', '-in', file('leaf.pem'), '-noout', '-issuer', '-nameopt', 'RFC2253').replace(/^issuer=/, '').trim(), written[1].replace(/^subject=/, ''));
    // A generated keystore's chain: its issuing CA, verified by openssl as the issuer.
    const generatedChain = ehealth(['keystore', 'export', generated.file('openssl3.p12'), '--password-env', 'GENERATED', '--chain']);
    assert.equal(generatedChain.status, ExitCode.ok, generatedChain.stderr);
    assert.deepEqual(subjects(generatedChain.stdout.toString()).map((subject) => /CN=[^,]+/.exec(subject)?.[0]), ['CN=SSIN=79021802145', 'CN=eHealth Sandbox issuing CA']);

    const der = real('--chain', '--format', 'der', '--out', file('chain.der'));
    assert.equal(der.status, ExitCode.usage);
    assert.match(der.stderr, /DER holds a single certificate/);
    assert.equal(existsSync(file('chain.der')), false);
  });

  it('--private-key writes the key as encrypted PKCS#8 that openssl opens with the new password, matching its certificate', () => {
    const key = real('--private-key', '--new-password-env', 'NEW', '--out', file('auth.key.pem'));
    assert.equal(key.status, ExitCode.ok, key.stderr);
    const written = readFileSync(file('auth.key.pem'), 'utf8');
    assert.match(written, /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    // Private keys are written for their owner only.
    assert.equal(statSync(file('auth.key.pem')).mode & 0o077, 0);
    assert.equal(openssl('pkey', '-in', file('auth.key.pem'), '-passin', 'env:NEW', '-pubout'), certificateKey(file('auth.pem')));
    assert.throws(() => tool('openssl', ['pkey', '-in', file('auth.key.pem'), '-passin', 'pass:wrong-password', '-noout']));
    // An ETK's key from a JDK keystore, and an EC key from OpenSSL's, as DER.
    const etk = ehealth(['keystore', 'export', generated.file('keytool17.p12'), '--password-env', 'GENERATED', '--alias', etkAlias, '--private-key', '--new-password-env', 'NEW', '--out', file('etk.key.pem')]);
    assert.equal(etk.status, ExitCode.ok, etk.stderr);
    const etkCertificate = ehealth(['keystore', 'export', generated.file('keytool17.p12'), '--password-env', 'GENERATED', '--alias', etkAlias, '--out', file('etk.pem')]);
    assert.equal(etkCertificate.status, ExitCode.ok, etkCertificate.stderr);
    assert.equal(openssl('pkey', '-in', file('etk.key.pem'), '-passin', 'env:NEW', '-pubout'), certificateKey(file('etk.pem')));
    const ec = ehealth(['keystore', 'export', generated.file('openssl3-ec.p12'), '--password-env', 'GENERATED', '--private-key', '--format', 'der', '--new-password-env', 'NEW', '--out', file('ec.key.der')]);
    assert.equal(ec.status, ExitCode.ok, ec.stderr);
    const ecCertificate = ehealth(['keystore', 'export', generated.file('openssl3-ec.p12'), '--password-env', 'GENERATED', '--format', 'der', '--out', file('ec.der')]);
    assert.equal(ecCertificate.status, ExitCode.ok, ecCertificate.stderr);
    assert.equal(openssl('pkey', '-in', file('ec.key.der'), '-inform', 'DER', '-passin', 'env:NEW', '-pubout'), certificateKey(file('ec.der'), 'DER'));
  });

  it('--pkcs12 writes a copy of the entry (key, certificate, chain) that keytool and openssl open with the new password', () => {
    const copy = real('--pkcs12', '--new-password-env', 'NEW', '--out', file('server.p12'));
    assert.equal(copy.status, ExitCode.ok, copy.stderr);
    assert.equal(statSync(file('server.p12')).mode & 0o077, 0);
    const listed = tool('keytool', ['-list', '-v', '-keystore', file('server.p12'), '-storetype', 'pkcs12', '-storepass', newPassword]).toString();
    assert.match(listed, /Your keystore contains 1 entry/);
    assert.match(listed, /Alias name: authentication\nCreation date: .*\nEntry type: PrivateKeyEntry\nCertificate chain length: 2\n/);
    const info = tool('openssl', ['pkcs12', '-info', '-in', file('server.p12'), '-passin', 'env:NEW', '-passout', 'env:NEW'], '').toString();
    assert.equal(info.match(/-----BEGIN CERTIFICATE-----/g)?.length, 2);
    assert.match(info, /-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    assert.match(info, /friendlyName: authentication/);
    // The key in the copy is the keystore's: its public key is the certificate's.
    const key = tool('openssl', ['pkcs12', '-in', file('server.p12'), '-passin', 'env:NEW', '-nocerts', '-nodes']);
    assert.equal(tool('openssl', ['pkey', '-pubout'], key).toString(), certificateKey(file('auth.pem')));
    // What we read back is what we wrote: the copy opens in our own inspect too.
    const inspected = ehealth(['keystore', 'inspect', file('server.p12'), '--password-env', 'NEW', '--json']);
    assert.equal(inspected.status, ExitCode.ok, inspected.stderr);
    assert.deepEqual(JSON.parse(inspected.stdout.toString()).entries.map((entry: { alias: string; kind: string }) => [entry.alias, entry.kind]).slice(0, 1), [['authentication', 'authentication']]);
  });

  it('refuses what would be a guess: two exports at once, a new password for nothing, a key of a certificate entry', () => {
    const both = real('--private-key', '--pkcs12', '--new-password-env', 'NEW');
    assert.equal(both.status, ExitCode.usage);
    assert.match(both.stderr, /Give only one of --private-key or --pkcs12\./);
    const format = real('--pkcs12', '--format', 'pem', '--new-password-env', 'NEW', '--out', file('never.p12'));
    assert.equal(format.status, ExitCode.usage);
    const unused = real('--new-password-env', 'NEW');
    assert.equal(unused.status, ExitCode.usage);
    assert.match(unused.stderr, /--new-password-env gives the password of an exported private key or PKCS#12 copy/);
    // The issuing CA is stored as a certificate entry: no key to export.
    const listed = JSON.parse(ehealth(['keystore', 'inspect', quick, '--password-env', 'PW', '--json']).stdout.toString());
    const certificateEntry = listed.entries.find((entry: { kind: string }) => entry.kind === 'certificate');
    const noKey = real('--alias', certificateEntry.alias, '--private-key', '--new-password-env', 'NEW', '--out', file('none.pem'));
    assert.equal(noKey.status, ExitCode.notFound);
    assert.match(noKey.stderr, /is a certificate without a private key/);
    assert.equal(existsSync(file('none.pem')), false);
    // Without a terminal, a missing new password names its flags instead of waiting.
    const noPassword = real('--private-key', '--out', file('none.pem'));
    assert.equal(noPassword.status, ExitCode.usage);
    assert.match(noPassword.stderr, /--new-password-env, --new-password-file,? or --new-password-stdin/);
    const json = real('--json');
    assert.equal(json.status, ExitCode.usage);
    assert.match(json.stderr, /give --out FILE/);
    const noAuthentication = ehealth(['keystore', 'export', generated.file('certificates-only.p12'), '--password-env', 'GENERATED']);
    assert.equal(noAuthentication.status, ExitCode.notFound, noAuthentication.stderr);
  });

  it('--out - writes to a pipe, text or binary', () => {
    const der = real('--format', 'der', '--out', '-');
    assert.equal(der.status, ExitCode.ok, der.stderr);
    assert.deepEqual(der.stdout, readFileSync(file('auth.der')));
    const copy = real('--pkcs12', '--new-password-env', 'NEW', '--out', '-');
    assert.equal(copy.status, ExitCode.ok, copy.stderr);
    writeFileSync(file('piped.p12'), copy.stdout);
    assert.match(tool('keytool', ['-list', '-keystore', file('piped.p12'), '-storepass', newPassword]).toString(), /authentication, .*PrivateKeyEntry/);
    const pem = real('--chain', '--out', '-');
    assert.equal(pem.status, ExitCode.ok, pem.stderr);
    assert.equal(pem.stdout.toString(), readFileSync(file('chain.pem'), 'utf8'));
    // --json: the document alone on stdout, the export in its file.
    const json = real('--chain', '--json', '--out', file('chain-json.pem'));
    assert.equal(json.status, ExitCode.ok, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout.toString()), { schemaVersion: 1, file: file('chain-json.pem'), alias: 'authentication', contents: 'chain', format: 'pem', certificates: 2 });
  });

  it('at a terminal, the new password is typed twice without echo', () => {
    const typed = onTerminal(
      [process.execPath, launcher, 'keystore', 'export', quick, '--password-env', 'PW', '--private-key', '--out', file('typed.key.pem')],
      [
        ['New keystore password', `${newPassword}\r`],
        ['The same password again', `${newPassword}\r`],
      ],
      { env: { EHEALTH_LANG: 'en', PW: realPassword } },
    );
    assert.equal(typed.status, ExitCode.ok, typed.screen);
    assert.ok(!typed.screen.includes(newPassword), `the password was echoed:\n${typed.screen}`);
    assert.equal(openssl('pkey', '-in', file('typed.key.pem'), '-passin', 'env:NEW', '-pubout'), certificateKey(file('auth.pem')));
  });

  it('binary output to a terminal is refused before the password is read; text goes there', () => {
    const env = { EHEALTH_LANG: 'en', PW: realPassword, NEW: newPassword };
    const der = onTerminal([process.execPath, launcher, 'keystore', 'export', quick, '--password-env', 'PW', '--format', 'der'], [], { env });
    assert.equal(der.status, ExitCode.usage, der.screen);
    assert.match(der.screen, /The output is binary and standard output is a terminal: redirect it/);
    const copy = onTerminal([process.execPath, launcher, 'keystore', 'export', quick, '--password-env', 'PW', '--pkcs12', '--new-password-env', 'NEW', '--out', '-'], [], { env });
    assert.equal(copy.status, ExitCode.usage, copy.screen);
    const signature = onTerminal([process.execPath, launcher, 'eid', 'sign', '--key', 'signature', '--in', file('auth.pem'), '--out', '-', '--pin-env', 'NEW', '--module', '/nonexistent'], [], { env });
    assert.equal(signature.status, ExitCode.usage, signature.screen);
    assert.match(signature.screen, /standard output is a terminal/);
    const pem = onTerminal([process.execPath, launcher, 'keystore', 'export', quick, '--password-env', 'PW'], [], { env });
    assert.equal(pem.status, ExitCode.ok, pem.screen);
    assert.match(pem.screen, /-----BEGIN CERTIFICATE-----/);
  });

  it('never replaces a file without --force, nor a keystore even with it; a PKCS#12 copy may be named as a keystore', () => {
    writeFileSync(file('notes.txt'), 'keep me\n');
    const exists = real('--out', file('notes.txt'));
    assert.equal(exists.status, ExitCode.outputExists);
    assert.equal(readFileSync(file('notes.txt'), 'utf8'), 'keep me\n');
    const forced = real('--out', file('notes.txt'), '--force');
    assert.equal(forced.status, ExitCode.ok, forced.stderr);
    assert.match(readFileSync(file('notes.txt'), 'utf8'), /^-----BEGIN CERTIFICATE-----/);
    // The copy written earlier is a keystore now: never replaced, whatever is written and however asked.
    const before = readFileSync(file('server.p12'));
    for (const extra of [['--pkcs12', '--new-password-env', 'NEW'], ['--private-key', '--new-password-env', 'NEW'], []]) {
      const refused = real(...extra, '--out', file('server.p12'), '--force');
      assert.equal(refused.status, ExitCode.outputIsKeystore, refused.stderr);
    }
    assert.deepEqual(readFileSync(file('server.p12')), before);
    // A certificate is not written under a keystore's name; a copy is.
    const named = real('--out', file('new.acc-p12'));
    assert.equal(named.status, ExitCode.outputIsKeystore);
    assert.equal(existsSync(file('new.acc-p12')), false);
  });

  it('eid sign reads --in - and writes --out - through pipes; the data and the PIN cannot both come from stdin', async () => {
    const eid = await virtualCard('rsa');
    const data = Buffer.from('Demande de certificat eHealth\n');
    const signed = ehealth(['eid', 'sign', '--key', 'signature', '--in', '-', '--out', '-', '--pin-env', 'EID_PIN', '--module', eid.modulePath], { env: { EID_PIN: eid.pin }, input: data });
    assert.equal(signed.status, ExitCode.ok, signed.stderr);
    assert.match(signed.stderr, /Signed with the signature key/);
    writeFileSync(file('signed-data'), data);
    writeFileSync(file('stdin.sig'), signed.stdout);
    execFileSync('openssl', ['x509', '-in', path.join(eid.dir, 'pki', 'signature.pem'), '-pubkey', '-noout', '-out', file('eid-pub.pem')]);
    assert.match(openssl('dgst', '-sha256', '-verify', file('eid-pub.pem'), '-signature', file('stdin.sig'), file('signed-data')), /Verified OK/);
    const both = ehealth(['eid', 'sign', '--key', 'signature', '--in', '-', '--out', file('never.sig'), '--pin-stdin', '--module', eid.modulePath], { input: `${eid.pin}\n` });
    assert.equal(both.status, ExitCode.usage);
    assert.match(both.stderr, /Give only one of --in - or --pin-stdin\./);
    assert.equal(existsSync(file('never.sig')), false);
  });
});
