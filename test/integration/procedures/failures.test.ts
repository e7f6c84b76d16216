// The procedures when things go wrong half-way, against the sandbox and the virtual eID, with a
// meddling proxy playing the network: wrong PIN, card pulled during the signature, refusal,
// authority down, no answer, connection cut, hostile, huge or malformed answers, a certificate or a
// challenge for another key. Each ends in an error worded in every language, and the user's files
// stay as they were (or, when the request may have reached the authority, the new key is kept).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDomainError, type Domain, type ErrorCode } from '../../../src/core/domainError';
import { PinIncorrect } from '../../../src/eid';
import { errorMessage } from '../../../src/faces/errors';
import { languages } from '../../../src/i18n';
import { certificateStatus, completeCertificate, ProcedureError, requestCertificate, revokeCertificate, type RequestResult } from '../../../src/procedures';
import { BACK } from '../../../src/procedures/prompter';
import { envelope } from '../../../src/ra/envelope';
import { AuthorityError } from '../../../src/ra/errors';
import { NS } from '../../../src/ra/namespaces';
import { el } from '../../../src/ra/xml';
import { successAnswer } from '../../../src/sandbox/answers';
import { operation } from '../../../src/sandbox/operations';
import { node } from '../../../src/sandbox/xml';
import { startMeddler, type Meddler } from './meddler';
import { folderDigest, procedureContext, scriptedPrompter, startRig, type Rig } from './harness';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'ra', `${name}.xml`), 'utf8');

/** The error speaks every language, with every placeholder filled in. */
function explained(error: unknown): true {
  const messages = languages.map((language) => errorMessage(error, language));
  for (const message of messages) assert.doesNotMatch(message, /\{\w+\}/, message);
  assert.equal(new Set(messages).size, languages.length, messages.join('\n'));
  return true;
}

const is = (type: abstract new (...args: never[]) => Error) => (error: unknown) => error instanceof type && explained(error);
const domainError = <D extends Domain>(domain: D, code: ErrorCode<D>) => (error: unknown) => isDomainError(error, domain, code) && explained(error);
const procedureError = (code: ErrorCode<'procedure'>) => domainError('procedure', code);

