// `ehealth etk show` and `etk lookup` as integrators run them (built bundle, stdin not a terminal):
// a keystore's own ETK found by its role, on a keystore the sandbox completed and on the real
// acceptance keystore; anyone's ETK from the sandbox's depot after a completed request, its PEM
// read back by OpenSSL; an unknown holder and a malformed identifier worded, with their exit codes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { inspectFile } from '../../../src/keystore/inspect';
import { etkAlias, realKeystorePath } from '../../unit/keystore/fixtures';
import { cli, cliRequest, PASSWORD, startRig, type Rig } from '../procedures/harness';

const root = path.join(__dirname, '..', '..', '..');
/** A local port nothing listens on: a call there would fail as a network error (13), never as a usage error. */
const CLOSED = 'http://127.0.0.1:9';

/** `openssl x509 ARGS` on `pem` given on stdin: what a tool we did not write reads in it. */
const openssl = (pem: string, ...args: string[]) => execFileSync('openssl', ['x509', '-noout', ...args], { input: pem, encoding: 'utf8' });

describe('ehealth etk (built bundle)', function () {
  this.timeout(120_000);
  let rig: Rig;
  let keystore: string;
  let pending: string;
  /** The ETK of `keystore` as the keystore engine reads it. */
  let etk: { serialNumber: string; serialNumberHex: string; subject: string };

  before(async () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    rig = await startRig('rsa');
    const folder = path.join(rig.folder, 'cli-keystores');
    const requested = await cliRequest(rig, { args: ['--env', 'sandbox'] });
    assert.equal(requested.status, ExitCode.ok, requested.stderr);
    keystore = path.join(folder, readdirSync(folder)[0]);
    // A second request, left pending: a keystore without an ETK yet.
    const second = await cliRequest(rig, { args: ['--env', 'sandbox', '--keystore-dir', path.join(rig.folder, 'pending')] });
    assert.equal(second.status, ExitCode.ok, second.stderr);
    pending = path.join(rig.folder, 'pending', readdirSync(path.join(rig.folder, 'pending'))[0]);
    const completed = await cli(['cert', 'complete', '--keystore', keystore, '--password-env', 'PW', '--ra-url', rig.sandbox.url], { PW: PASSWORD });
    assert.equal(completed.status, ExitCode.ok, completed.stderr);
    const { keystore: opened } = await inspectFile(keystore, { password: PASSWORD });
    const entry = opened.entries.find((candidate) => candidate.kind === 'encryption');
    assert.ok(entry && entry.kind === 'encryption');
    etk = entry.certificate;
  });
  after(async () => rig?.stop());

  it('etk show: the ETK found by its role, its details for people and in JSON, its PEM written where --out says and never over a file without --force', async () => {
    const shown = await cli(['etk', 'show', keystore, '--password-env', 'PW'], { PW: PASSWORD });
    assert.equal(shown.status, ExitCode.ok, shown.stderr);
    assert.match(shown.stdout, new RegExp(`Serial number: ${etk.serialNumber} \\(0x${etk.serialNumberHex}\\)`));
    assert.match(shown.stdout, /Environment: sandbox/);
    assert.match(shown.stdout, /Key: RSA 2048/);

    const json = await cli(['etk', 'show', keystore, '--password-env', 'PW', '--json'], { PW: PASSWORD });
    assert.equal(json.status, ExitCode.ok, json.stderr);
    const document = JSON.parse(json.stdout);
    assert.equal(document.schemaVersion, 1);
    assert.equal(document.alias, etk.serialNumber, 'the ETK key is kept under its decimal serial');
    assert.equal(document.certificate.serialNumber, etk.serialNumber);
    assert.equal(document.certificate.subject, etk.subject);

    const out = path.join(rig.folder, 'my etk.pem');
    const written = await cli(['etk', 'show', keystore, '--password-env', 'PW', '--out', out], { PW: PASSWORD });
    assert.equal(written.status, ExitCode.ok, written.stderr);
    assert.match(written.stderr, /ETK certificate written to/);
    assert.equal(openssl(readFileSync(out, 'utf8'), '-serial').trim().toUpperCase(), `SERIAL=${etk.serialNumberHex}`.toUpperCase());
    const again = await cli(['etk', 'show', keystore, '--password-env', 'PW', '--out', out], { PW: PASSWORD });
    assert.equal(again.status, ExitCode.outputExists, again.stderr);
    assert.equal((await cli(['etk', 'show', keystore, '--password-env', 'PW', '--out', out, '--force'], { PW: PASSWORD })).status, ExitCode.ok);
  });

  it('etk show without a password and no terminal: exit 2 naming the flags; on a pending request: exit 4 and the command that completes it', async () => {
    const locked = await cli(['etk', 'show', keystore]);
    assert.equal(locked.status, ExitCode.usage, locked.stderr);
    assert.match(locked.stderr, /--password-env/);
    const none = await cli(['etk', 'show', pending, '--password-env', 'PW'], { PW: PASSWORD });
    assert.equal(none.status, ExitCode.notFound, none.stderr);
    assert.match(none.stderr, /holds no ETK \(encryption certificate\) yet\. Complete its request first: ehealth cert complete --keystore '.+\.sandbox-p12'$/m);
  });

  it('etk show on the real acceptance keystore: its ETK, named by its decimal alias', async () => {
    const shown = await cli(['etk', 'show', realKeystorePath, '--password-file', `${realKeystorePath}.password`, '--json']);
    assert.equal(shown.status, ExitCode.ok, shown.stderr);
    const document = JSON.parse(shown.stdout);
    assert.equal(document.alias, etkAlias);
    assert.equal(document.certificate.serialNumber, etkAlias);
    assert.equal(document.environment, 'acceptance');
    assert.equal(document.holder, 'SSIN=79021802145');
  });

  it('etk lookup: the ETK the depot publishes for the holder, the same certificate, its PEM on stdout with --out -', async () => {
    const ssin = rig.eid.holder.nationalNumber;
    const lookup = (...more: string[]) => cli(['etk', 'lookup', '--type', 'SSIN', '--id', ssin, '--ra-url', rig.sandbox.url, ...more]);
    const text = await lookup();
    assert.equal(text.status, ExitCode.ok, text.stderr);
    assert.match(text.stdout, new RegExp(`Holder: SSIN=${ssin}`));
    assert.match(text.stdout, new RegExp(`Serial number: ${etk.serialNumber} `));

    const pem = await lookup('--out', '-');
    assert.equal(pem.status, ExitCode.ok, pem.stderr);
    assert.match(pem.stdout, /^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
    assert.match(pem.stderr, /Serial number:/, 'the details on stderr: stdout holds the PEM alone');
    assert.equal(openssl(pem.stdout, '-serial').trim().toUpperCase(), `SERIAL=${etk.serialNumberHex}`.toUpperCase());
    assert.match(openssl(pem.stdout, '-subject'), new RegExp(`SSIN=${ssin}`));

    const json = await lookup('--json');
    assert.equal(json.status, ExitCode.ok, json.stderr);
    const document = JSON.parse(json.stdout);
    assert.equal(document.holder, `SSIN=${ssin}`);
    assert.equal(document.certificate.serialNumber, etk.serialNumber);
    assert.equal((await lookup('--json', '--out', '-')).status, ExitCode.usage, 'JSON and the PEM cannot both have stdout');
  });

  it('etk lookup: an unknown holder is worded (exit 4); a malformed identifier is refused before any network call (exit 2)', async () => {
    const unknown = await cli(['etk', 'lookup', '--type', 'SSIN', '--id', '79021802145', '--ra-url', rig.sandbox.url]);
    assert.equal(unknown.status, ExitCode.notFound, unknown.stderr);
    assert.match(unknown.stderr, /The eHealth depot \(sandbox\) publishes no ETK for SSIN=79021802145\./);

    const out = path.join(rig.folder, 'never.pem');
    for (const [type, id, words] of [
      ['CBE', '0123.456.748', /CBE=0123\.456\.748: The check digits do not match/],
      ['SSIN', '7902180214', /SSIN number has 11 digits/],
      ['NIHII-HOSPITAL', '7100043A', /only digits|digits only/i],
    ] as const) {
      const run = await cli(['etk', 'lookup', '--type', type, '--id', id, '--ra-url', CLOSED, '--out', out]);
      assert.equal(run.status, ExitCode.usage, run.stderr);
      assert.match(run.stderr, words);
    }
    assert.equal(existsSync(out), false);
    const badType = await cli(['etk', 'lookup', '--type', 'PASSPORT', '--id', '1', '--ra-url', CLOSED]);
    assert.equal(badType.status, ExitCode.usage, badType.stderr);
    assert.match(badType.stderr, /--type.*PASSPORT/);
    // A well-formed one at the closed port: the network error, so the refusals above came first.
    assert.equal((await cli(['etk', 'lookup', '--type', 'CBE', '--id', '0123.456.749', '--ra-url', CLOSED])).status, ExitCode.authority);
  });
});
