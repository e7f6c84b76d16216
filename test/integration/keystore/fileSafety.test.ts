// What the tool does to files around a keystore write, through the built CLI, with openssl as the
// oracle: `--out` never destroys a keystore (nor any file without --force); passwd follows a
// symbolic link, writes real 0600 backups, refuses a read-only keystore, cleans the temporary
// files a killed run left, and takes over a lock whose owner is gone but never a live one's.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { isDomainError } from '../../../src/core/domainError';
import { listKeystores } from '../../../src/keystore/locate';
import { safeRewrite } from '../../../src/keystore/safeRewrite';
import { openRequest, rewriteKeystoreFile } from '../../../src/procedures/keystoreFile';
import { etkAlias, realFileName, realKeystoreRewritten } from '../../unit/keystore/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
const oldPassword = 'Safety_test1';
const newPassword = 'Safety_test2';

function ehealth(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'ehealth.js'), ...args], { encoding: 'utf8', env: { ...process.env, EHEALTH_LANG: 'en', ...env } });
}

const passwd = (file: string) => ehealth(['keystore', 'passwd', file, '--password-env', 'OLD', '--new-password-env', 'NEW'], { OLD: oldPassword, NEW: newPassword });

/** openssl's verdict: the file is a PKCS#12 keystore that opens (MAC and keys) with `password`. */
function opensslOpens(file: string, password: string): boolean {
  return spawnSync('openssl', ['pkcs12', '-in', file, '-passin', `pass:${password}`, '-noout'], { encoding: 'utf8' }).status === 0;
}

