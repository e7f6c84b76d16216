// A request whose card is taken out before signing (the user read the contract, then pulled the
// card): the procedure waits for the card through the eID Prompter and finishes once it is back;
// a user who gives up leaves the files as they were. The sandbox in-process, the virtual eID
// through PKCS#11, which reports "no card" while its `removed` file exists.
import { strict as assert } from 'node:assert';
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDomainError } from '../../../src/core/domainError';
import type { CardPurpose, Prompter as EidPrompter } from '../../../src/eid';
import { inspectFile } from '../../../src/keystore/inspect';
import { requestCertificate } from '../../../src/procedures';
import { folderDigest, PASSWORD, pinPrompter, procedureContext, scriptedPrompter, startRig, type Rig } from './harness';

describe('a request waits for the eID taken out before signing', function () {
  this.timeout(120_000);
  let rig: Rig;
  let removed: string;

  before(async () => {
    rig = await startRig('rsa');
    removed = path.join(rig.eid.dir, 'removed');
  });
  afterEach(() => {
    if (existsSync(removed)) unlinkSync(removed);
  });
  after(() => rig.stop());

  /** The contract read, then the card pulled out: what a user does before the signature. */
  const pullingTheCard = () =>
    scriptedPrompter({
      acceptContract: async () => {
        writeFileSync(removed, '');
        return true;
      },
    });

  /** Asks the PIN as the harness does, and waits for the card as `wait` says (the moment it is asked, what it was asked for). */
  async function requestWith(wait: (purpose: CardPurpose, signal: AbortSignal) => Promise<void>) {
    const context = await procedureContext(rig, pullingTheCard());
    const eidPrompter: EidPrompter = { ...pinPrompter([rig.eid.pin]), waitForCard: wait };
    return requestCertificate({ ...context, eid: { engine: rig.engine, prompter: eidPrompter } }, { keystoreFolder: rig.keystores });
  }

  it('finishes once the card is back: the keystore written, the request at the sandbox', async () => {
    const asked: CardPurpose[] = [];
    const result = await requestWith((purpose, signal) => {
      asked.push(purpose);
      // Put back after a while, as a person would.
      setTimeout(() => unlinkSync(removed), 1500);
      return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    });
    assert.deepEqual(asked, ['signature'], 'asked once, to sign');
    const opened = await inspectFile(result.keystore, { password: PASSWORD });
    assert.equal(opened.keystore.status, 'pending', 'the request went through and waits for its certificate');
    assert.match(result.publicKeyIdentifier, /\S/);
  });

  it('leaves the keystore folder as it was when the user stops waiting', async () => {
    const before = folderDigest(rig.keystores);
    await assert.rejects(
      requestWith(() => new Promise<void>((resolve) => setTimeout(resolve, 500))),
      (error: unknown) => isDomainError(error, 'eid', 'card-wait-cancelled'),
    );
    assert.equal(folderDigest(rig.keystores), before, 'the new keystore removed again');
    assert.ok(existsSync(removed), 'the card is still out');
  });
});
