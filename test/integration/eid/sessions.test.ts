// No session outlives an operation, and no login either: after reading, signing, a wrong PIN, a
// cancelled PIN or a card pulled out mid-signature. Seen from a neighbour user of the module in this
// process (moduleNeighbour.ts): the shim's session count and the login state PKCS#11 keeps per process.
// The neighbour holds a session of its own throughout, as another extension may: closing the last
// session of a process logs it out by itself, which would hide a forgotten C_Logout.
import { strict as assert } from 'node:assert';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDomainError } from '../../../src/core/domainError';
import { EidEngine, PinIncorrect } from '../../../src/eid';
import type { VirtualEid } from '../../../tools/virtual-eid/build';
import { ModuleNeighbour } from './moduleNeighbour';
import { freshCard, scriptedPrompter } from './virtualCards';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const algorithm of ['rsa', 'ec'] as const) {
  describe(`eID sessions on the ${algorithm.toUpperCase()} card`, function () {
    this.timeout(60_000);
    let eid: VirtualEid;
    let neighbour: ModuleNeighbour;
    let engine: EidEngine;
    let held: Buffer;
    const leftOver = () => ({ sessions: neighbour.openSessions() - 1, loggedIn: neighbour.loggedIn() });
    const nothingLeft = { sessions: 0, loggedIn: false };
    before(async () => {
      eid = await freshCard(algorithm);
      neighbour = new ModuleNeighbour(eid.modulePath);
      held = neighbour.openSession();
      engine = new EidEngine({ modulePath: eid.modulePath });
    });
    after(async () => {
      await engine?.close();
      if (held) neighbour.closeSession(held);
      neighbour?.close();
    });

    it('reading identity and certificates leaves no session open', async () => {
      await engine.identity();
      await engine.certificates();
      assert.deepEqual(leftOver(), nothingLeft);
    });

    for (const key of ['authentication', 'signature'] as const) {
      it(`a signature with the ${key} key is logged in while it signs, then logged out and closed`, async () => {
        const delay = path.join(eid.dir, 'sign-delay-ms');
        writeFileSync(delay, '500');
        try {
          const signing = (await engine.signer(key, scriptedPrompter(eid.pin))).sign(Buffer.from('x'));
          // The observation itself sees the session: otherwise "nothing left" below would prove nothing.
          await settle(250);
          assert.deepEqual(leftOver(), { sessions: 1, loggedIn: true });
          await signing;
        } finally {
          rmSync(delay);
        }
        assert.deepEqual(leftOver(), nothingLeft);
      });
    }

    it('a wrong PIN leaves no session open', async () => {
      await assert.rejects(engine.verifyPin(scriptedPrompter('0000')), PinIncorrect);
      assert.deepEqual(leftOver(), nothingLeft);
      // The good PIN resets the count, and is logged out too.
      await engine.verifyPin(scriptedPrompter(eid.pin));
      assert.deepEqual(leftOver(), nothingLeft);
    });

    it('a cancelled PIN leaves no session open', async () => {
      await assert.rejects((await engine.signer('signature', scriptedPrompter(undefined))).sign(Buffer.from('x')), (error: unknown) => isDomainError(error, 'eid', 'pin-cancelled'));
      assert.deepEqual(leftOver(), nothingLeft);
    });

    it('a card pulled out mid-signature comes back with no session and not logged in', async () => {
      const removed = path.join(eid.dir, 'removed');
      const delay = path.join(eid.dir, 'sign-delay-ms');
      writeFileSync(delay, '500');
      const signer = await engine.signer('authentication', scriptedPrompter(eid.pin));
      const pulled = setTimeout(() => writeFileSync(removed, ''), 200);
      try {
        await assert.rejects(signer.sign(Buffer.from('x')), (error: unknown) => isDomainError(error, 'eid', 'card-removed'));
      } finally {
        clearTimeout(pulled);
        rmSync(delay);
        unlinkSync(removed);
      }
      assert.deepEqual(leftOver(), nothingLeft);
    });
  });
}
