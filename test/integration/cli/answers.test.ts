// `ehealth` as a script runs it: no terminal. Every secret in each of its forms (--X-env, --X-file
// with a file, a named pipe and /dev/fd/3, --X-stdin) with the same meaning in every verb; every
// question whose flag is missing ends at once with exit 2 naming that flag, stdin left open as
// `sleep 30 | ehealth ...` leaves it; CI=1 on a real terminal asks nothing either; a person's "no"
// to the contract or to production has its own exit code. The built bundle, a virtual eID and the
// sandbox the CLI starts in-process.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { buildVirtualEid, type VirtualEid } from '../../../tools/virtual-eid/build';
import { realKeystoreRewritten } from '../../unit/keystore/fixtures';
import { onTerminal } from '../terminal';

const root = path.resolve(__dirname, '..', '..', '..');
const launcher = path.join(root, 'bin', 'ehealth.js');
const PASSWORD = 'Answers_pass1';
const NEW_PASSWORD = 'Answers_pass2';
/** An identifier no authority knows: every test with it ends before anything is sent. */
const SOME_KEY_ID = '0123456789abcdef0123456789abcdef01234567';
/** Far more than any refusal takes: a command still running then is waiting for an answer. */
const WAITING = 20_000;

interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, then stdin closed; without it, stdin stays open and empty (`sleep 30 |`). */
  input?: string;
  /** Written to the child's descriptor 3 (read as /dev/fd/3). */
  fd3?: string;
}

/** The built CLI without a terminal; killed (code null) when it is still running after WAITING. */
function ehealth(args: string[], options: RunOptions = {}): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, [launcher, ...args], {
    stdio: ['pipe', 'pipe', 'pipe', options.fd3 === undefined ? 'ignore' : 'pipe'],
    env: { ...process.env, EHEALTH_LANG: 'en', ...options.env },
  });
  // All piped: none is null.
  const [stdin, stdout, stderr] = [child.stdin!, child.stdout!, child.stderr!];
  const fd3 = child.stdio[3] as NodeJS.WritableStream | null;
  // What the command does not read is refused when it exits (EPIPE): not this test's failure.
  for (const stream of [stdin, fd3]) stream?.on('error', () => undefined);
  if (options.input !== undefined) stdin.end(options.input);
  if (options.fd3 !== undefined) fd3?.end(options.fd3);
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), WAITING);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      stdin.destroy();
      resolve({ code, out, err, ms: Date.now() - started });
    }),
  );
}

/** Exit 2 at once, the flags that answer the question named. */
function refusedNaming(run: Run, flags: string): void {
  assert.equal(run.code, ExitCode.usage, `exit ${run.code} after ${run.ms} ms: ${run.err}`);
  assert.ok(run.err.includes(`There is no terminal to ask: give ${flags}.`), run.err);
  assert.ok(run.ms < WAITING / 2, `${run.ms} ms`);
}

const passwordFlags = '--password-env, --password-file, or --password-stdin';
const newPasswordFlags = '--new-password-env, --new-password-file, or --new-password-stdin';
const pinFlags = '--pin-env, --pin-file, or --pin-stdin';

