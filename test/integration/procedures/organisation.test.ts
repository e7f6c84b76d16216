// A certificate for an organisation the user manages (an ambulance service's CBE number), against
// the sandbox with the virtual eID: the holder offered by GetActorQualities, its identifier checked
// by the authority's rules, an application id, the keystore named by the convention, and the
// refusals eHealth would give (someone else's organisation, a malformed number, an id in use).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { inspectFile } from '../../../src/keystore/inspect';
import { completeCertificate, ProcedureError, requestCertificate, type HolderChoice, type HolderChoices } from '../../../src/procedures';
import { folderDigest, PASSWORD, procedureContext, scriptedPrompter, startRig, type Rig } from './harness';

const ambulance = { type: 'CBE', id: '0123456749', name: 'Ambulances Sainte-Hélène' };

describe('procedures: a certificate for an organisation', function () {
  this.timeout(60_000);
  let rig: Rig;
  const requestFor = async (choice: HolderChoice, offered: HolderChoices[] = []) =>
    requestCertificate(
      await procedureContext(
        rig,
        scriptedPrompter({
          chooseHolder: async (choices) => {
            offered.push(choices);
            return choice;
          },
        }),
      ),
      { keystoreFolder: rig.keystores },
    );

  before(async () => {
    rig = await startRig('rsa');
    writeFileSync(path.join(rig.sandbox.dataFolder, 'organizations.json'), JSON.stringify([{ ...ambulance, managers: [rig.eid.holder.nationalNumber] }, { type: 'CBE', id: '0987654394', name: 'Someone else', managers: ['79021802145'] }]));
  });
  after(async () => rig?.stop());

  it('offers myself and the organisation I manage, and requests for it with an application id', async () => {
    const offered: HolderChoices[] = [];
    const requested = await requestFor({ kind: 'organization', type: 'CBE', id: ambulance.id, applicationId: 'DISPATCH' }, offered);
    assert.equal(offered[0].self, rig.eid.holder.nationalNumber);
    assert.deepEqual(offered[0].organizations.map((organization) => organization.identifier.value), [ambulance.id]);
    assert.match(path.basename(requested.keystore), /^CBE=0123456749,DISPATCH \d{8}-\d{6}\.acc-p12$/);
    assert.match(requested.dn, /^CN=CBE\\=0123456749\\, DISPATCH, OU=eHealth-platform Belgium, OU=AMBULANCES SAINTE-HELENE, OU=CBE\\=0123456749, OU=DISPATCH, O=Federal Government, C=BE$/);

    await completeCertificate(await procedureContext(rig, scriptedPrompter()), requested.keystore);
    const { keystore } = await inspectFile(requested.keystore, { password: PASSWORD });
    assert.deepEqual(
      { type: keystore.holder?.type, id: keystore.holder?.id, applicationId: keystore.holder?.applicationId },
      { type: 'CBE', id: ambulance.id, applicationId: 'DISPATCH' },
    );
    assert.equal(keystore.status, 'valid');
  });

  it('refuses an application id the organisation already uses', async () => {
    const before = folderDigest(rig.keystores);
    await assert.rejects(requestFor({ kind: 'organization', type: 'CBE', id: ambulance.id, applicationId: 'DISPATCH' }), (error: unknown) => error instanceof ProcedureError && error.code === 'application-id-in-use');
    assert.equal(folderDigest(rig.keystores), before);
  });

  it('refuses an organisation the user does not manage', async () => {
    await assert.rejects(requestFor({ kind: 'organization', type: 'CBE', id: '0987654394' }), (error: unknown) => error instanceof ProcedureError && error.code === 'not-authorized');
  });

  it('refuses an identifier the type does not allow, and an unknown type', async () => {
    for (const choice of [
      { kind: 'organization', type: 'CBE', id: '12345' },
      { kind: 'organization', type: 'NOT-A-TYPE', id: '12345678' },
    ] as const) {
      await assert.rejects(requestFor(choice), (error: unknown) => error instanceof ProcedureError && error.code === 'invalid-holder', JSON.stringify(choice));
    }
  });
});
