// A registration authority whose contract HTML attacks the client (the sandbox's `hostileContract`
// behaviour): `ehealth cert request` on the built bundle prints the contract's sentences and link,
// and nothing of its scripts, handlers, dangerous links, frames, forms or terminal escapes; the
// contract, accepted, still goes back to the authority unchanged (the request is issued).
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { PASSWORD, startRig, type Rig } from './harness';

const root = path.join(__dirname, '..', '..', '..');

describe('a hostile contract from the authority, on the command line', function () {
  this.timeout(120_000);
  let rig: Rig;

  before(async () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    rig = await startRig('rsa', { behaviour: { hostileContract: true } });
  });
  after(async () => rig?.stop());

  it('cert request: the sentences and the https link shown, the rest neutralised, the contract sent back unchanged', async () => {
    const args = ['cert', 'request', '--env', 'acceptance', '--ra-url', rig.sandbox.url, '--module', rig.eid.modulePath, '--pin-env', 'PIN'];
    const answers = ['--holder', rig.eid.holder.nationalNumber, '--email', 'dev@example.be', '--phone', '+32470000001', '--password-env', 'PW', '--keystore-dir', path.join(rig.folder, 'cli-keystores'), '--accept-contract'];
    const env = { ...process.env, LANG: 'en_US.UTF-8', EHEALTH_LANG: 'en', PIN: rig.eid.pin, PW: PASSWORD };
    // Not spawnSync: the sandbox answering the command runs in this process.
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = execFile('node', ['bin/ehealth.js', ...args, ...answers], { cwd: root, encoding: 'utf8', env }, (error, _stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
      child.stdin?.end();
    });
    assert.equal(run.status, ExitCode.ok, run.stderr);
    const lines = run.stderr.split('\n');
    for (const language of ['fr', 'nl']) {
      const at = lines.indexOf(`[${language}]`);
      assert.ok(at >= 0, `a heading for ${language}: ${run.stderr}`);
      assert.match(lines[at + 1], new RegExp(`^Hostile sandbox contract \\(${language}\\) for CN=SSIN\\\\=${rig.eid.holder.nationalNumber}, OU=eHealth-platform Belgium`));
    }
    assert.ok(lines.includes('- Conditions'), 'a javascript: link keeps its text, not its target');
    assert.ok(lines.includes('- Annex'), 'a data: link keeps its text, not its target');
    assert.ok(lines.includes('More on the eHealth platform (https://www.ehealth.fgov.be/).'), run.stderr);
    assert.ok(lines.includes('Terms of use'), run.stderr);
    assert.ok(lines.includes(String.raw`\x1b[2J\x1b[1AContract accepted\x1b[8m hidden\x1b[0m\x07.`), 'control characters shown, not obeyed');
    // eslint-disable-next-line no-control-regex -- no control character reaches the terminal
    assert.doesNotMatch(run.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, 'no terminal escape sequence');
    for (const neutralised of ['<', 'acquireVsCodeApi', 'javascript:', 'data:', 'attacker.example', 'display: none', 'I accept', 'onerror', 'onclick']) {
      assert.ok(!run.stderr.includes(neutralised), `${neutralised} in: ${run.stderr}`);
    }
  });
});
