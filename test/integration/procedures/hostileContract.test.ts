// A registration authority whose contract HTML attacks the client (the sandbox's `hostileContract`
// behaviour): `ehealth cert request` on the built bundle prints the contract's sentences and link,
// and nothing of its scripts, handlers, dangerous links, frames, forms or terminal escapes; the
// contract, accepted, still goes back to the authority unchanged (the request is issued).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { cliRequest, startRig, type Rig } from './harness';

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
    const run = await cliRequest(rig, { env: { EHEALTH_LANG: 'en' } });
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
