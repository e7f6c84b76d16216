// An empty reader when the card is needed to sign: the engine waits for the card through its
// Prompter (polling the slots) instead of failing, and gives up only when the user does. The
// virtual card through PKCS#11 reports "no card" while its `removed` file exists.
import { strict as assert } from 'node:assert';
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDomainError } from '../../../src/core/domainError';
import { EidEngine, type CardPurpose } from '../../../src/eid';
import { freshCard, scriptedPrompter } from './virtualCards';

describe('eID card waited for when it is needed', function () {
  this.timeout(60_000);

  it('waits for the card to sign: the prompter is told once, its message hidden when the card is back, and the signature made', async () => {
    const eid = await freshCard('rsa');
    const removed = path.join(eid.dir, 'removed');
    const engine = new EidEngine({ modulePath: eid.modulePath, cardPollMs: 50 });
    const told: CardPurpose[] = [];
    let hidden = false;
    const prompter = {
      ...scriptedPrompter(eid.pin),
      waitForCard: (purpose: CardPurpose, signal: AbortSignal) => {
        told.push(purpose);
        setTimeout(() => unlinkSync(removed), 400);
        return new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            hidden = true;
            resolve();
          }),
        );
      },
    };
    try {
      writeFileSync(removed, '');
      const signer = await engine.signer('signature', prompter);
      assert.deepEqual(told, ['signature']);
      assert.ok(hidden, 'the message is hidden once the card is there');
      assert.ok(!existsSync(removed));
      assert.ok((await signer.sign(Buffer.from('contract'))).length > 0);
    } finally {
      await engine.close();
    }
  });

  it('stops with eid/card-wait-cancelled when the user gives up, the PIN never asked', async () => {
    const eid = await freshCard('ec');
    writeFileSync(path.join(eid.dir, 'removed'), '');
    const engine = new EidEngine({ modulePath: eid.modulePath, cardPollMs: 50 });
    const prompter = { ...scriptedPrompter(eid.pin), waitForCard: () => new Promise<void>((resolve) => setTimeout(resolve, 200)) };
    try {
      await assert.rejects(engine.signer('authentication', prompter), (error: unknown) => isDomainError(error, 'eid', 'card-wait-cancelled'));
      await assert.rejects(engine.verifyPin(prompter), (error: unknown) => isDomainError(error, 'eid', 'card-wait-cancelled'));
      assert.equal(prompter.asked, 0);
    } finally {
      await engine.close();
    }
  });

  it('fails at once with eid/no-card for a prompter that cannot wait (a script)', async () => {
    const eid = await freshCard('rsa');
    writeFileSync(path.join(eid.dir, 'removed'), '');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      await assert.rejects(engine.signer('signature', scriptedPrompter(eid.pin)), (error: unknown) => isDomainError(error, 'eid', 'no-card'));
    } finally {
      await engine.close();
    }
  });
});
