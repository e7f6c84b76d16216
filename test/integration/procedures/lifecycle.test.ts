// The whole life of a certificate through the procedures, against the sandbox with the virtual eID
// (RSA and EC cards): request -> pending -> complete -> inspect -> renew -> complete renewal ->
// activate -> revoke the old one -> status. With the RSA card the sandbox answers the ETK
// registration without ETK and ToBeActivated (both optional in the XSD), as the EC run does not.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { inspectFile } from '../../../src/keystore/inspect';
import {
  activateEtk,
  certificateStatus,
  completeCertificate,
  ProcedureError,
  renewCertificate,
  requestCertificate,
  revokeCertificate,
  type RequestResult,
} from '../../../src/procedures';
import { folderDigest, NEW_PASSWORD, PASSWORD, procedureContext, scriptedPrompter, startRig, type Rig } from './harness';

for (const algorithm of ['rsa', 'ec'] as const) {
  const bareEtkAnswer = algorithm === 'rsa';
  describe(`procedures: the lifecycle with a virtual ${algorithm.toUpperCase()} eID${bareEtkAnswer ? ', ETK answers without ETK' : ''}`, function () {
    this.timeout(60_000);
    let rig: Rig;
    let first: RequestResult;
    let renewal: RequestResult;

    // 60-day certificates: renewal is possible at once (the replacement window is the last 90 days).
    before(async () => {
      rig = await startRig(algorithm, { validityDays: 60, behaviour: { pendingPolls: 1, bareEtkAnswer } });
    });
    after(async () => rig?.stop());

    it('requests a certificate for myself: keystore named by the convention, created before sending', async () => {
      const prompter = scriptedPrompter();
      first = await requestCertificate(await procedureContext(rig, prompter), { keystoreFolder: rig.keystores });
      const ssin = rig.eid.holder.nationalNumber;
      assert.match(path.basename(first.keystore), new RegExp(`^SSIN=${ssin} \\d{8}-\\d{6}\\.sandbox-p12$`));
      assert.deepEqual(first.holder, { type: 'SSIN', id: ssin });
      assert.equal(prompter.contracts[0], first.dn);
      const steps = prompter.events.map((event) => event.step);
      assert.ok(steps.indexOf('keystore-created') < steps.indexOf('request-sent'));
    });

    it('is pending until delivered: complete says so and leaves the file as it was', async () => {
      const before = folderDigest(rig.keystores);
      await assert.rejects(completeCertificate(await procedureContext(rig, scriptedPrompter()), first.keystore), (error: unknown) => error instanceof ProcedureError && error.code === 'not-yet-delivered');
      assert.equal(folderDigest(rig.keystores), before);
    });

    it('completes: chain installed, ETK registered and published, backup kept', async () => {
      const result = await completeCertificate(await procedureContext(rig, scriptedPrompter()), first.keystore);
      assert.equal(result.toBeActivated, false);
      assert.equal(result.published, true);
      assert.ok(result.backup && existsSync(result.backup));
    });

    it('inspect shows a valid certificate with its ETK key', async () => {
      const { keystore } = await inspectFile(first.keystore, { password: PASSWORD, checkKeys: true });
      assert.equal(keystore.environment, 'sandbox');
      const auth = keystore.entries.find((entry) => entry.kind === 'authentication')!;
      const etk = keystore.entries.find((entry) => entry.kind === 'encryption')!;
      assert.match(auth.certificate.issuer, /Sandbox/);
      assert.equal(auth.chain.length, 1);
      assert.ok(etk);
      assert.ok(keystore.checks.every((check) => check.result === 'ok'), JSON.stringify(keystore.checks));
      assert.ok(Date.parse(auth.certificate.notAfter) > Date.now());
    });

    it('completing again changes nothing', async () => {
      const before = folderDigest(rig.keystores);
      const result = await completeCertificate(await procedureContext(rig, scriptedPrompter()), first.keystore);
      assert.equal(result.backup, undefined);
      assert.equal(folderDigest(rig.keystores), before);
    });

    it('renews into a new keystore file; the old one stays', async () => {
      const before = folderDigest(rig.keystores);
      const prompter = scriptedPrompter({ newKeystorePassword: async () => NEW_PASSWORD });
      renewal = await renewCertificate(await procedureContext(rig, prompter), first.keystore);
      assert.notEqual(renewal.keystore, first.keystore);
      assert.equal(renewal.dn, first.dn);
      assert.equal(renewal.replacesCertificate, first.publicKeyIdentifier);
      assert.notEqual(before, folderDigest(rig.keystores));
      assert.ok(existsSync(first.keystore));
    });

    it('completes the renewal (one pending poll); its ETK waits for activation', async () => {
      const prompter = scriptedPrompter({ keystorePassword: async () => NEW_PASSWORD });
      const result = await completeCertificate(await procedureContext(rig, prompter, { delivery: { attempts: 2, intervalMs: 10 } }), renewal.keystore);
      assert.equal(result.toBeActivated, true);
      assert.equal(result.published, false);
      // Without ToBeActivated in the answer, CertRA's ETK status for the new certificate tells.
      const asked = prompter.events.flatMap((event) => (event.step === 'asking-authority' ? [event.operation] : []));
      assert.equal(asked.includes('GetCertificateInfoForAuthenticationCertificate'), bareEtkAnswer);
    });

    it('activates the renewal ETK: the depot publishes it', async () => {
      const result = await activateEtk(await procedureContext(rig, scriptedPrompter({ keystorePassword: async () => NEW_PASSWORD })), renewal.keystore);
      assert.equal(result.published, true);
    });

    it('revokes the old certificate; status tells both apart', async () => {
      const revoked = await revokeCertificate(await procedureContext(rig, scriptedPrompter()), { keystore: first.keystore });
      assert.equal(revoked.publicKeyIdentifier, first.publicKeyIdentifier);
      const old = await certificateStatus(await procedureContext(rig, scriptedPrompter()), first.keystore);
      assert.equal(old.stage, 'complete');
      assert.equal(old.authority?.status, 'REVOKED');
      const current = await certificateStatus(await procedureContext(rig, scriptedPrompter({ keystorePassword: async () => NEW_PASSWORD })), renewal.keystore);
      assert.equal(current.authority?.status, 'VALID_ACTIVE');
      assert.equal(current.authority?.etkStatus, 'VALID_ACTIVE');
    });
  });
}