describe('procedures when things go wrong half-way', function () {
  this.timeout(60_000);
  let rig: Rig;
  let meddler: Meddler;
  const context = (options: Parameters<typeof procedureContext>[2] = {}, answers: Parameters<typeof scriptedPrompter>[0] = {}) =>
    procedureContext(rig, scriptedPrompter(answers), { url: meddler.url, ...options });
  const request = async (options: Parameters<typeof procedureContext>[2] = {}) => requestCertificate(await context(options), { keystoreFolder: rig.keystores });

  // 60-day certificates: every new request for the card's holder is allowed (the last 90 days of the
  // valid one are its replacement period), so the cases stay independent of each other.
  before(async () => {
    rig = await startRig('rsa', { validityDays: 60 });
    mkdirSync(rig.keystores);
    meddler = await startMeddler(rig.sandbox.url);
  });
  after(async () => {
    await meddler?.close();
    await rig?.stop();
  });

  describe('a request', () => {
    let before: string;
    beforeEach(() => {
      before = folderDigest(rig.keystores);
    });

    it('with a wrong PIN for the signature: PinIncorrect with tries left, no file kept', async () => {
      await assert.rejects(request({ pins: [rig.eid.pin, '9999'] }), (error: unknown) => is(PinIncorrect)(error) && (error as PinIncorrect).triesLeft === 2);
      assert.equal(folderDigest(rig.keystores), before);
    });

    it('with the card pulled out during the signature: eid/card-removed, no file kept', async () => {
      const delay = path.join(rig.eid.dir, 'sign-delay-ms');
      const removed = path.join(rig.eid.dir, 'removed');
      writeFileSync(delay, '600');
      let pull: NodeJS.Timeout | undefined;
      try {
        // The second PIN is the Signature key's: the card goes while that signature runs.
        const onPin = (count: number) => void (count === 1 && (pull = setTimeout(() => writeFileSync(removed, ''), 200)));
        await assert.rejects(request({ onPin }), domainError('eid', 'card-removed'));
      } finally {
        clearTimeout(pull);
        unlinkSync(delay);
        if (existsSync(removed)) unlinkSync(removed);
      }
      assert.equal(folderDigest(rig.keystores), before);
    });

    it('to an authority that is down: ra/unreachable, nothing created', async () => {
      await assert.rejects(request({ url: 'http://127.0.0.1:9' }), domainError('ra', 'unreachable'));
      assert.equal(folderDigest(rig.keystores), before);
    });

    it('answered by an HTTP error when sent: nothing reached the authority, no file kept', async () => {
      meddler.on('generatecertificate', { status: 503, answer: '<html>Service Unavailable</html>' });
      await assert.rejects(request(), domainError('ra', 'http'));
      assert.equal(folderDigest(rig.keystores), before);
    });

    it('whose answer never comes: the file is kept (the only copy of the key), and the authority does not know it', async () => {
      meddler.on('generatecertificate', { silence: true });
      let kept = '';
      await assert.rejects(request({ timeoutMs: 1500 }), (error: unknown) => {
        kept = String((error as ProcedureError).params?.file);
        return procedureError('request-outcome-unknown')(error) && errorMessage(error, 'en').includes('did not answer within 2 seconds');
      });
      assert.ok(existsSync(kept), 'the keystore with the new key is kept');
      await assert.rejects(completeCertificate(await context(), kept), (error: unknown) => error instanceof AuthorityError && error.has('UNKNOWN_CERTIFICATE'));
      unlinkSync(kept);
    });

    it('whose connection is cut after the authority got it: the file is kept, and completing it later works', async () => {
      meddler.on('generatecertificate', { cut: true, afterForwarding: true });
      let kept = '';
      await assert.rejects(request(), (error: unknown) => {
        kept = String((error as ProcedureError).params?.file);
        return procedureError('request-outcome-unknown')(error);
      });
      const completed = await completeCertificate(await context(), kept);
      assert.equal(completed.published, true);
    });
  });

  describe('completing a request', () => {
    let requested: RequestResult;
    let before: string;

    beforeEach(async () => {
      requested = await request();
      before = folderDigest(rig.keystores);
    });
    afterEach(() => {
      rig.sandbox.setBehaviour({ refuse: false });
    });

    const completeFails = async (check: (error: unknown) => boolean) => {
      await assert.rejects(completeCertificate(await context(), requested.keystore), check);
      assert.equal(folderDigest(rig.keystores), before, 'the keystore folder is as it was: no change, no backup');
    };

    it('refused by eHealth: request-refused, the file as it was', async () => {
      rig.sandbox.setBehaviour({ refuse: true });
      const refused = await request();
      before = folderDigest(rig.keystores);
      await assert.rejects(completeCertificate(await context(), refused.keystore), procedureError('request-refused'));
      assert.equal(folderDigest(rig.keystores), before);
    });

    it('answered with external entities: ra/hostile', async () => {
      meddler.on('getcertificate', { answer: `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${fixture('Fault').replace(/^<\?xml[^>]*>/, '')}` });
      await completeFails(domainError('ra', 'hostile'));
    });

    it('answered with a huge body: ra/too-large', async () => {
      meddler.on('getcertificate', { huge: true });
      await completeFails(domainError('ra', 'too-large'));
    });

    it('answered in the wrong namespace: ra/malformed', async () => {
      meddler.on('getcertificate', { answer: fixture('GetCertificateResponse-not-yet-delivered').replaceAll(NS.certra, 'urn:example:not-certra') });
      await completeFails(domainError('ra', 'malformed'));
    });

    it('delivered a certificate for another key: wrong-certificate', async () => {
      const foreign = Buffer.from(readFileSync(rig.eid.rootPem, 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64');
      meddler.on('getcertificate', { answer: successAnswer(operation('GetCertificate'), undefined, [node(NS.certra, 'X509Certificate', foreign.toString('base64'))], new Date()) });
      await completeFails(procedureError('wrong-certificate'));
    });

    it('sent an ETK challenge that is not for our key: ra/malformed', async () => {
      meddler.on('startetkregistration', { answer: fixture('StartETKRegistrationResponse') });
      await completeFails(domainError('ra', 'malformed'));
    });

    it('cut off while registering the ETK: ra/unreachable; completing again then works', async () => {
      meddler.on('completeetkregistration', { cut: true });
      await completeFails(domainError('ra', 'unreachable'));
      assert.ok((await completeCertificate(await context(), requested.keystore)).backup);
    });

    it('answered by a SOAP fault: the file as it was', async () => {
      meddler.on('getcertificate', { status: 500, answer: envelope(el(NS.soap, 'Fault', [el('', 'faultcode', 'soapenv:Server'), el('', 'faultstring', 'down for maintenance')])) });
      await completeFails(domainError('ra', 'soap-fault'));
    });
  });

  describe('waiting for a delivery', () => {
    it('stops at once when the user cancels: "cancelled", the file as it was', async () => {
      rig.sandbox.setBehaviour({ pendingPolls: 50 });
      const requested = await request();
      rig.sandbox.setBehaviour({ pendingPolls: 0 });
      const before = folderDigest(rig.keystores);
      const cancellation = new AbortController();
      setTimeout(() => cancellation.abort(), 300);
      const started = Date.now();
      await assert.rejects(completeCertificate({ ...(await context({ delivery: { attempts: 50, intervalMs: 10_000 } })), signal: cancellation.signal }, requested.keystore), procedureError('cancelled'));
      assert.ok(Date.now() - started < 5000, 'no wait for the next poll');
      assert.equal(folderDigest(rig.keystores), before);
    });
  });

  describe('in production', () => {
    it('does nothing, and asks nothing else, unless the user confirms', async () => {
      const prompter = scriptedPrompter({ confirmProduction: async () => false });
      const production = { ...(await procedureContext(rig, prompter, { url: 'http://127.0.0.1:9' })), environment: 'production' as const };
      await assert.rejects(requestCertificate(production, { keystoreFolder: rig.keystores }), procedureError('production-not-confirmed'));
      assert.deepEqual(prompter.events, []);
    });
  });

  describe('revoking', () => {
    it('with a wrong PIN: nothing revoked', async () => {
      const requested = await request();
      await completeCertificate(await context(), requested.keystore);
      await assert.rejects(revokeCertificate(await context({ pins: ['9999'] }), { keystore: requested.keystore }), is(PinIncorrect));
      assert.equal((await certificateStatus(await context(), requested.keystore)).authority?.status, 'VALID_ACTIVE');
    });

    it('with the contract declined: nothing revoked', async () => {
      const requested = await request();
      await completeCertificate(await context(), requested.keystore);
      await assert.rejects(revokeCertificate(await context({}, { acceptContract: async () => false }), { keystore: requested.keystore }), procedureError('contract-declined'));
      assert.equal((await certificateStatus(await context(), requested.keystore)).authority?.status, 'VALID_ACTIVE');
    });

    it('with Back answered at the contract (no step to go back to): nothing revoked', async () => {
      const requested = await request();
      await completeCertificate(await context(), requested.keystore);
      await assert.rejects(revokeCertificate(await context({}, { acceptContract: async () => BACK }), { keystore: requested.keystore }), procedureError('contract-declined'));
      assert.equal((await certificateStatus(await context(), requested.keystore)).authority?.status, 'VALID_ACTIVE');
    });
  });
});
