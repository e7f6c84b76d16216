// Endless or hostile inputs through the built `ehealth` launcher: what is not a keystore file is
// refused before it is read (a named pipe, /dev/zero, a folder, a huge file), file-system failures
// are worded, secrets are read one bounded line (hidden on a real terminal, driven through a
// pseudo-terminal), and names from disk or from a keystore cannot inject lines or terminal sequences.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { realFileName, realKeystorePath, realPassword } from '../../unit/keystore/fixtures';
import { onTerminal } from '../terminal';

const root = path.resolve(__dirname, '..', '..', '..');
const launcher = path.join(root, 'bin', 'ehealth.js');
// Long enough for a loaded machine, far shorter than "forever".
const prompt = 15_000;

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The launcher and the CLI's folder (its entry, chunks, catalogs and workers) copied into `folder`, readable by every user; the copied launcher. */
function readableCli(folder: string): string {
  const cliFolder = path.join('dist', 'cli');
  const cliFiles = readdirSync(path.join(root, cliFolder), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const file of ['bin/ehealth.js', ...cliFiles.map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))]) {
    mkdirSync(path.join(folder, path.dirname(file)), { recursive: true, mode: 0o755 });
    copyFileSync(path.join(root, file), path.join(folder, file));
    chmodSync(path.join(folder, file), 0o644);
  }
  return path.join(folder, 'bin', 'ehealth.js');
}

