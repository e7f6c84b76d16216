// The JSON face's rules: a local time from a file name gets the offset its zone had then (half hours
// and west of Greenwich too), and every error gets a stable code beside its words and exit code.
import assert from 'node:assert/strict';
import { CliError } from '../../../src/cli/cliError';
import { failureOf, withLocalOffset } from '../../../src/cli/output';
import { ExitCode } from '../../../src/faces/exitCodes';
import { KeystoreError } from '../../../src/keystore/errors';

describe('CLI JSON output', () => {
  describe('withLocalOffset', () => {
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    const cases: Array<[string, string, string]> = [
      ['Europe/Brussels', '2023-08-23T08:57:51', '2023-08-23T08:57:51+02:00'],
      ['Europe/Brussels', '2024-01-05T14:12:10', '2024-01-05T14:12:10+01:00'],
      ['Asia/Kolkata', '2024-01-05T14:12:10', '2024-01-05T14:12:10+05:30'],
      ['America/St_Johns', '2024-01-05T14:12:10', '2024-01-05T14:12:10-03:30'],
      ['UTC', '2024-01-05T14:12:10', '2024-01-05T14:12:10+00:00'],
    ];
    for (const [timeZone, local, zoned] of cases) {
      it(`${local} in ${timeZone} is ${zoned}`, () => {
        process.env.TZ = timeZone;
        assert.equal(withLocalOffset(local), zoned);
      });
    }
  });

  describe('failureOf', () => {
    it('a domain error: its domain/code, its words, its exit code', () => {
      const failure = failureOf(new KeystoreError('wrong-password', 'test', { file: 'a.p12' }), 'en');
      assert.equal(failure.code, 'keystore/wrong-password');
      assert.equal(failure.exitCode, ExitCode.wrongPassword);
      assert.equal(failure.message, 'The password is not correct for this keystore.');
    });

    it('a CLI error: its own code, else cli/usage or cli/failure by its exit code; anything else cli/failure', () => {
      assert.equal(failureOf(new CliError('x', ExitCode.usage, 'cli/unknown-option'), 'en').code, 'cli/unknown-option');
      assert.deepEqual(failureOf(new CliError('bad', ExitCode.usage), 'en'), { code: 'cli/usage', message: 'bad', exitCode: ExitCode.usage });
      assert.equal(failureOf(new CliError('x', ExitCode.notFound), 'en').code, 'cli/failure');
      assert.deepEqual(failureOf(new Error('ENOENT: no such file'), 'en'), { code: 'cli/failure', message: 'ENOENT: no such file', exitCode: ExitCode.failure });
    });
  });
});