describe('ehealth without a terminal: secrets and questions (built bundle)', function () {
  this.timeout(90_000);
  let folder: string;
  let keystore: string;
  const file = (name: string) => path.join(folder, name);

  /** Each form of the secret `name` holding `value`: the flags, and what the child gets. */
  const forms = (name: string, value: string): Record<string, { args: string[]; options: RunOptions }> => {
    const secretFile = file(`${name}-file`);
    writeFileSync(secretFile, `${value}\r\nnot this line\n`);
    return {
      env: { args: [`--${name}-env`, 'SECRET'], options: { env: { SECRET: value }, input: '' } },
      file: { args: [`--${name}-file`, secretFile], options: { input: '' } },
      'descriptor 3': { args: [`--${name}-file`, '/dev/fd/3'], options: { fd3: `${value}\n`, input: '' } },
      stdin: { args: [`--${name}-stdin`], options: { input: `${value}\nnot this line\n` } },
    };
  };

  before(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    folder = mkdtempSync(path.join(tmpdir(), 'ehealth-answers-'));
    keystore = file('SSIN=79021802145 20230823-085751.acc-p12');
    // A quick-to-open copy of the real keystore (the original's KDF costs seconds per run).
    writeFileSync(keystore, await realKeystoreRewritten(PASSWORD, { mode: 'modern' }));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  describe('keystore verbs: the password in each form', () => {
    for (const form of ['env', 'file', 'descriptor 3', 'stdin']) {
      it(`inspect, export and passwd with --password from ${form}`, async () => {
        const { args, options } = forms('password', PASSWORD)[form];
        const [inspected, exported] = await Promise.all([
          ehealth(['keystore', 'inspect', keystore, ...args, '--json'], options),
          ehealth(['keystore', 'export', keystore, '--alias', 'authentication', ...args], forms('password', PASSWORD)[form].options),
        ]);
        assert.equal(inspected.code, ExitCode.ok, inspected.err);
        assert.equal(JSON.parse(inspected.out).locked, false, 'opened with the password');
        assert.equal(exported.code, ExitCode.ok, exported.err);
        assert.match(exported.out, /-----BEGIN CERTIFICATE-----/);
        // The new password in another form: stdin holds one secret, and so does descriptor 3.
        const copy = file(`passwd-${form.replace(' ', '-')}.acc-p12`);
        copyFileSync(keystore, copy);
        const other = forms('new-password', NEW_PASSWORD)[form === 'stdin' || form === 'descriptor 3' ? 'env' : 'stdin'];
        const changed = await ehealth(['keystore', 'passwd', copy, ...args, ...other.args], { ...options, ...other.options, env: { ...options.env, ...other.options.env }, input: other.options.input || options.input });
        assert.equal(changed.code, ExitCode.ok, changed.err);
        const reopened = await ehealth(['keystore', 'inspect', copy, '--password-env', 'PW', '--json'], { env: { PW: NEW_PASSWORD }, input: '' });
        assert.equal(JSON.parse(reopened.out).locked, false, reopened.err);
      });
    }

    it('a named pipe is read as a file: its first line', async () => {
      const fifo = file('password.fifo');
      execFileSync('mkfifo', [fifo]);
      const [run] = await Promise.all([ehealth(['keystore', 'inspect', keystore, '--password-file', fifo, '--json'], { input: '' }), writeFile(fifo, `${PASSWORD}\n`)]);
      assert.equal(run.code, ExitCode.ok, run.err);
      assert.equal(JSON.parse(run.out).locked, false);
    });

    it('cert change-password is keystore passwd: the same flags', async () => {
      const copy = file('change-password.acc-p12');
      copyFileSync(keystore, copy);
      const run = await ehealth(['cert', 'change-password', copy, '--password-file', '/dev/fd/3', '--new-password-stdin'], { fd3: `${PASSWORD}\n`, input: `${NEW_PASSWORD}\n` });
      assert.equal(run.code, ExitCode.ok, run.err);
    });
  });

  describe('usage errors, worded, exit 2', () => {
    it('two forms of one secret, two secrets on stdin, a file that is missing or not a file, a variable not set', async () => {
      const both = await ehealth(['keystore', 'inspect', keystore, '--password-env', 'PW', '--password-stdin'], { env: { PW: PASSWORD }, input: `${PASSWORD}\n` });
      assert.equal(both.code, ExitCode.usage, both.err);
      assert.match(both.err, /Give only one of --password-env or --password-stdin\./);
      const stdinTwice = await ehealth(['keystore', 'passwd', keystore, '--password-stdin', '--new-password-stdin'], { input: `${PASSWORD}\n${NEW_PASSWORD}\n` });
      assert.equal(stdinTwice.code, ExitCode.usage, stdinTwice.err);
      assert.match(stdinTwice.err, /Give only one of --password-stdin or --new-password-stdin\./);
      const missing = await ehealth(['keystore', 'inspect', keystore, '--password-file', file('no-such-file')], { input: '' });
      assert.equal(missing.code, ExitCode.usage, missing.err);
      assert.ok(missing.err.includes(`The file "${file('no-such-file')}" given to --password-file does not exist.`), missing.err);
      const folderGiven = await ehealth(['eid', 'verify-pin', '--pin-file', folder], { input: '' });
      assert.equal(folderGiven.code, ExitCode.usage, folderGiven.err);
      assert.ok(folderGiven.err.includes(`The file "${folder}" given to --pin-file cannot be read.`), folderGiven.err);
      const unset = await ehealth(['keystore', 'passwd', keystore, '--password-env', 'NOT_SET_ANYWHERE', '--new-password-env', 'NOT_SET_ANYWHERE'], { input: '' });
      assert.equal(unset.code, ExitCode.usage, unset.err);
      assert.match(unset.err, /The environment variable "NOT_SET_ANYWHERE" is not set\./);
      for (const run of [both, stdinTwice, missing, folderGiven, unset]) assert.doesNotMatch(run.err, /\n\s+at /, 'no stack trace');
    });

    it('stdin open and empty (`sleep 30 |`): a missing password, new password, reason or production confirmation ends at once naming its flags', async () => {
      const [exported, changed, status, reason, production] = await Promise.all([
        ehealth(['keystore', 'export', keystore, '--alias', 'authentication']),
        ehealth(['keystore', 'passwd', keystore, '--password-env', 'PW'], { env: { PW: PASSWORD } }),
        ehealth(['cert', 'status', '--keystore', keystore, '--env', 'acceptance', '--ra-url', 'http://127.0.0.1:9']),
        ehealth(['cert', 'revoke', '--env', 'acceptance', '--ra-url', 'http://127.0.0.1:9', '--public-key-id', SOME_KEY_ID, '--accept-contract']),
        ehealth(['cert', 'revoke', '--env', 'production', '--public-key-id', SOME_KEY_ID, '--reason', 'superseded', '--accept-contract']),
      ]);
      refusedNaming(exported, passwordFlags);
      refusedNaming(changed, newPasswordFlags);
      refusedNaming(status, passwordFlags);
      refusedNaming(reason, '--reason');
      refusedNaming(production, '--confirm-production');
    });

    it('CI=1 or --no-input on a real terminal asks nothing either', () => {
      const command = [process.execPath, launcher, 'keystore', 'export', keystore, '--alias', 'authentication'];
      for (const { status, screen } of [onTerminal(command, [], { env: { EHEALTH_LANG: 'en', CI: '1' } }), onTerminal([...command, '--no-input'], [], { env: { EHEALTH_LANG: 'en' } })]) {
        assert.equal(status, ExitCode.usage, screen);
        assert.ok(screen.includes(`There is no terminal to ask: give ${passwordFlags}.`), screen);
        assert.doesNotMatch(screen, /Password of/);
      }
    });

    it('production: a person who answers no gets exit 22; --confirm-production goes on without asking', () => {
      const args = [process.execPath, launcher, 'cert', 'revoke', '--env', 'production', '--ra-url', 'http://127.0.0.1:9', '--public-key-id', SOME_KEY_ID, '--reason', 'superseded'];
      const declined = onTerminal(args, [['Type "yes" to continue', 'no\r']], { env: { EHEALTH_LANG: 'en' } });
      assert.equal(declined.status, ExitCode.productionNotConfirmed, declined.screen);
      assert.match(declined.screen, /not confirmed: nothing was done/);
      // Confirmed by flag: the next step runs (here the eID module, which is missing).
      const confirmed = onTerminal([...args, '--confirm-production', '--module', file('no-such-module.so')], [], { env: { EHEALTH_LANG: 'en' } });
      assert.equal(confirmed.status, ExitCode.middlewareMissing, confirmed.screen);
      assert.doesNotMatch(confirmed.screen, /Type "yes"/);
    });
  });

  describe('with a virtual eID and the in-process sandbox', () => {
    let eid: VirtualEid;
    /** The sandbox's data and the keystores of one run: runs side by side share nothing. */
    const place = (name: string) => {
      mkdirSync(file(name), { recursive: true });
      return { EHEALTH_SANDBOX_DATA: file(`${name}/sandbox`), HOME: file(`${name}/home`) };
    };
    /** The sandbox keystores a run wrote (under ~/ehealth/sandbox). */
    const keystoresOf = ({ HOME }: { HOME: string }) => (existsSync(path.join(HOME, 'ehealth', 'sandbox')) ? readdirSync(path.join(HOME, 'ehealth', 'sandbox')) : []);

    before(async () => {
      eid = await buildVirtualEid({ algorithm: 'rsa', dir: file('eid') });
    });

    it('eid verify-pin with the PIN in each form', async () => {
      for (const [form, { args, options }] of Object.entries(forms('pin', eid.pin))) {
        const run = await ehealth(['eid', 'verify-pin', '--module', eid.modulePath, ...args], options);
        assert.equal(run.code, ExitCode.ok, `${form}: ${run.err}`);
      }
    });

    it('stdin open and empty: each question of a request ends at once naming its flag, nothing written', async () => {
      const all: Record<string, string[]> = {
        pin: ['--pin-env', 'PIN'],
        holder: ['--holder', eid.holder.nationalNumber],
        email: ['--email', 'dev@example.be'],
        phone: ['--phone', '+32470000001'],
        'new-password': ['--new-password-env', 'PW'],
        contract: ['--accept-contract'],
      };
      const without = (left: string) => ehealth(['cert', 'request', '--module', eid.modulePath, ...Object.entries(all).flatMap(([name, args]) => (name === left ? [] : args))], { env: { ...place(`request-without-${left}`), PIN: eid.pin, PW: PASSWORD } });
      const expected: Record<string, string> = { pin: pinFlags, holder: '--holder', email: '--email', phone: '--phone', 'new-password': newPasswordFlags, contract: '--accept-contract' };
      // One after the other: each is timed on its own.
      for (const name of Object.keys(all)) {
        refusedNaming(await without(name), expected[name]);
        assert.deepEqual(keystoresOf(place(`request-without-${name}`)), [], name);
      }
      // An organisation eHealth does not list: its official name is a flag too.
      const unlisted = await ehealth(['cert', 'request', '--module', eid.modulePath, '--pin-env', 'PIN', '--holder', 'CBE=0300000214,TERM', '--email', 'dev@example.be', '--phone', '+32470000001', '--new-password-env', 'PW', '--accept-contract'], {
        env: { ...place('request-unlisted'), PIN: eid.pin, PW: PASSWORD },
      });
      assert.equal(unlisted.code, ExitCode.usage, unlisted.err);
      assert.match(unlisted.err, /--organization-name "NAME"/);
    });

    it('a request with the PIN on stdin and the new password on /dev/fd/3; its status with the password from a file', async () => {
      const env = place('request-forms');
      const requested = await ehealth(['cert', 'request', '--module', eid.modulePath, '--pin-stdin', '--new-password-file', '/dev/fd/3', '--holder', eid.holder.nationalNumber, '--email', 'dev@example.be', '--phone', '+32470000001', '--accept-contract', '--json'], {
        env,
        input: `${eid.pin}\n`,
        fd3: `${PASSWORD}\n`,
      });
      assert.equal(requested.code, ExitCode.ok, requested.err);
      const created = JSON.parse(requested.out).keystore as string;
      assert.ok(existsSync(created));
      const passwordFile = file('request-forms/password');
      writeFileSync(passwordFile, `${PASSWORD}\n`);
      const status = await ehealth(['cert', 'status', '--keystore', created, '--password-file', passwordFile], { env, input: '' });
      assert.equal(status.code, ExitCode.ok, status.err);
    });

    it('at a terminal, a declined contract is exit 21 and writes nothing', () => {
      const env = place('declined');
      const args = [process.execPath, launcher, 'cert', 'request', '--module', eid.modulePath, '--pin-env', 'PIN', '--holder', eid.holder.nationalNumber, '--email', 'dev@example.be', '--phone', '+32470000001', '--new-password-env', 'PW'];
      const { status, screen } = onTerminal(args, [['Do you accept this contract?', 'no\r']], { env: { ...env, EHEALTH_LANG: 'en', PIN: eid.pin, PW: PASSWORD } });
      assert.equal(status, ExitCode.contractDeclined, screen);
      assert.deepEqual(keystoresOf(env), [], 'no keystore written');
    });

    it('without a terminal, no wait for the card (eid/no-card at once, even CI=1 on a terminal) and no last-try question (--last-pin-try named)', async () => {
      const removed = path.join(eid.dir, 'removed');
      writeFileSync(removed, '');
      try {
        const script = await ehealth(['eid', 'verify-pin', '--module', eid.modulePath, '--pin-env', 'PIN'], { env: { PIN: eid.pin } });
        assert.equal(script.code, ExitCode.noCard, script.err);
        const ci = onTerminal([process.execPath, launcher, 'eid', 'verify-pin', '--module', eid.modulePath], [], { env: { EHEALTH_LANG: 'en', CI: '1' } });
        assert.equal(ci.status, ExitCode.noCard, ci.screen);
        assert.doesNotMatch(script.err + ci.screen, /stop waiting/);
      } finally {
        rmSync(removed, { force: true });
      }
      const withoutPin = await ehealth(['eid', 'verify-pin', '--module', eid.modulePath]);
      refusedNaming(withoutPin, pinFlags);
      // Two wrong PINs by another program: one try left.
      for (let i = 0; i < 2; i++) spawnSync('pkcs11-tool', ['--module', eid.modulePath, '--login', '--pin', '0000', '--list-objects'], { stdio: 'ignore' });
      const lastTry = await ehealth(['eid', 'verify-pin', '--module', eid.modulePath]);
      refusedNaming(lastTry, '--last-pin-try');
      // The right PIN, consented: the count is back.
      const consented = await ehealth(['eid', 'verify-pin', '--module', eid.modulePath, '--pin-env', 'PIN', '--last-pin-try'], { env: { PIN: eid.pin }, input: '' });
      assert.equal(consented.code, ExitCode.ok, consented.err);
    });
  });
});
