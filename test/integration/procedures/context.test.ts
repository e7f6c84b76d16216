// The one procedure context both faces make: a sandbox they run (in the command, in the extension)
// comes to trust the eID the procedure signs with, and a delivery is waited for the same way. The
// oracles are the virtual eID's own root.pem and a sandbox that trusts no eID at first.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { completeCertificate, DELIVERY_POLLING, procedureContext, requestCertificate, type ProcedureContext, type SandboxHost } from '../../../src/procedures';
import { RaClient } from '../../../src/ra/client';
import { endpoints } from '../../../src/ra/endpoints';
import { AuthorityError } from '../../../src/ra/errors';
import { pinPrompter, scriptedPrompter, startRig, type Rig } from './harness';

describe('the procedure context made for both faces', function () {
  this.timeout(60_000);
  let rig: Rig;
  /** The sandbox as a face runs it, and the roots each opening asked it to trust. */
  const opened: string[][] = [];
  const host: SandboxHost = {
    open: async (eidRoots) => {
      opened.push([...eidRoots]);
      rig.sandbox.trust(eidRoots);
      return rig.sandbox.url;
    },
  };
  const withEid = () => ({ engine: rig.engine, prompter: pinPrompter([rig.eid.pin]) });

  before(async () => {
    // No eID trusted, as a sandbox started without --trust or ehealth.sandbox.trust.
    rig = await startRig('rsa', { trustedRoots: [], validityDays: 60, behaviour: { pendingPolls: 1 } });
  });
  after(async () => rig?.stop());
  beforeEach(() => void (opened.length = 0));

  it('is made by procedureContext only: an object built by hand is not a ProcedureContext (tsc checks this file)', () => {
    const client = new RaClient({ endpoints: endpoints({ baseUrl: 'http://127.0.0.1:9' }) });
    // @ts-expect-error the brand that only procedureContext() gives
    const handMade: ProcedureContext = { environment: 'sandbox', client, prompter: scriptedPrompter(), delivery: { attempts: 100, intervalMs: 1 } };
    assert.equal(handMade.delivery.attempts, 100);
  });

  it('a sandbox that trusts no eID refuses the card when nothing opened it for the procedure', async () => {
    const context = await procedureContext({ environment: 'sandbox', raUrl: rig.sandbox.url, prompter: scriptedPrompter(), eid: withEid(), keystore: { iterations: 1000 } });
    await assert.rejects(requestCertificate(context, { keystoreFolder: rig.keystores }), (error: unknown) => error instanceof AuthorityError && error.has('UNTRUSTED_CERTIFICATE'));
    assert.deepEqual(opened, [], 'an address given: no sandbox opened');
  });

  it("opens the face's sandbox trusting the card's root, and the card's request goes through", async () => {
    const context = await procedureContext({ environment: 'sandbox', sandbox: host, prompter: scriptedPrompter(), eid: withEid(), keystore: { iterations: 1000 } });
    assert.equal(opened.length, 1);
    const [roots] = opened;
    assert.deepEqual(
      roots.map((pem) => new X509Certificate(pem).fingerprint256),
      [new X509Certificate(readFileSync(rig.eid.rootPem)).fingerprint256],
    );
    const requested = await requestCertificate(context, { keystoreFolder: rig.keystores });

    // Complete signs with no eID: the sandbox is opened with nothing more to trust.
    const prompter = scriptedPrompter();
    const completing = await procedureContext({ environment: 'sandbox', sandbox: host, prompter, keystore: { iterations: 1000 } });
    assert.deepEqual(opened[1], []);
    // One policy for every face: the sandbox's first answer is "not yet", the second delivers.
    assert.deepEqual(completing.delivery, DELIVERY_POLLING);
    const completed = await completeCertificate(completing, requested.keystore);
    assert.ok(completed.backup);
    assert.deepEqual(
      prompter.events.filter((event) => event.step === 'waiting-delivery'),
      [1, 2].map((attempt) => ({ step: 'waiting-delivery', attempt, attempts: DELIVERY_POLLING.attempts })),
    );
  });
});
