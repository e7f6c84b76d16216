// The expiry rule of `keystore check`: thresholds (inclusive, to the millisecond), the newest
// certificate per holder and environment, and what is not checked (never judged from a file name).
import { strict as assert } from 'node:assert';
import { checkExpiries, type CheckInput } from '../../../src/keystore/expiryCheck';
import type { Keystore, KeystoreEnvironment } from '../../../src/keystore/model';
import { expiryCheckExit } from '../../../src/faces/expiryCheck';
import { ExitCode } from '../../../src/faces/exitCodes';

const day = 86_400_000;
const at = new Date('2026-01-01T00:00:00Z');
const thresholds = { warnDays: 60, failDays: 14 };
const inDays = (days: number) => new Date(at.getTime() + days * day).toISOString();

interface Made {
  id?: string;
  from?: number;
  ends: number;
  environment?: KeystoreEnvironment;
  status?: Keystore['status'];
}

/** An opened keystore of SSIN=`id` whose authentication certificate runs from `from` to `ends` days from `at`. */
function keystore({ id = '79021802145', from = -1000, ends, environment = 'acceptance', status = 'valid' }: Made): Keystore {
  const certificate = { subject: `CN=SSIN\\=${id}`, issuer: 'CN=CA', serialNumber: '1', serialNumberHex: '01', notBefore: inDays(from), notAfter: inDays(ends), key: { type: 'rsa' as const, bits: 2048 }, keyUsage: [], extendedKeyUsage: [], der: '' };
  return {
    environment,
    holder: { type: 'SSIN', id, source: 'certificate' },
    status,
    evaluatedAt: at.toISOString(),
    locked: false,
    keyAliases: ['authentication'],
    entries: [{ alias: 'authentication', kind: 'authentication', certificate, chain: [] }],
    checks: [],
    warnings: [],
    protection: { bags: [] },
  };
}

const opened = (file: string, made: Made): CheckInput<string> => ({ file, keystore: keystore(made) });
const verdicts = (inputs: CheckInput<string>[]) => checkExpiries(inputs, thresholds, at).map((check) => [check.file, check.verdict]);

