// EC eID cards (P-384) on eHealth's services: no public source confirms CertRA accepts their
// ecdsa-sha384 signatures, so request, renew and revoke say so before the PIN is asked. The client
// talks to the sandbox while the procedure believes it is in acceptance (or production); RSA cards
// and the sandbox environment get no notice.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { translate } from '../../../src/i18n';
import { completeCertificate, renewCertificate, requestCertificate, revokeCertificate, type Notice, type ProcedureContext } from '../../../src/procedures';
import { cliRequest, NEW_PASSWORD, PASSWORD, procedureContext, scriptedPrompter, startRig, type Rig, type ScriptedPrompter } from './harness';

/** A scripted Prompter and eID whose notices, progress and PIN prompts land in one ordered log. */
async function logged(rig: Rig, environment: ProcedureContext['environment'], options: { url?: string; answers?: Parameters<typeof scriptedPrompter>[0] } = {}) {
  const log: string[] = [];
  const notices: Notice[] = [];
  const prompter: ScriptedPrompter = scriptedPrompter({
    notice: (notice) => {
      notices.push(notice);
      log.push(`notice:${notice.kind}`);
    },
    progress: (event) => void log.push(`progress:${event.step}`),
    confirmProduction: async () => true,
    ...options.answers,
  });
  const context: ProcedureContext = { ...(await procedureContext(rig, prompter, { url: options.url, onPin: () => log.push('pin') })), environment };
  return { log, notices, context };
}

function assertNoticeBeforePin(log: string[]): void {
  const notice = log.indexOf('notice:ec-eid-unconfirmed');
  assert.ok(notice >= 0, `a notice: ${log.join(', ')}`);
  assert.equal(log.filter((entry) => entry.startsWith('notice:')).length, 1, 'once');
  const pin = log.indexOf('pin');
  assert.ok(pin > notice, `the notice before the first PIN: ${log.join(', ')}`);
}

describe('procedures: EC eID cards on eHealth services get a notice before the PIN', function () {
  this.timeout(120_000);

  describe('EC card', () => {
    let rig: Rig;
    let keystore: string;
    // 60-day certificates: renewable at once (the replacement window is the last 90 days).
    before(async () => {
      rig = await startRig('ec', { validityDays: 60 });
    });
    after(async () => rig?.stop());

    it('in the sandbox: no notice', async () => {
      const { log, notices, context } = await logged(rig, 'sandbox');
      await requestCertificate(context, { keystoreFolder: path.join(rig.folder, 'sandbox-keystores') });
      assert.deepEqual(notices, []);
      assert.ok(log.includes('pin'));
    });

    it('request in acceptance: the notice, then the PIN', async () => {
      const { log, notices, context } = await logged(rig, 'acceptance');
      keystore = (await requestCertificate(context, { keystoreFolder: rig.keystores })).keystore;
      assertNoticeBeforePin(log);
      assert.deepEqual(notices, [{ kind: 'ec-eid-unconfirmed', action: 'request', environment: 'acceptance' }]);
      assert.ok(log.indexOf('notice:ec-eid-unconfirmed') < log.indexOf('progress:asking-authority'), 'before GetActorQualities');
    });

    it('renew in acceptance: the notice before the contract, the new password and the PIN', async () => {
      await completeCertificate((await logged(rig, 'acceptance')).context, keystore);
      let askedPassword = -1;
      const { log, notices, context } = await logged(rig, 'acceptance', {
        answers: {
          newKeystorePassword: async () => {
            askedPassword = log.length;
            return NEW_PASSWORD;
          },
        },
      });
      await renewCertificate(context, keystore);
      assertNoticeBeforePin(log);
      assert.ok(log.indexOf('notice:ec-eid-unconfirmed') < askedPassword, 'before the new password');
      assert.deepEqual(notices, [{ kind: 'ec-eid-unconfirmed', action: 'renew', environment: 'acceptance' }]);
    });

    it('revoke in acceptance: the notice before the PIN', async () => {
      const { log, notices, context } = await logged(rig, 'acceptance', { answers: { keystorePassword: async () => PASSWORD } });
      await revokeCertificate(context, { keystore });
      assertNoticeBeforePin(log);
      assert.deepEqual(notices, [{ kind: 'ec-eid-unconfirmed', action: 'revoke', environment: 'acceptance' }]);
    });

    it('request in production, the authority unreachable: the notice, the PIN, then the failure', async () => {
      const { log, notices, context } = await logged(rig, 'production', { url: 'http://127.0.0.1:9' });
      await assert.rejects(requestCertificate(context, { keystoreFolder: rig.keystores }));
      assertNoticeBeforePin(log);
      assert.deepEqual(notices, [{ kind: 'ec-eid-unconfirmed', action: 'request', environment: 'production' }]);
    });

    it('ehealth cert request --env acceptance --lang fr: the notice in French on stderr', async () => {
      const root = path.join(__dirname, '..', '..', '..');
      execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
      const run = await cliRequest(rig, { args: ['--lang', 'fr'] });
      assert.equal(run.status, ExitCode.ok, run.stderr);
      const notice = translate('fr', 'procedure.notice.ec-eid-unconfirmed', { environment: 'acceptation' });
      assert.ok(run.stderr.includes(notice), run.stderr);
      assert.match(run.stderr, /aucune source publique d’eHealth ne confirme/);
      assert.match(run.stderr, /carte eID à clés RSA/);
    });
  });

  describe('RSA card', () => {
    let rig: Rig;
    before(async () => {
      rig = await startRig('rsa');
    });
    after(async () => rig?.stop());

    it('request in acceptance: no notice', async () => {
      const { log, notices, context } = await logged(rig, 'acceptance');
      await requestCertificate(context, { keystoreFolder: rig.keystores });
      assert.deepEqual(notices, []);
      assert.ok(log.includes('pin'));
    });

    it('request in production: no notice either', async () => {
      const { notices, context } = await logged(rig, 'production', { url: 'http://127.0.0.1:9' });
      await assert.rejects(requestCertificate(context, { keystoreFolder: rig.keystores }));
      assert.deepEqual(notices, []);
    });
  });
});
