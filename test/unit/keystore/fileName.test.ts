import * as assert from 'node:assert/strict';
import { environmentFromSuffix, isKeystoreFileName, parseKeystoreFileName } from '../../../src/keystore/fileName';

describe('keystore file names', () => {
  it('reads a person acceptance keystore made by the eHealth tooling', () => {
    assert.deepEqual(parseKeystoreFileName('SSIN=79021802145 20230823-085751.acc-p12'), {
      holder: { type: 'SSIN', id: '79021802145' },
      createdAt: '2023-08-23T08:57:51',
      environment: 'acceptance',
      problems: [],
    });
  });

  it('reads an organisation keystore with an application id', () => {
    const parsed = parseKeystoreFileName('EHP=1990001916,VITALINKGATEWAY 20240105-141210.p12');
    assert.deepEqual(parsed.holder, { type: 'EHP', id: '1990001916', applicationId: 'VITALINKGATEWAY' });
    assert.equal(parsed.environment, 'production');
  });

  it('reads NIHII organisation types with their dash', () => {
    assert.deepEqual(parseKeystoreFileName('NIHII-HOSPITAL=71000436 20250101-000000.p12').holder, { type: 'NIHII-HOSPITAL', id: '71000436' });
  });

  it('reads the TYPE=ID-yyyyMMdd-HHmmss forms seen in the wild, .acc.p12 meaning acceptance', () => {
    assert.deepEqual(parseKeystoreFileName('SSIN=79021802145-20230823-085751.acc.p12'), {
      holder: { type: 'SSIN', id: '79021802145' },
      createdAt: '2023-08-23T08:57:51',
      environment: 'acceptance',
      problems: [],
    });
    assert.deepEqual(parseKeystoreFileName('CBE=0123456749-20240105-141210.p12'), {
      holder: { type: 'CBE', id: '0123456749' },
      createdAt: '2024-01-05T14:12:10',
      environment: 'production',
      problems: [],
    });
    assert.deepEqual(parseKeystoreFileName('EHP=1990001916,VITALINKGATEWAY-20240105-141210.ACC.P12').holder, { type: 'EHP', id: '1990001916', applicationId: 'VITALINKGATEWAY' });
    assert.equal(environmentFromSuffix('SSIN=79021802145 20230823-085751.acc.p12'), 'acceptance');
  });

  it('reads a sandbox keystore by its own suffix, which no medical software takes for a real keystore (*.p12, *.acc-p12)', () => {
    const name = 'SSIN=79021802145 20261202-101010.sandbox-p12';
    assert.deepEqual(parseKeystoreFileName(name), {
      holder: { type: 'SSIN', id: '79021802145' },
      createdAt: '2026-12-02T10:10:10',
      environment: 'sandbox',
      problems: [],
    });
    assert.ok(isKeystoreFileName(name));
    assert.ok(!/\.(acc-)?p12$/i.test(name), 'not what medical software looks for');
    assert.equal(parseKeystoreFileName('CBE=0123456749,APP 20261202-101010.SANDBOX-P12').environment, 'sandbox');
    // The real suffixes read as before.
    assert.equal(environmentFromSuffix('SSIN=79021802145 20230823-085751.acc-p12'), 'acceptance');
    assert.equal(environmentFromSuffix('SSIN=79021802145 20230823-085751.p12'), 'production');
    assert.equal(environmentFromSuffix('SSIN=79021802145 20230823-085751.sandbox.p12'), 'production', 'a .p12 file is a production keystore to everyone');
  });

  it('flags an unconventional name without guessing a holder', () => {
    for (const name of ['keystore.p12', 'SSIN=79021802145.p12', 'SSIN=79021802145 2023-08-23.acc-p12', ' SSIN=1 20230823-085751.p12']) {
      const parsed = parseKeystoreFileName(name);
      assert.equal(parsed.holder, undefined, name);
      assert.deepEqual(parsed.problems, [{ code: 'unconventional-name' }], name);
    }
  });

  it('flags impossible dates and unknown holder types but keeps the holder', () => {
    assert.deepEqual(parseKeystoreFileName('CBE=0123456749 20251301-000000.p12').problems, [{ code: 'invalid-date' }]);
    assert.deepEqual(parseKeystoreFileName('SSIN=79021802145 20230229-120000.p12').problems, [{ code: 'invalid-date' }]);
    assert.deepEqual(parseKeystoreFileName('SSIN=79021802145 20230823-246000.p12').problems, [{ code: 'invalid-date' }]);
    const unknown = parseKeystoreFileName('FOO=123 20230823-085751.p12');
    assert.deepEqual(unknown.problems, [{ code: 'unknown-holder-type', params: { type: 'FOO' } }]);
    assert.equal(unknown.holder?.id, '123');
  });

  it('tells environments and keystore files by suffix, in any case', () => {
    assert.equal(environmentFromSuffix('a.ACC-P12'), 'acceptance');
    assert.equal(environmentFromSuffix('a.p12'), 'production');
    assert.equal(environmentFromSuffix('a.pfx'), 'unknown');
    assert.ok(isKeystoreFileName('X.P12'));
    assert.ok(!isKeystoreFileName('notes.txt'));
    assert.ok(!isKeystoreFileName('a.p12.tmp'));
  });
});
