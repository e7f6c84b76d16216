// The ETK depot look-up the guide check `etk.published` is fed by: outside any procedure, with no
// question and no eID, it tells whether the depot publishes exactly a keystore's ETK certificate.
import * as assert from 'node:assert/strict';
import { inspectFile } from '../../../src/keystore/inspect';
import { lookUpEtk } from '../../../src/procedures/etk';
import { completeCertificate, renewCertificate, requestCertificate, type RequestResult } from '../../../src/procedures';
import { PASSWORD, procedureContext, scriptedPrompter, startRig, type Rig } from './harness';

/** The DER of the newest ETK certificate in a keystore, as the checklist reads it from the opened keystore. */
async function etkOf(file: string): Promise<Buffer> {
  const { keystore } = await inspectFile(file, { password: PASSWORD });
  const etk = keystore.entries.filter((entry) => entry.kind === 'encryption').pop();
  assert.ok(etk && 'certificate' in etk);
  return Buffer.from(etk.certificate.der, 'base64');
}

describe('procedures: the ETK depot look-up of the guide check', function () {
  this.timeout(60_000);
  let rig: Rig;
  let first: RequestResult;

  before(async () => {
    rig = await startRig('rsa', { validityDays: 60 });
    first = await requestCertificate(await procedureContext(rig, scriptedPrompter()), { keystoreFolder: rig.keystores });
    await completeCertificate(await procedureContext(rig, scriptedPrompter()), first.keystore);
  });
  after(async () => rig?.stop());

  it('says published for the ETK a completion registered, asking nothing and signing nothing', async () => {
    assert.equal(await lookUpEtk({ environment: 'sandbox', raUrl: rig.sandbox.url }, first.holder, await etkOf(first.keystore)), true);
  });

  it("says not published for a renewal's ETK until it is activated, nor for another holder", async () => {
    const renewal = await renewCertificate(await procedureContext(rig, scriptedPrompter()), first.keystore);
    await completeCertificate(await procedureContext(rig, scriptedPrompter()), renewal.keystore);
    const waiting = await etkOf(renewal.keystore);
    assert.equal(await lookUpEtk({ environment: 'sandbox', raUrl: rig.sandbox.url }, renewal.holder, waiting), false);
    assert.equal(await lookUpEtk({ environment: 'sandbox', raUrl: rig.sandbox.url }, { type: 'SSIN', id: '79021802145' }, waiting), false);
  });
});
