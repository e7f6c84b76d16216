// `ehealth cert` and the eID PIN (issue 11): a new keystore password given by flag that breaks the
// eHealth rules stops the run before the PIN is presented or anything reaches the authority; at the
// card's last PIN try, a script's PIN is presented only with --last-pin-try, which every verb that
// signs with the eID accepts. The built bundle, the sandbox in-process, a virtual eID whose tries
// left are read by OpenSC's pkcs11-tool and used up by it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { buildVirtualEid, type VirtualEid } from '../../../tools/virtual-eid/build';
import { onTerminal } from '../terminal';

const root = path.join(__dirname, '..', '..', '..');

describe('ehealth cert: the new password before the PIN, the last PIN try', function () {
  this.timeout(120_000);
  let folder: string;
  let eid: VirtualEid;

  const env = () => ({ LANG: 'en_US.UTF-8', EHEALTH_LANG: 'en', EHEALTH_SANDBOX_DATA: path.join(folder, 'sandbox'), PIN: eid.pin, WRONG_PIN: '9999', PW: 'keystore-1', SHORT_PW: 'short' });
  const cert = (verb: string, args: string[]) => {
    const run = spawnSync('node', ['bin/ehealth.js', 'cert', verb, ...args], { cwd: root, encoding: 'utf8', input: '', env: { ...process.env, ...env() } });
    return { code: run.status, out: run.stdout, err: run.stderr };
  };
  const tokenFlags = () => execFileSync('pkcs11-tool', ['--module', eid.modulePath, '--list-token-slots'], { encoding: 'utf8' });
  const wrongPins = (count: number) => {
    for (let i = 0; i < count; i++) spawnSync('pkcs11-tool', ['--module', eid.modulePath, '--login', '--pin', '0000', '--list-objects']);
  };
  /** Every file a traced run left: one per exchange with the authority. */
  const traced = (trace: string) => (existsSync(trace) ? readdirSync(trace, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name) : []);
  const requestArgs = (pinEnv: string, passwordEnv: string, trace: string) => [
    '--module', eid.modulePath, '--pin-env', pinEnv, '--holder', eid.holder.nationalNumber, '--email', 'dev@example.be', '--phone', '+32470000001',
    '--new-password-env', passwordEnv, '--keystore-dir', path.join(folder, 'keystores'), '--accept-contract', '--trace', trace,
  ];

  before(async () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    folder = mkdtempSync(path.join(tmpdir(), 'cert-pin-'));
    eid = await buildVirtualEid({ algorithm: 'rsa', dir: path.join(folder, 'eid') });
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('request: a password breaking the rules is refused before GetActorQualities is signed or sent', () => {
    const trace = path.join(folder, 'trace-short');
    const { code, err } = cert('request', requestArgs('PIN', 'SHORT_PW', trace));
    assert.equal(code, ExitCode.usage, err);
    assert.match(err, /does not meet the eHealth rules: at least 8 characters; at least one digit or symbol/);
    assert.deepEqual(traced(trace), [], 'nothing reached the authority');
    assert.ok(!existsSync(path.join(folder, 'keystores')) || readdirSync(path.join(folder, 'keystores')).length === 0, 'no keystore written');
    assert.doesNotMatch(err, /\bshort\b/, 'the password is not echoed');
  });

  it('request: with a wrong PIN and a password breaking the rules, the PIN is not presented (no try used)', () => {
    const { code, err } = cert('request', requestArgs('WRONG_PIN', 'SHORT_PW', path.join(folder, 'trace-wrong')));
    assert.equal(code, ExitCode.usage, err);
    assert.doesNotMatch(tokenFlags(), /count low/);
  });

  it('renew: a new password breaking the rules is refused before the keystore is opened or eHealth asked', () => {
    const trace = path.join(folder, 'trace-renew');
    const { code, err } = cert('renew', ['--keystore', path.join(folder, 'none.acc-p12'), '--password-env', 'PW', '--new-password-env', 'SHORT_PW', '--module', eid.modulePath, '--pin-env', 'PIN', '--accept-contract', '--trace', trace]);
    assert.equal(code, ExitCode.usage, err);
    assert.match(err, /does not meet the eHealth rules/);
    assert.deepEqual(traced(trace), []);
  });

  it('request at the last PIN try: nothing presented or sent without --last-pin-try; with it, the request goes through', () => {
    wrongPins(2);
    assert.match(tokenFlags(), /final user PIN try/);
    const refusedTrace = path.join(folder, 'trace-last-refused');
    const refused = cert('request', requestArgs('PIN', 'PW', refusedTrace));
    assert.equal(refused.code, ExitCode.pinLastTry, refused.err);
    assert.match(refused.err, /one PIN try left.*--last-pin-try/);
    assert.deepEqual(traced(refusedTrace), []);
    assert.match(tokenFlags(), /final user PIN try/, 'nothing presented');
    const consented = cert('request', [...requestArgs('PIN', 'PW', path.join(folder, 'trace-last')), '--last-pin-try', '--json']);
    assert.equal(consented.code, ExitCode.ok, consented.err);
    assert.ok(existsSync(JSON.parse(consented.out).keystore));
    assert.doesNotMatch(tokenFlags(), /count low|final user PIN try/, 'the right PIN reset the count');
  });

  it('request at a terminal: a new password breaking the rules is asked again (the PIN given for GetActorQualities is not wasted)', () => {
    const args = ['--module', eid.modulePath, '--pin-env', 'PIN', '--holder', eid.holder.nationalNumber, '--email', 'dev@example.be', '--phone', '+32470000001', '--keystore-dir', path.join(folder, 'keystores'), '--accept-contract', '--json'];
    const { status, screen } = onTerminal(
      ['node', 'bin/ehealth.js', 'cert', 'request', ...args],
      [
        ['New keystore password', 'short\r'],
        ['The same password again', 'short\r'],
        ['New keystore password', 'keystore-1\r'],
        ['The same password again', 'keystore-2\r'],
        ['New keystore password', 'keystore-1\r'],
        ['The same password again', 'keystore-1\r'],
      ],
      { cwd: root, env: env() },
    );
    assert.equal(status, ExitCode.ok, screen);
    assert.match(screen, /does not meet the eHealth rules: at least 8 characters; at least one digit or symbol/);
    assert.match(screen, /does not meet the eHealth rules: the confirmation must equal the password/);
    assert.match(screen, /Keystore created: /);
    assert.doesNotMatch(screen, /short|keystore-[12]/, 'passwords are not echoed');
  });

  const eidVerbs: Record<string, string[]> = { renew: ['--new-password-env', 'PW'], revoke: ['--reason', 'superseded'] };
  for (const [verb, own] of Object.entries(eidVerbs)) {
    it(`${verb} takes --last-pin-try like every verb that signs with the eID`, () => {
      const { code, err } = cert(verb, ['--keystore', path.join(folder, 'none.acc-p12'), '--password-env', 'PW', ...own, '--module', eid.modulePath, '--pin-env', 'PIN', '--last-pin-try', '--accept-contract']);
      // Past the flags, to the missing keystore.
      assert.equal(code, ExitCode.notFound, err);
    });
  }
});
