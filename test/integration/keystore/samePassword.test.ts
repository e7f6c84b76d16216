// A password "change" to the password the keystore already has is refused once the current
// password is known right (a wrong one is told as wrong), before anything is written: no backup beside it, the file as it was; `ehealth keystore passwd` says why and
// exits with the faces table's code for it.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isDomainError } from '../../../src/core/domainError';
import { errorFaces } from '../../../src/faces/errors';
import { ExitCode } from '../../../src/faces/exitCodes';
import { changePassword } from '../../../src/keystore/changePassword';
import { realFileName, realKeystoreRewritten } from '../../unit/keystore/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
const password = 'Same_pass1';

describe('a new keystore password equal to the current one', function () {
  this.timeout(60_000);
  let dir: string;
  let keystore: Uint8Array;

  before(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-same-password-'));
    keystore = await realKeystoreRewritten(password, { mode: 'modern' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function keystoreIn(name: string): string {
    const folder = path.join(dir, name);
    mkdirSync(folder);
    const file = path.join(folder, realFileName);
    writeFileSync(file, keystore, { mode: 0o600 });
    return file;
  }

  it('is refused by the keystore engine: keystore/same-password, no backup, the file unchanged', async () => {
    const file = keystoreIn('engine');
    await assert.rejects(changePassword(file, password, password, password), (error: unknown) => isDomainError(error, 'keystore', 'same-password'));
    assert.deepEqual(readdirSync(path.dirname(file)), [realFileName]);
    assert.deepEqual(readFileSync(file), Buffer.from(keystore));
  });

  it('tells a wrong current password first, even when the new one repeats it: keystore/wrong-password, the file unchanged', async () => {
    const file = keystoreIn('wrong');
    const wrong = 'Other_pass2';
    await assert.rejects(changePassword(file, wrong, wrong, wrong), (error: unknown) => isDomainError(error, 'keystore', 'wrong-password'));
    assert.deepEqual(readdirSync(path.dirname(file)), [realFileName]);
    assert.deepEqual(readFileSync(file), Buffer.from(keystore));
  });

  it('makes `ehealth keystore passwd` say so and exit with its code, in English and in French', () => {
    const file = keystoreIn('cli');
    const exit = errorFaces['keystore/same-password'].exit;
    assert.equal(exit, ExitCode.usage);
    for (const [lang, words] of [['en', /same as the current one/], ['fr', /identique à l’actuel/]] as const) {
      const run = spawnSync(process.execPath, [path.join(root, 'bin', 'ehealth.js'), 'keystore', 'passwd', file, '--password-env', 'OLD', '--new-password-env', 'NEW'], {
        encoding: 'utf8',
        env: { ...process.env, EHEALTH_LANG: lang, OLD: password, NEW: password },
      });
      assert.equal(run.status, exit, run.stderr);
      assert.match(run.stderr, words);
    }
    assert.deepEqual(readdirSync(path.dirname(file)), [realFileName]);
    assert.deepEqual(readFileSync(file), Buffer.from(keystore));
  });
});
