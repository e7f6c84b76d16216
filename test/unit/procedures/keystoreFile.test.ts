import * as assert from 'node:assert/strict';
import { parseKeystoreFileName } from '../../../src/keystore/fileName';
import { keystoreEnvironments } from '../../../src/procedures/environment';
import { keystoreFileName } from '../../../src/procedures/keystoreFile';

describe('the names of the keystores the procedures write', () => {
  const holder = { type: 'SSIN', id: '79021802145' };
  const now = new Date(2026, 11, 2, 10, 10, 10);

  it('eHealth\'s names in acceptance and production; a name that says sandbox in the sandbox', () => {
    assert.equal(keystoreFileName(holder, 'production', now), 'SSIN=79021802145 20261202-101010.p12');
    assert.equal(keystoreFileName(holder, 'acceptance', now), 'SSIN=79021802145 20261202-101010.acc-p12');
    assert.equal(keystoreFileName(holder, 'sandbox', now), 'SSIN=79021802145 20261202-101010.sandbox-p12');
  });

  it('each name read back tells its environment, holder and creation time', () => {
    for (const environment of ['production', 'acceptance', 'sandbox'] as const) {
      assert.deepEqual(parseKeystoreFileName(keystoreFileName(holder, environment, now)), { holder, createdAt: '2026-12-02T10:10:10', environment, problems: [] }, environment);
    }
  });

  it('the sandbox\'s own keystores are found by their name, and those named as acceptance before it had one', () => {
    assert.deepEqual(keystoreEnvironments('sandbox'), ['sandbox', 'acceptance']);
    assert.deepEqual(keystoreEnvironments('acceptance'), ['acceptance']);
    assert.deepEqual(keystoreEnvironments('production'), ['production']);
  });
});