function ehealth(args: string[], options: SpawnSyncOptions = {}, prefix: string[] = [], entry = launcher): Run {
  const [command, ...rest] = [...prefix, process.execPath, entry, ...args];
  const result = spawnSync(command, rest, {
    encoding: 'utf8',
    timeout: prompt,
    maxBuffer: 1024 * 1024,
    ...options,
    env: { ...process.env, EHEALTH_LANG: 'en', ...options.env },
  });
  return { status: result.status, signal: result.signal, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Exited by itself (not killed by the timeout) with this code, and said so in words. */
function refused(run: Run, exitCode: number, words: RegExp): void {
  assert.equal(run.signal, null, `killed after ${prompt} ms: it hung (stderr: ${run.stderr})`);
  assert.equal(run.status, exitCode, run.stderr);
  assert.match(run.stderr, words);
  assert.doesNotMatch(run.stderr, /\n\s+at |E[A-Z]{3,}/, 'no stack trace, no raw error code');
}

/** The control characters (line ends aside) and bidirectional overrides in a text. */
const controlsIn = (text: string): number[] =>
  [...text].map((char) => char.codePointAt(0)!).filter((code) => (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || code === 0x202e);

/** The CLI on a real pseudo-terminal: at the password prompt, `typed` and Enter. */
const typing = (args: string[], typed: string) => onTerminal([process.execPath, launcher, ...args], [['Password of', `${typed}\r`]], { env: { EHEALTH_LANG: 'en' } });

const everyReader = (file: string): string[][] => [
  ['keystore', 'inspect', file],
  ['keystore', 'inspect', file, '--password-env', 'PW'],
  ['keystore', 'export', file, '--alias', 'authentication', '--password-env', 'PW'],
  ['keystore', 'passwd', file, '--password-env', 'PW', '--new-password-env', 'PW'],
];

describe('hostile inputs (built bundle)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('what is not a keystore file is refused before it is read', () => {
    it('a named pipe: inspect, export and passwd answer at once instead of waiting for a writer', () => {
      const fifo = path.join(dir, 'pipe.acc-p12');
      execFileSync('mkfifo', [fifo]);
      for (const args of everyReader(fifo)) {
        refused(ehealth(args, { env: { PW: realPassword } }), ExitCode.notFound, /pipe\.acc-p12 is a named pipe, not a keystore file: give the path of the keystore file itself/);
      }
    });

    it('a device: /dev/zero is not read endlessly', () => {
      for (const args of everyReader('/dev/zero')) {
        refused(ehealth(args, { env: { PW: realPassword } }), ExitCode.notFound, /\/dev\/zero is a device, not a keystore file/);
      }
    });

    it('a folder says so, and names the keystore inside it (not "file not found")', () => {
      const folder = path.join(dir, 'keystores');
      mkdirSync(folder);
      copyFileSync(realKeystorePath, path.join(folder, realFileName));
      // Named like keystores, sorted first, but not files: never given as the example.
      mkdirSync(path.join(folder, 'A folder.p12'));
      execFileSync('mkfifo', [path.join(folder, 'A pipe.p12')]);
      for (const args of everyReader(folder)) {
        const run = ehealth(args, { env: { PW: realPassword } });
        refused(run, ExitCode.notFound, /keystores is a folder, not a keystore file: give the keystore file inside it/);
        assert.ok(run.stderr.includes(`for example ${path.join(folder, realFileName)}`), run.stderr);
        assert.doesNotMatch(run.stderr, /not found/);
      }
    });

    it('a file over 1 MiB (the limit of keystore list) is refused by its size', () => {
      const huge = path.join(dir, 'huge.p12');
      writeFileSync(huge, Buffer.concat([readFileSync(realKeystorePath), Buffer.alloc(1024 * 1024)]));
      for (const args of everyReader(huge)) {
        refused(ehealth(args, { env: { PW: realPassword } }), ExitCode.damaged, /huge\.p12 is larger than 1 MiB: it is not an eHealth keystore/);
      }
      const listed = JSON.parse(ehealth(['keystore', 'list', dir, '--json']).stdout);
      const problems = listed.folders[0].keystores.find((file: { fileName: string }) => file.fileName === 'huge.p12').problems;
      assert.deepEqual(problems.at(-1), { code: 'too-large', params: { size: readFileSync(huge).length } });
    });

    it('a loop of symbolic links is worded, in inspect and in keystore list', () => {
      const loop = path.join(dir, 'loop');
      mkdirSync(loop);
      symlinkSync('b.p12', path.join(loop, 'a.p12'));
      symlinkSync('a.p12', path.join(loop, 'b.p12'));
      for (const args of everyReader(path.join(loop, 'a.p12'))) {
        refused(ehealth(args, { env: { PW: realPassword } }), ExitCode.notFound, /Too many symbolic links reading .*a\.p12 \(a loop\?\): check where its links point/);
      }
      symlinkSync('moved away', path.join(loop, 'dangling.p12'));
      const listed = ehealth(['keystore', 'list', loop]);
      assert.equal(listed.status, ExitCode.ok, listed.stderr);
      assert.match(listed.stdout, /! Too many symbolic links \(a loop\?\)/);
      assert.doesNotMatch(listed.stdout, /ELOOP/);
      assert.match(listed.stdout, /! The file cannot be read \(ENOENT\)/, 'a dangling link stays as it was');
    });

    it('keystore list words a folder argument that is a file or a link loop', () => {
      const loop = path.join(dir, 'folder-loop');
      symlinkSync('folder-loop', loop);
      const run = ehealth(['keystore', 'list', realKeystorePath, loop]);
      assert.equal(run.status, ExitCode.ok, run.stderr);
      assert.ok(run.stdout.includes(`${realKeystorePath}  (Not a folder: give the folder that holds the keystores)`), run.stdout);
      assert.ok(run.stdout.includes(`${loop}  (Too many symbolic links (a loop?): check where the links point)`), run.stdout);
    });

    it('permission denied is worded, in inspect and in keystore list (as an unprivileged user, even when the tests run as root)', () => {
      const locked = path.join(dir, 'locked');
      mkdirSync(locked);
      // Only the file is unreadable: the folders on the way are open to everyone.
      chmodSync(dir, 0o755);
      chmodSync(locked, 0o755);
      const file = path.join(locked, realFileName);
      copyFileSync(realKeystorePath, file);
      chmodSync(file, 0o000);
      // Root reads a mode-000 file: the command then runs as "nobody", for whom it is unreadable,
      // from a copy of the CLI that "nobody" can read (the checkout may sit in a private folder).
      const asRoot = process.getuid?.() === 0;
      const asUser = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
      const entry = asRoot ? readableCli(path.join(dir, 'cli')) : launcher;
      for (const args of everyReader(file)) {
        refused(ehealth(args, { env: { PW: realPassword } }, asUser, entry), ExitCode.unreadable, /Permission denied reading .*: check the file’s owner and mode/);
      }
      const listed = ehealth(['keystore', 'list', locked], {}, asUser, entry);
      assert.equal(listed.status, ExitCode.ok, listed.stderr);
      assert.match(listed.stdout, /! Permission denied reading this file: check its owner and mode/);
      chmodSync(locked, 0o700);
      const folder = ehealth(['keystore', 'list', locked], {}, asUser, entry);
      assert.match(folder.stdout, /locked {2}\(Permission denied: check the folder’s owner and mode\)/);
      assert.doesNotMatch(listed.stdout + folder.stdout, /EACCES/);
    });
  });

  describe('--password-stdin reads one line of at most 4 KiB', () => {
    it('stops at the first line: what follows is not part of the password', () => {
      const run = ehealth(['keystore', 'inspect', realKeystorePath, '--password-stdin', '--json'], { input: `${realPassword}\nnot the password\n` });
      assert.equal(run.status, ExitCode.ok, run.stderr);
      assert.equal(JSON.parse(run.stdout).locked, false);
      const crlf = ehealth(['keystore', 'inspect', realKeystorePath, '--password-stdin', '--json'], { input: `${realPassword}\r\n` });
      assert.equal(crlf.status, ExitCode.ok, crlf.stderr);
    });

    it('refuses more than 4 KiB with a usage error', () => {
      refused(
        ehealth(['keystore', 'inspect', realKeystorePath, '--password-stdin'], { input: 'x'.repeat(5 * 1024) }),
        ExitCode.usage,
        /The password or PIN read is longer than 4096 bytes: give it alone, on one line/,
      );
      const exact = ehealth(['keystore', 'inspect', realKeystorePath, '--password-stdin'], { input: `${'x'.repeat(4096)}\n` });
      assert.equal(exact.status, ExitCode.wrongPassword, 'exactly 4 KiB is read (and is the wrong password)');
    });

    it('stops reading an endless input (/dev/zero)', () => {
      const zero = openSync('/dev/zero', 'r');
      try {
        refused(ehealth(['keystore', 'export', realKeystorePath, '--alias', 'authentication', '--password-stdin'], { stdio: [zero, 'pipe', 'pipe'] }), ExitCode.usage, /longer than 4096 bytes/);
      } finally {
        closeSync(zero);
      }
    });

    it('on a terminal, reads the password hidden and ends at Enter (a real pseudo-terminal)', () => {
      const run = typing(['keystore', 'inspect', realKeystorePath, '--password-stdin', '--json'], realPassword);
      assert.equal(run.status, ExitCode.ok, run.screen);
      assert.match(run.screen, /Password of .*acc-p12: /);
      assert.match(run.screen, /"locked": false/);
      assert.ok(!run.screen.includes(realPassword), `the password was echoed:\n${run.screen}`);
    });

    it('on a terminal, refuses more than 4 KiB typed or pasted', () => {
      const run = typing(['keystore', 'inspect', realKeystorePath, '--password-stdin'], 'x'.repeat(5000));
      assert.equal(run.status, ExitCode.usage, run.screen);
      assert.match(run.screen, /longer than 4096 bytes/);
      assert.doesNotMatch(run.screen, /xxxx/, 'nothing typed was echoed');
    });
  });

  describe('names from disk and from keystores are shown, not obeyed', () => {
    const hostileNames = ['red\u001b[31m.p12', 'two\nlines.p12', 'back\rward.p12', 'flip\u202egnp.p12'];

    it('keystore list escapes control characters in file names; --json keeps them exactly', () => {
      const folder = path.join(dir, 'names');
      mkdirSync(folder);
      for (const name of hostileNames) writeFileSync(path.join(folder, name), readFileSync(realKeystorePath));
      const run = ehealth(['keystore', 'list', folder]);
      assert.equal(run.status, ExitCode.ok, run.stderr);
      assert.deepEqual(controlsIn(run.stdout), [], 'no control character but the line ends');
      for (const shown of ['red\\x1b[31m.p12', 'two\\nlines.p12', 'back\\rward.p12', 'flip\\u202egnp.p12']) assert.ok(run.stdout.includes(shown), `${shown} in\n${run.stdout}`);
      assert.ok(!run.stdout.split('\n').some((line) => line.startsWith('lines.p12')), 'a name cannot start a line of its own');
      const listed = JSON.parse(ehealth(['keystore', 'list', folder, '--json']).stdout);
      assert.deepEqual(listed.folders[0].keystores.map((file: { fileName: string }) => file.fileName).sort(), [...hostileNames].sort());
      // A folder given as a keystore names a file inside it: escaped too.
      const refusal = ehealth(['keystore', 'inspect', folder]);
      assert.equal(refusal.status, ExitCode.notFound, refusal.stderr);
      assert.ok(refusal.stderr.includes(`for example ${path.join(folder, 'back\\rward.p12')}`), refusal.stderr);
      assert.deepEqual(controlsIn(refusal.stderr), []);
    });

    it('keystore inspect escapes an alias chosen by whoever made the file (openssl -name)', () => {
      const key = path.join(dir, 'key.pem');
      const file = path.join(dir, 'alias.p12');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', `${key}.crt`, '-subj', '/CN=test', '-days', '1'], { stdio: 'pipe' });
      execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', `${key}.crt`, '-name', 'auth\u001b]0;owned\u0007\n! forged line', '-out', file, '-passout', 'env:PW'], {
        env: { ...process.env, PW: 'secret-1' },
        stdio: 'pipe',
      });
      const run = ehealth(['keystore', 'inspect', file, '--password-env', 'PW'], { env: { PW: 'secret-1' } });
      assert.equal(run.status, ExitCode.ok, run.stderr);
      assert.deepEqual(controlsIn(run.stdout), []);
      assert.ok(run.stdout.includes('auth\\x1b]0;owned\\x07\\n! forged line'), run.stdout);
      assert.ok(!run.stdout.split('\n').includes('! forged line'));
    });
  });
});
