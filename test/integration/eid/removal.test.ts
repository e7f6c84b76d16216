// Card and middleware trouble: no card, card pulled out in the middle of a signature, the middleware
// missing or not a PKCS#11 module, and card events seen by polling.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isDomainError } from '../../../src/core/domainError';
import { EidEngine, MiddlewareMissing, type CardEvent } from '../../../src/eid';
import { errorMessage } from '../../../src/faces/errors';
import { freshCard, scriptedPrompter } from './virtualCards';

describe('eID card removal and middleware problems', function () {
  this.timeout(60_000);

  it('reports an empty reader as eid/no-card, and the card again once inserted', async () => {
    const eid = await freshCard('ec');
    const removed = path.join(eid.dir, 'removed');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      writeFileSync(removed, '');
      assert.deepEqual((await engine.readers()).map((reader) => reader.cardPresent), [false]);
      await assert.rejects(engine.identity(), (error: unknown) => isDomainError(error, 'eid', 'no-card'));
      unlinkSync(removed);
      assert.equal((await engine.identity()).surname, eid.holder.surname);
    } finally {
      engine.close();
    }
  });

  for (const algorithm of ['rsa', 'ec'] as const) {
    it(`turns the ${algorithm.toUpperCase()} card pulled out during a signature into eid/card-removed, without blocking the event loop`, async () => {
      const eid = await freshCard(algorithm);
      writeFileSync(path.join(eid.dir, 'sign-delay-ms'), '600');
      const engine = new EidEngine({ modulePath: eid.modulePath });
      try {
        const signer = await engine.signer('authentication', scriptedPrompter(eid.pin));
        let ticks = 0;
        const ticker = setInterval(() => ticks++, 20);
        const pulled = setTimeout(() => writeFileSync(path.join(eid.dir, 'removed'), ''), 200);
        try {
          await assert.rejects(signer.sign(Buffer.from('x')), (error: unknown) => isDomainError(error, 'eid', 'card-removed'));
        } finally {
          clearInterval(ticker);
          clearTimeout(pulled);
        }
        assert.ok(ticks >= 10, `the event loop ran during the signature (${ticks} ticks)`);
        await assert.rejects(engine.card(), (error: unknown) => isDomainError(error, 'eid', 'no-card'));
      } finally {
        engine.close();
      }
    });
  }

  it('sees the card go and come back by polling', async () => {
    const eid = await freshCard('rsa');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    const events: CardEvent[] = [];
    const waitFor = async (count: number) => {
      for (let i = 0; i < 100 && events.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const stop = engine.watch((event) => events.push(event), { intervalMs: 50 });
    try {
      await waitFor(2);
      assert.deepEqual(events.map((event) => event.type), ['reader-added', 'card-inserted']);
      writeFileSync(path.join(eid.dir, 'removed'), '');
      await waitFor(3);
      unlinkSync(path.join(eid.dir, 'removed'));
      await waitFor(4);
      assert.deepEqual(events.map((event) => event.type), ['reader-added', 'card-inserted', 'card-removed', 'card-inserted']);
    } finally {
      stop();
      engine.close();
    }
  });

  it('explains a missing middleware with where it looked and where to get it', async () => {
    const engine = new EidEngine({ modulePath: '/nonexistent/libbeidpkcs11.so.0' });
    await assert.rejects(engine.readers(), (error) => {
      assert.ok(error instanceof MiddlewareMissing);
      assert.match(errorMessage(error, 'fr'), /eid\.belgium\.be.*\/nonexistent\/libbeidpkcs11\.so\.0/s);
      return true;
    });
  });

  it('refuses a file that is not a PKCS#11 module as MiddlewareBroken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ehealth-notp11-'));
    try {
      const fake = path.join(dir, 'libbeidpkcs11.so.0');
      writeFileSync(fake, 'not a library');
      await assert.rejects(new EidEngine({ modulePath: fake }).readers(), (error: unknown) => isDomainError(error, 'eid', 'middleware-broken'));
      // A real shared library without C_GetFunctionList is not a PKCS#11 module either.
      await assert.rejects(new EidEngine({ modulePath: 'libz.so.1' }).readers(), (error: unknown) => isDomainError(error, 'eid', 'middleware-broken'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
