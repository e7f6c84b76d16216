// Two `ehealth keystore passwd` processes started at once on the same keystore, 20 times: exactly
// one reports success and its message is true (openssl opens the file with its new password), the
// other fails in plain words (another program is writing it, or changed it since it was read) and
// every backup opens with the original password. A PBES2 copy of the real keystore keeps it fast.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { realFileName, realKeystoreRewritten } from '../../unit/keystore/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
const trials = 20;
const original = 'Concurrent_0';

function passwd(file: string, to: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'ehealth.js'), 'keystore', 'passwd', file, '--password-env', 'OLD', '--new-password-env', 'NEW'], {
      env: { ...process.env, EHEALTH_LANG: 'en', OLD: original, NEW: to },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const opensslOpens = (file: string, password: string) => spawnSync('openssl', ['pkcs12', '-in', file, '-passin', `pass:${password}`, '-noout']).status === 0;

describe(`two passwd at once on one keystore (${trials} trials, separate processes)`, function () {
  this.timeout(180_000);
  let dir: string;
  let modern: Uint8Array;

  before(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    execFileSync('openssl', ['version']);
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-concurrent-'));
    modern = await realKeystoreRewritten(original, { mode: 'modern' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exactly one succeeds, truthfully; the other says another program is at work', async () => {
    const losers: Record<string, number> = {};
    for (let trial = 0; trial < trials; trial++) {
      const folder = path.join(dir, `trial-${trial}`);
      mkdirSync(folder);
      const file = path.join(folder, realFileName);
      writeFileSync(file, modern, { mode: 0o600 });
      const passwords = [`Concurrent_${trial}a`, `Concurrent_${trial}b`];
      const results = await Promise.all(passwords.map((password) => passwd(file, password)));
      const winners = results.flatMap((result, index) => (result.code === ExitCode.ok ? [index] : []));
      assert.equal(winners.length, 1, `trial ${trial}: ${results.map((result) => `${result.code} ${result.stderr.trim()}`).join(' | ')}`);
      const loser = results[1 - winners[0]];
      // Mostly the lock or the unchanged check; a loser that started reading only after the winner
      // had finished finds the original password no longer opens it, which is just as true.
      assert.ok(
        (loser.code === ExitCode.keystoreBusy && /Another program (is writing|changed) (this|the) keystore/.test(loser.stderr)) ||
          loser.code === ExitCode.wrongPassword,
        `trial ${trial}: the loser says ${loser.code} ${loser.stderr}`,
      );
      losers[String(loser.code)] = (losers[String(loser.code)] ?? 0) + 1;
      assert.ok(opensslOpens(file, passwords[winners[0]]), `trial ${trial}: the file opens with the winner's password`);
      assert.ok(!opensslOpens(file, passwords[1 - winners[0]]), `trial ${trial}: and not with the loser's`);
      const backups = readdirSync(folder).filter((name) => name.endsWith('.bak'));
      assert.equal(backups.length, 1, `trial ${trial}: one backup, the winner's`);
      for (const backup of backups) assert.ok(opensslOpens(path.join(folder, backup), original), `trial ${trial}: ${backup} opens with the original password`);
      assert.deepEqual(readdirSync(folder).filter((name) => name.includes('.ehealth-tmp-') || name.endsWith('.lock')), [], `trial ${trial}: no temporary file or lock left`);
    }
    console.log(`      losers' exit codes: ${JSON.stringify(losers)}`);
  });
});
