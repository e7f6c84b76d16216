// Kills `ehealth keystore passwd` (SIGKILL) at random moments, 100+ times: afterwards the keystore
// opens with the old or the new password, never neither, and nothing half-written carries a
// keystore's name, and what a killed run leaves (lock, temporary file) never blocks the next
// run. To keep the run short this uses a PBES2 copy of the real keystore (modern
// protection, 10,000 iterations) rather than the real file's 100,000-iteration legacy protection.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { isDomainError } from '../../../src/core/domainError';
import { openKeystore } from '../../../src/keystore/inspect';
import { isKeystoreFileName } from '../../../src/keystore/fileName';
import { realFileName, realKeystoreRewritten } from '../../unit/keystore/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
const trials = Number(process.env.EHEALTH_CRASH_TRIALS ?? 100);
const passwords = ['Crash_test1', 'Crash_test2'];

/** The exit code, or null when killed. */
function passwd(file: string, from: string, to: string, killAfterMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'ehealth.js'), 'keystore', 'passwd', file, '--password-env', 'OLD', '--new-password-env', 'NEW'], {
      env: { ...process.env, OLD: from, NEW: to },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

async function opensWith(bytes: Uint8Array, password: string): Promise<boolean> {
  try {
    await openKeystore(bytes, { password });
    return true;
  } catch (error) {
    if (isDomainError(error, 'keystore', 'wrong-password')) return false;
    throw error;
  }
}

describe(`crash safety of passwd (${trials} SIGKILLs at random moments)`, function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;

  before(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-crash-'));
    file = path.join(dir, realFileName);
    writeFileSync(file, await realKeystoreRewritten(passwords[0], { mode: 'modern' }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('always leaves a keystore that opens with the old or the new password', async () => {
    // How long an uninterrupted change takes, so that kills land all along it.
    let start = performance.now();
    await passwd(file, passwords[0], passwords[1], 60_000);
    const duration = performance.now() - start;
    let current = (await opensWith(readFileSync(file), passwords[1])) ? 1 : 0;
    assert.equal(current, 1, 'an uninterrupted passwd changes the password');

    let state = 42;
    const next = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const outcomes = { old: 0, new: 0, busy: 0 };
    start = performance.now();
    for (let trial = 0; trial < trials; trial++) {
      const target = 1 - current;
      // From half to one and a half uninterrupted runs: about half the kills land in the last
      // steps (backup, rename, release), where the writes that matter are.
      if ((await passwd(file, passwords[current], passwords[target], duration * (0.5 + next()))) === ExitCode.keystoreBusy) outcomes.busy++;
      const bytes = readFileSync(file);
      const withOld = await opensWith(bytes, passwords[current]);
      const withNew = !withOld && (await opensWith(bytes, passwords[target]));
      assert.ok(withOld || withNew, `trial ${trial}: the keystore opens with neither password`);
      outcomes[withOld ? 'old' : 'new']++;
      if (withNew) current = target;
      const strays = readdirSync(dir).filter((name) => isKeystoreFileName(name) && name !== realFileName);
      assert.deepEqual(strays, [], `trial ${trial}: a leftover file looks like a keystore`);
    }
    console.log(`      ${trials} kills in ${((performance.now() - start) / 1000).toFixed(1)} s (uninterrupted run ${duration.toFixed(0)} ms): old password ${outcomes.old}, new password ${outcomes.new}, refused as busy ${outcomes.busy}`);
    assert.ok(outcomes.old > 0 && outcomes.new > 0, 'kills landed both before and after the switch');

    // A run killed holding the lock left it: the next run takes it over (its owner is gone), at
    // worst once it went stale (killed before naming itself as owner).
    const target = 1 - current;
    let code = await passwd(file, passwords[current], passwords[target], 60_000);
    if (code === ExitCode.keystoreBusy) {
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      code = await passwd(file, passwords[current], passwords[target], 60_000);
    }
    assert.equal(code, ExitCode.ok, 'the run after the kills changes the password');
    assert.ok(await opensWith(readFileSync(file), passwords[target]));
    assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.lock') || name.includes('.ehealth-tmp-')), [], 'no lock or temporary file left');

    const backups = readdirSync(dir).filter((name) => name.endsWith('.bak'));
    assert.ok(backups.length >= outcomes.new);
    for (const backup of backups) {
      const bytes = readFileSync(path.join(dir, backup));
      assert.ok((await opensWith(bytes, passwords[0])) || (await opensWith(bytes, passwords[1])), `${backup} opens with neither password`);
    }
  });
});
