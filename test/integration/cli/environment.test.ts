// Where `ehealth cert` runs, as integrators script it (built bundle, stdin not a terminal): the
// environment comes from the keystore's name, a conflicting --env is refused before anything
// starts, the certificate's issuer has the last word once the keystore is opened (an older sandbox
// keystore named .acc-p12 runs in the sandbox with --env sandbox, a real acceptance one never
// does), and every next-step hint, pasted into a shell as printed, runs against the same authority.
// Then `cert complete --wait`: a request validated by hand, approved while the command waits; its
// timeout and Ctrl+C.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { realFileName, realKeystorePath } from '../../unit/keystore/fixtures';
import { cli, cliRequest, folderDigest, PASSWORD, startRig, type Rig } from '../procedures/harness';

const root = path.join(__dirname, '..', '..', '..');
/** The line the CLI prints when it starts a sandbox of its own. */
const SANDBOX_STARTED = /Sandbox registration authority at/;
/** A local port nothing listens on: a call there fails at once, as a network error. */
const CLOSED = 'http://127.0.0.1:9';

/** The key of the request a `cert request` reported on stderr. */
const keyOf = (stderr: string) => /key ([0-9a-f]{40})\)/.exec(stderr)?.[1] ?? assert.fail(stderr);

/** The command a hint printed after "run: " or ": " (up to the line's end). */
const hintedCommand = (stderr: string, verb: string) => new RegExp(`(ehealth cert ${verb} .*)$`, 'm').exec(stderr)?.[1] ?? assert.fail(`no "cert ${verb}" hint in:\n${stderr}`);

/** `command` as a shell reads it, `ehealth` being the built bundle, `more` added at its end. */
function inShell(command: string, more: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const line = `${command.replace(/^ehealth /, `"${process.execPath}" bin/ehealth.js `)} ${more}`;
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', line], { cwd: root, env: { ...process.env, LANG: 'en_US.UTF-8', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A running `ehealth ARGS`: its stderr so far, a wait for a line on it, its end. */
function running(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['bin/ehealth.js', ...args], { cwd: root, env: { ...process.env, LANG: 'en_US.UTF-8', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const listeners: Array<() => void> = [];
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    listeners.forEach((listener) => listener());
  });
  const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    stderr: () => stderr,
    ended,
    /** Resolves once stderr matches `pattern`; fails when the command ends first. */
    seen: (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => pattern.test(stderr) && resolve();
        listeners.push(check);
        check();
        void ended.then(() => reject(new Error(`ended before ${pattern}:\n${stderr}`)));
      }),
  };
}

