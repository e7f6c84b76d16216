import * as assert from 'node:assert/strict';
import { formatHolder, isApplicationId, parseHolder, sameHolder } from '../../../src/core/holder';
import { parseKeystoreFileName } from '../../../src/keystore/fileName';

describe('holder notation', () => {
  it('reads and writes TYPE=ID[,APPID]', () => {
    for (const text of ['SSIN=79021802145', 'CBE=0123456749', 'NIHII-HOSPITAL=71000436', 'EHP=1990001916,VITALINKGATEWAY', 'CBE=0123456749,MY_APP-2']) {
      const holder = parseHolder(text);
      assert.ok(holder, text);
      assert.equal(formatHolder(holder), text);
    }
    assert.deepEqual(parseHolder('EHP=1990001916,VITALINKGATEWAY'), { type: 'EHP', id: '1990001916', applicationId: 'VITALINKGATEWAY' });
    assert.deepEqual(parseHolder('CBE=0123456749'), { type: 'CBE', id: '0123456749' });
  });

  it('reads the space after the comma that certificates write', () => {
    assert.deepEqual(parseHolder('EHP=1990001916, VITALINKGATEWAY'), { type: 'EHP', id: '1990001916', applicationId: 'VITALINKGATEWAY' });
  });

  it('refuses what is not the notation', () => {
    for (const text of ['', 'CBE', 'CBE=', '=0123456749', 'cbe=0123456749', 'CBE=0123 456 749', 'CBE=0123456749,', 'CBE=0123456749,app', `CBE=0123456749,${'A'.repeat(31)}`, 'CBE=0123456749\nSSIN=1']) {
      assert.equal(parseHolder(text), undefined, JSON.stringify(text));
    }
  });

  it('checks an application id alone, as the box and the procedure do', () => {
    assert.ok(isApplicationId('VITALINKGATEWAY'));
    assert.ok(isApplicationId('A'.repeat(30)));
    for (const text of ['', 'app', 'A'.repeat(31), 'MY APP']) assert.equal(isApplicationId(text), false, text);
  });

  it('compares holders by their notation', () => {
    assert.ok(sameHolder({ type: 'CBE', id: '0123456749' }, { type: 'CBE', id: '0123456749', applicationId: '' }));
    assert.equal(sameHolder({ type: 'CBE', id: '0123456749' }, { type: 'CBE', id: '0123456749', applicationId: 'APP' }), false);
  });

  it('is the start of a keystore file name, from the same pieces', () => {
    const holder = { type: 'EHP', id: '1990001916', applicationId: 'VITALINKGATEWAY' };
    assert.deepEqual(parseKeystoreFileName(`${formatHolder(holder)} 20230823-085751.acc-p12`).holder, holder);
    assert.equal(parseKeystoreFileName(`EHP=1990001916,${'A'.repeat(31)} 20230823-085751.p12`).holder, undefined);
  });
});