describe('keystore check: the expiry rule', () => {
  it('ok after the warning threshold, warn within it, fail within the failure threshold or once ended; both thresholds count their last instant', () => {
    const ends = [61, 60, 15, 14, 1, 0, -3];
    const inputs = ends.map((days, index) => opened(`${days}.p12`, { id: String(index), ends: days }));
    assert.deepEqual(verdicts(inputs), [
      ['61.p12', 'ok'],
      ['60.p12', 'warn'],
      ['15.p12', 'warn'],
      ['14.p12', 'fail'],
      ['1.p12', 'fail'],
      ['0.p12', 'fail'],
      ['-3.p12', 'fail'],
    ]);
    const [first, , , , , , ended] = checkExpiries(inputs, thresholds, at);
    assert.deepEqual([first.daysLeft, first.notAfter, ended.daysLeft], [61, inDays(61), -3]);
  });

  it('with --fail-days 0, only an ended certificate fails', () => {
    const checks = checkExpiries([opened('a.p12', { id: '1', ends: 0.5 }), opened('b.p12', { id: '2', ends: -0.01 })], { warnDays: 30, failDays: 0 }, at);
    assert.deepEqual(checks.map((check) => check.verdict), ['warn', 'fail']);
  });

  it('counts only the newest certificate of a holder: the renewed one is superseded and names its successor, whatever the order given', () => {
    const old = opened('old.acc-p12', { from: -1000, ends: 5 });
    const renewed = opened('new.acc-p12', { from: -10, ends: 1086 });
    for (const inputs of [[old, renewed], [renewed, old]]) {
      const checks = checkExpiries(inputs, thresholds, at);
      const superseded = checks.find((check) => check.file === 'old.acc-p12')!;
      assert.deepEqual([superseded.verdict, superseded.supersededBy], ['superseded', 'new.acc-p12']);
      assert.equal(checks.find((check) => check.file === 'new.acc-p12')!.verdict, 'ok');
      assert.equal(expiryCheckExit(checks), ExitCode.ok);
    }
  });

  it('another holder, or the same holder in another environment, is counted on its own', () => {
    const inputs = [
      opened('acc.acc-p12', { from: -10, ends: 1086 }),
      opened('prod.p12', { from: -1000, ends: 5, environment: 'production' }),
      opened('other.acc-p12', { id: '85031412401', from: -1000, ends: 30 }),
    ];
    assert.deepEqual(verdicts(inputs), [
      ['acc.acc-p12', 'ok'],
      ['prod.p12', 'fail'],
      ['other.acc-p12', 'warn'],
    ]);
  });

  it('a newer certificate still waiting for eHealth (pending) supersedes nothing: the current one still counts', () => {
    const inputs = [opened('current.acc-p12', { ends: 10 }), opened('request.acc-p12', { from: 0, ends: 0, status: 'pending' })];
    assert.deepEqual(verdicts(inputs), [
      ['current.acc-p12', 'fail'],
      ['request.acc-p12', 'pending'],
    ]);
  });

  it('not checked: a file that did not open (its holder from its name, never its dates), a locked keystore, one without an authentication certificate', () => {
    const locked = { ...keystore({ ends: 400 }), locked: true, status: undefined, entries: [], holder: { type: 'SSIN', id: '79021802145', source: 'file-name' as const } };
    const noAuthentication = { ...keystore({ id: '2', ends: 400 }), entries: [] };
    const checks = checkExpiries<string>(
      [
        { file: '/keystores/SSIN=79021802145 20200101-000000.acc-p12', failure: 'wrong password' },
        { file: 'locked.acc-p12', keystore: locked },
        { file: 'empty.acc-p12', keystore: noAuthentication },
        opened('valid.acc-p12', { ends: 400 }),
      ],
      thresholds,
      at,
    );
    assert.deepEqual(checks[0], {
      file: '/keystores/SSIN=79021802145 20200101-000000.acc-p12',
      environment: 'acceptance',
      holder: { type: 'SSIN', id: '79021802145' },
      verdict: 'not-checked',
      notChecked: { reason: 'unreadable', failure: 'wrong password' },
    });
    assert.deepEqual(checks.slice(1).map((check) => [check.verdict, check.notChecked?.reason, check.notAfter]), [
      ['not-checked', 'password-needed', undefined],
      ['not-checked', 'no-authentication-certificate', undefined],
      ['ok', undefined, inDays(400)],
    ]);
    // An unopened keystore of a holder never supersedes, nor is superseded by, one that opened.
    assert.equal(checks[3].supersededBy, undefined);
  });

  it('the worst verdict sets the exit code: not checked (25) > fail (24) > warn (23) > ok; superseded and pending change nothing', () => {
    const exit = (...made: Made[]) => expiryCheckExit(checkExpiries(made.map((one, index) => opened(`${index}.p12`, { id: String(index), ...one })), thresholds, at));
    assert.equal(exit({ ends: 100 }), ExitCode.ok);
    assert.equal(exit({ ends: 100 }, { ends: 30 }), ExitCode.expiryWarning);
    assert.equal(exit({ ends: 30 }, { ends: -1 }, { ends: 100 }), ExitCode.expiryFailure);
    assert.equal(exit({ ends: 100, status: 'pending' }), ExitCode.ok);
    const withUnreadable = checkExpiries<string>([opened('a.p12', { ends: -1 }), { file: 'b.p12', failure: 'damaged' }], thresholds, at);
    assert.equal(expiryCheckExit(withUnreadable), ExitCode.notChecked);
    assert.deepEqual([ExitCode.expiryWarning, ExitCode.expiryFailure, ExitCode.notChecked], [23, 24, 25]);
  });
});
