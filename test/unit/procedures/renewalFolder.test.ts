// Where a renewal is written: beside the old keystore, but never a sandbox renewal among the real ones.
import * as assert from 'node:assert/strict';
import { renewalFolder } from '../../../src/procedures/renew';

describe('the folder a renewal is written to', () => {
  it('is the old keystore\'s folder', () => {
    assert.equal(renewalFolder('/home/an/ehealth/keystore/SSIN=79021802145 20230823-085751.acc-p12', 'acceptance', '/home/an'), '/home/an/ehealth/keystore');
    assert.equal(renewalFolder('/srv/rehearsals/SSIN=79021802145 20261202-101010.sandbox-p12', 'sandbox', '/home/an'), '/srv/rehearsals');
  });

  it('is the sandbox folder for an older sandbox keystore named .acc-p12, so no .sandbox-p12 lands in ~/ehealth/keystore', () => {
    assert.equal(renewalFolder('/home/an/ehealth/keystore/SSIN=79021802145 20250101-101010.acc-p12', 'sandbox', '/home/an'), '/home/an/ehealth/sandbox');
  });
});