describe('ehealth cert: the environment from the keystore, hints that run as printed (built bundle)', function () {
  this.timeout(120_000);
  let rig: Rig;
  let home: string;
  /** The command's own sandbox: its data folder, a home of its own. */
  let ownSandbox: NodeJS.ProcessEnv;

  before(async () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    rig = await startRig('rsa');
    home = path.join(rig.folder, 'home');
    ownSandbox = { HOME: home, EHEALTH_SANDBOX_DATA: path.join(rig.folder, 'own-sandbox'), EHEALTH_KEYSTORE_FOLDERS: '', PW: PASSWORD, PIN: rig.eid.pin };
  });
  after(async () => rig?.stop());

  it('refuses an --env that contradicts the keystore name, with exit 2, before anything is opened or started', async () => {
    // The files do not exist: had anything been opened, the error would be "not found" (4).
    for (const [verb, file, env, named] of [
      ['status', 'x.acc-p12', 'production', 'acceptance'],
      ['complete', 'x.sandbox-p12', 'acceptance', 'sandbox'],
      ['activate', 'x.p12', 'sandbox', 'production'],
      ['renew', 'x.acc.p12', 'production', 'acceptance'],
      ['revoke', 'x.p12', 'acceptance', 'production'],
    ] as const) {
      const run = await cli(['cert', verb, '--keystore', path.join(rig.folder, 'missing', file), '--env', env, '--password-env', 'PW'], ownSandbox);
      assert.equal(run.status, ExitCode.usage, `${verb}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`${file.replace('.', '\\.')} is named as a keystore of the ${named} environment .*--env ${env} does not match`));
      assert.doesNotMatch(run.stderr, SANDBOX_STARTED);
    }
    const unnamed = await cli(['cert', 'status', '--keystore', path.join(rig.folder, 'missing', 'x.pfx'), '--password-env', 'PW'], ownSandbox);
    assert.equal(unnamed.status, ExitCode.usage, unnamed.stderr);
    assert.match(unnamed.stderr, /does not tell its environment .*give --env sandbox, acceptance or production/);
  });

  it('cert status of a real .acc-p12 never starts a sandbox: it asks the authority given (a closed port: a network error)', async () => {
    const run = await cli(['cert', 'status', '--keystore', realKeystorePath, '--password-file', `${realKeystorePath}.password`, '--ra-url', CLOSED], ownSandbox);
    assert.equal(run.status, ExitCode.authority, run.stderr);
    assert.doesNotMatch(run.stderr, SANDBOX_STARTED);
    // Told the sandbox, it starts one, opens the file, and refuses: eHealth's acceptance issued it.
    const told = await cli(['cert', 'status', '--keystore', realKeystorePath, '--password-file', `${realKeystorePath}.password`, '--env', 'sandbox'], ownSandbox);
    assert.equal(told.status, ExitCode.usage, told.stderr);
    assert.match(told.stderr, new RegExp(`${realFileName} holds a certificate issued in the acceptance environment, not in sandbox .*nothing was sent.*--env acceptance`));
  });

  it('an older sandbox keystore named .acc-p12: refused as acceptance (no sandbox started), answered with --env sandbox', async () => {
    const requested = await cli(
      ['cert', 'request', '--module', rig.eid.modulePath, '--pin-env', 'PIN', '--holder', rig.eid.holder.nationalNumber, '--email', 'dev@example.be', '--phone', '+32470000001', '--new-password-env', 'PW', '--accept-contract', '--json'],
      ownSandbox,
    );
    assert.equal(requested.status, ExitCode.ok, requested.stderr);
    const { keystore } = JSON.parse(requested.stdout);
    assert.match(keystore, /\.sandbox-p12$/);
    // Its hint: no --env (the name tells), no --ra-url (none was given).
    assert.equal((await cli(['cert', 'complete', '--keystore', keystore, '--password-env', 'PW'], ownSandbox)).status, ExitCode.ok);
    // Named as the sandbox named its keystores before they had their own suffix and folder.
    mkdirSync(path.join(home, 'ehealth', 'keystore'), { recursive: true });
    const legacy = path.join(home, 'ehealth', 'keystore', path.basename(keystore).replace('.sandbox-p12', '.acc-p12'));
    copyFileSync(keystore, legacy);

    const asNamed = await cli(['cert', 'status', '--keystore', legacy, '--password-env', 'PW'], ownSandbox);
    assert.equal(asNamed.status, ExitCode.usage, asNamed.stderr);
    assert.doesNotMatch(asNamed.stderr, SANDBOX_STARTED);
    assert.match(asNamed.stderr, /issued in the sandbox environment, not in acceptance .*--env sandbox/);

    const asSandbox = await cli(['cert', 'status', '--keystore', legacy, '--password-env', 'PW', '--env', 'sandbox'], ownSandbox);
    assert.equal(asSandbox.status, ExitCode.ok, asSandbox.stderr);
    assert.match(asSandbox.stderr, SANDBOX_STARTED);
    assert.match(asSandbox.stdout, /eHealth: VALID_ACTIVE/);
  });

  it('the hints carry --ra-url (and --env where the name does not tell it, --module for the eID): pasted into a shell as printed, they run', async () => {
    const requested = await cliRequest(rig);
    assert.equal(requested.status, ExitCode.ok, requested.stderr);
    const complete = hintedCommand(requested.stderr, 'complete');
    assert.ok(complete.includes(`--ra-url ${rig.sandbox.url}`), complete);
    assert.doesNotMatch(complete, /--env/, 'the .acc-p12 name tells acceptance');
    // The file name has a space: quoted for the shell.
    assert.match(complete, /--keystore '[^']+ [^']+\.acc-p12'$/);
    const completed = await inShell(complete, '--password-env PW', { PW: PASSWORD });
    assert.equal(completed.status, ExitCode.ok, completed.stderr);

    const listed = await cli(['cert', 'list', '--env', 'acceptance', '--ra-url', rig.sandbox.url, '--module', rig.eid.modulePath, '--pin-env', 'PIN', '--keystore-dir', path.join(rig.folder, 'cli-keystores')], { PIN: rig.eid.pin });
    assert.equal(listed.status, ExitCode.ok, listed.stderr);
    const revoke = /to revoke it: (.*)$/m.exec(listed.stdout)?.[1] ?? assert.fail(listed.stdout);
    assert.ok(revoke.startsWith(`ehealth cert revoke --env acceptance --ra-url ${rig.sandbox.url} --module ${rig.eid.modulePath} --public-key-id ${keyOf(requested.stderr)} --reason REASON`), revoke);
    const revoked = await inShell(revoke.replace('REASON', 'superseded'), '--pin-env PIN --accept-contract', { PIN: rig.eid.pin });
    assert.equal(revoked.status, ExitCode.ok, revoked.stderr);
    const request = /request a new certificate \((ehealth cert request[^)]*)\)/.exec(revoked.stderr)?.[1] ?? assert.fail(revoked.stderr);
    assert.equal(request, `ehealth cert request --env acceptance --ra-url ${rig.sandbox.url} --module ${rig.eid.modulePath}`);
  });

  describe('cert complete --wait', () => {
    /** A request for an organisation typed by hand (one the eID's holder is not yet known to act for): validated by hand, pending until approved. */
    const pendingRequest = async (number: string, applicationId: string) => {
      const run = await cliRequest(rig, { args: ['--env', 'sandbox', '--holder', `NIHII-HOSPITAL=${number},${applicationId}`, '--organization-name', 'Hôpital du Val'] });
      assert.equal(run.status, ExitCode.ok, run.stderr);
      assert.match(run.stderr, /validates this request by hand/);
      const folder = path.join(rig.folder, 'cli-keystores');
      const keystore = path.join(folder, readdirSync(folder).find((name) => name.includes(`,${applicationId} `))!);
      assert.match(keystore, /\.sandbox-p12$/);
      return { keystore, publicKeyIdentifier: keyOf(run.stderr) };
    };
    const waitFor = (keystore: string, ...more: string[]) => running(['cert', 'complete', '--keystore', keystore, '--password-env', 'PW', '--ra-url', rig.sandbox.url, '--wait', ...more], { PW: PASSWORD });

    it('refuses a bad --timeout, or --timeout without --wait, before anything is asked', async () => {
      for (const args of [['--wait', '--timeout', '10'], ['--wait', '--timeout', '1.5h'], ['--wait', '--timeout', '0s'], ['--timeout', '5m']]) {
        const run = await cli(['cert', 'complete', '--keystore', path.join(rig.folder, 'missing.sandbox-p12'), '--password-env', 'PW', '--ra-url', CLOSED, ...args], { PW: PASSWORD });
        assert.equal(run.status, ExitCode.usage, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, args.includes('--wait') ? /Invalid duration .* for --timeout: .*90s, 10m or 1h/ : /--timeout only goes with --wait/);
      }
    });

    it('polls, one line per try with the time of the next, until the sandbox approves the request: then installs the certificate', async () => {
      const { keystore, publicKeyIdentifier } = await pendingRequest('71000436', 'WAITING');
      const waiting = waitFor(keystore);
      await waiting.seen(/try 1 of \d+\); if it is not delivered yet, next try at \d{2}:\d{2}:\d{2}/);
      await waiting.seen(/try 2 of/);
      const approved = await cli(['sandbox', 'approve', publicKeyIdentifier, '--url', rig.sandbox.url]);
      assert.equal(approved.status, ExitCode.ok, approved.stderr);
      assert.equal(await waiting.ended, ExitCode.ok, waiting.stderr());
      assert.match(waiting.stderr(), /try 2 of 301\)/, 'every 2 s for 10 minutes in the sandbox');
      const status = await cli(['cert', 'status', '--keystore', keystore, '--password-env', 'PW', '--ra-url', rig.sandbox.url], { PW: PASSWORD });
      assert.match(status.stdout, /complete/);
    });

    it('ends at its timeout with exit 12 and the command to run again; Ctrl+C stops the wait, the file untouched', async () => {
      const { keystore } = await pendingRequest('71000535', 'TIMEOUT');
      const before = folderDigest(path.dirname(keystore));
      const timedOut = waitFor(keystore, '--timeout', '3s');
      assert.equal(await timedOut.ended, ExitCode.notYetDelivered, timedOut.stderr());
      assert.match(timedOut.stderr(), /try 1 of 2\); if it is not delivered yet, next try at/);
      assert.match(timedOut.stderr(), /try 2 of 2, the last before the timeout/);
      assert.match(timedOut.stderr(), /Still not delivered after 3s\. Run the same command again later: ehealth cert complete --ra-url \S+ --keystore '.+\.sandbox-p12' --wait$/m);

      const interrupted = waitFor(keystore);
      await interrupted.seen(/try 1 of/);
      interrupted.child.kill('SIGINT');
      assert.equal(await interrupted.ended, ExitCode.failure, interrupted.stderr());
      assert.doesNotMatch(interrupted.stderr(), /try 2 of/);
      assert.equal(folderDigest(path.dirname(keystore)), before);
    });
  });
});