describe('keystore file safety (built CLI, openssl as oracle)', function () {
  this.timeout(60_000);
  let dir: string;
  let modern: Uint8Array;

  before(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    execFileSync('openssl', ['version']); // a missing oracle fails loudly
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-safety-'));
    modern = await realKeystoreRewritten(oldPassword, { mode: 'modern' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A fresh folder with the keystore under its real name, mode 0600. */
  function keystoreIn(name: string): string {
    const folder = path.join(dir, name);
    mkdirSync(folder);
    const file = path.join(folder, realFileName);
    writeFileSync(file, modern, { mode: 0o600 });
    return file;
  }

  describe('export --out', () => {
    const exportTo = (file: string, out: string, ...extra: string[]) => ehealth(['keystore', 'export', file, '--alias', etkAlias, '--password-env', 'PW', '--out', out, ...extra], { PW: oldPassword });

    it('refuses an existing file without --force, replaces it with --force', () => {
      const file = keystoreIn('export-existing');
      const out = path.join(dir, 'export-existing', 'notes.pem');
      writeFileSync(out, 'my notes\n');
      const refused = exportTo(file, out);
      assert.equal(refused.status, ExitCode.outputExists, refused.stderr);
      assert.match(refused.stderr, /already exists; use --force/);
      assert.equal(readFileSync(out, 'utf8'), 'my notes\n');
      const early = ehealth(['keystore', 'export', file, '--alias', etkAlias, '--password-env', 'PW', '--out', out], { PW: 'not the password' });
      assert.equal(early.status, ExitCode.outputExists, 'refused before the keystore is opened');
      const forced = exportTo(file, out, '--force');
      assert.equal(forced.status, ExitCode.ok, forced.stderr);
      execFileSync('openssl', ['x509', '-in', out, '-noout']);
      assert.deepEqual(readdirSync(path.dirname(out)).filter((name) => name.includes('ehealth-tmp')), []);
    });

    it('never overwrites a keystore, even with --force, whatever its name', () => {
      const file = keystoreIn('export-keystore');
      const disguised = path.join(dir, 'export-keystore', 'certificate.pem');
      writeFileSync(disguised, modern);
      for (const target of [file, disguised]) {
        const result = exportTo(file, target, '--force');
        assert.equal(result.status, ExitCode.outputIsKeystore, result.stderr);
        assert.match(result.stderr, /is a keystore: it holds private keys and is never overwritten/);
        assert.ok(opensslOpens(target, oldPassword), `${target} still opens`);
      }
      const named = exportTo(file, path.join(dir, 'export-keystore', 'new.p12'), '--force');
      assert.equal(named.status, ExitCode.outputIsKeystore, 'a keystore file name is refused too');
    });
  });

  it('passwd through a symbolic link changes the target, keeps the link, and writes a real backup beside the target', () => {
    const file = keystoreIn('symlink');
    const linkFolder = path.join(dir, 'symlink-elsewhere');
    mkdirSync(linkFolder);
    const link = path.join(linkFolder, realFileName);
    symlinkSync(file, link);
    const result = passwd(link);
    assert.equal(result.status, ExitCode.ok, result.stderr);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is kept');
    assert.equal(readlinkSync(link), file);
    assert.ok(opensslOpens(file, newPassword), 'the target opens with the new password');
    const backups = readdirSync(path.dirname(file)).filter((name) => name.endsWith('.bak'));
    assert.equal(backups.length, 1);
    const backup = path.join(path.dirname(file), backups[0]);
    assert.ok(lstatSync(backup).isFile() && statSync(backup).nlink === 1, 'the backup is a file of its own');
    assert.ok(opensslOpens(backup, oldPassword), 'the backup opens with the old password');
    assert.deepEqual(readdirSync(linkFolder), [realFileName], 'nothing written beside the link');
  });

  it('writes the backup as a 0600 copy even when the keystore was 0644', () => {
    const file = keystoreIn('backup-mode');
    chmodSync(file, 0o644);
    const result = passwd(file);
    assert.equal(result.status, ExitCode.ok, result.stderr);
    const backup = readdirSync(path.dirname(file)).find((name) => name.endsWith('.bak'))!;
    const stat = statSync(path.join(path.dirname(file), backup));
    assert.equal(stat.mode & 0o777, 0o600);
    assert.equal(stat.nlink, 1, 'not a hard link to the old file');
    assert.ok(opensslOpens(path.join(path.dirname(file), backup), oldPassword));
  });

  it('refuses a read-only keystore and leaves it as it was', () => {
    const file = keystoreIn('read-only');
    chmodSync(file, 0o444);
    const result = passwd(file);
    assert.equal(result.status, ExitCode.readOnly, result.stderr);
    assert.match(result.stderr, /read-only .*chmod u\+w/);
    assert.deepEqual(new Uint8Array(readFileSync(file)), modern);
    assert.deepEqual(readdirSync(path.dirname(file)), [realFileName]);
  });

  it('removes the temporary files a killed run left for this keystore, and only those; none is ever listed', async () => {
    const file = keystoreIn('leftovers');
    const folder = path.dirname(file);
    const ours = `.${realFileName}.ehealth-tmp-0123456789ab`;
    const other = `.SSIN=79021802145 20240101-000000.acc-p12.ehealth-tmp-0123456789ab`;
    for (const name of [ours, other]) writeFileSync(path.join(folder, name), modern.subarray(0, 100));
    const listed = (await listKeystores([{ path: folder, origin: 'argument' }])).folders[0].keystores.map((keystore) => keystore.fileName);
    assert.deepEqual(listed, [realFileName]);
    const result = passwd(file);
    assert.equal(result.status, ExitCode.ok, result.stderr);
    const names = readdirSync(folder);
    assert.ok(!names.includes(ours), 'the leftover of this keystore is removed');
    assert.ok(names.includes(other), "another keystore's temporary file is not touched");
  });

  it('takes over the lock of a writer that is gone, but not the lock of a running one', () => {
    const file = keystoreIn('lock');
    const lock = `${file}.lock`;
    mkdirSync(lock);
    writeFileSync(path.join(lock, 'owner'), JSON.stringify({ host: hostname(), pid: process.pid }));
    const busy = passwd(file);
    assert.equal(busy.status, ExitCode.keystoreBusy, busy.stderr);
    assert.match(busy.stderr, /Another program is writing this keystore/);
    assert.deepEqual(new Uint8Array(readFileSync(file)), modern);

    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path.join(lock, 'owner'), JSON.stringify({ host: hostname(), pid: Number(dead.stdout) }));
    const taken = passwd(file);
    assert.equal(taken.status, ExitCode.ok, taken.stderr);
    assert.ok(opensslOpens(file, newPassword));
    assert.ok(!existsSync(lock), 'the lock is released');
  });

  it('takes over a stale lock whose owner file was left half-written (a writer killed while naming itself)', () => {
    const file = keystoreIn('stale-lock');
    const lock = `${file}.lock`;
    mkdirSync(lock);
    writeFileSync(path.join(lock, 'owner'), '{"host":');
    // Not refreshed for longer than the stale time: its writer is frozen or gone.
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    const taken = passwd(file);
    assert.equal(taken.status, ExitCode.ok, taken.stderr);
    assert.ok(opensslOpens(file, newPassword));
    assert.ok(!existsSync(lock), 'the lock is released');
  });

  it("complete's rewrite writes nothing over a keystore that passwd changed since complete opened it", async () => {
    const file = keystoreIn('complete-during-passwd');
    const opened = await openRequest(file, oldPassword, {});
    const result = passwd(file);
    assert.equal(result.status, ExitCode.ok, result.stderr);
    await assert.rejects(rewriteKeystoreFile(opened, opened.content, oldPassword, {}), (error: unknown) => isDomainError(error, 'keystore', 'changed'));
    assert.ok(opensslOpens(file, newPassword), 'the password change stands');
    assert.equal(readdirSync(path.dirname(file)).filter((name) => name.endsWith('.bak')).length, 1, "only passwd's backup");
  });

  it('writes nothing when the file is no longer the one that was read', async () => {
    const file = keystoreIn('changed');
    const readEarlier = new Uint8Array(modern);
    readEarlier[readEarlier.length - 1] ^= 1;
    await assert.rejects(
      safeRewrite(file, readEarlier, new Uint8Array([1, 2, 3]), async () => undefined),
      (error: unknown) => isDomainError(error, 'keystore', 'changed'),
    );
    assert.deepEqual(new Uint8Array(readFileSync(file)), modern);
    assert.deepEqual(readdirSync(path.dirname(file)), [realFileName], 'no backup, no temporary file, no lock left');
  });
});
