// PIN flow through our pass-through module: wrong PINs count down, the third locks the card for
// every process, a pinpad reader takes the PIN itself (while the caller's event loop runs on),
// cancelling signs nothing.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDomainError } from '../../../src/core/domainError';
import { EidEngine, EidError, PinIncorrect } from '../../../src/eid';
import { errorMessage } from '../../../src/faces/errors';
import { freshCard, scriptedPrompter, virtualCard } from './virtualCards';

describe('eID PIN', function () {
  this.timeout(60_000);

  for (const algorithm of ['rsa', 'ec'] as const) {
    it(`counts wrong PINs down, then locks the ${algorithm.toUpperCase()} card (count low, final try, locked)`, async () => {
      const eid = await freshCard(algorithm);
      const engine = new EidEngine({ modulePath: eid.modulePath });
      try {
        await assert.rejects(engine.verifyPin(scriptedPrompter('0000')), (error) => error instanceof PinIncorrect && error.triesLeft === 2);
        assert.deepEqual((await engine.card()).pin, { status: 'count-low', triesLeft: 2, pinpad: false });
        await assert.rejects(engine.verifyPin(scriptedPrompter('0000')), (error) => error instanceof PinIncorrect && error.triesLeft === 1);
        assert.equal((await engine.card()).pin.status, 'final-try');
        await assert.rejects(engine.verifyPin(scriptedPrompter('0000')), (error: unknown) => isDomainError(error, 'eid', 'pin-locked'));
        assert.equal((await engine.card()).pin.status, 'locked');
        // Locked means locked: the right PIN no longer works, for signing either.
        await assert.rejects(engine.verifyPin(scriptedPrompter(eid.pin)), (error: unknown) => isDomainError(error, 'eid', 'pin-locked'));
        const signer = await engine.signer('signature', scriptedPrompter(eid.pin));
        await assert.rejects(signer.sign(Buffer.from('x')), (error: unknown) => isDomainError(error, 'eid', 'pin-locked'));
      } finally {
        engine.close();
      }
    });
  }

  it('a good PIN resets the count', async () => {
    const eid = await freshCard('ec');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      await assert.rejects(engine.verifyPin(scriptedPrompter('9999')), PinIncorrect);
      await engine.verifyPin(scriptedPrompter(eid.pin));
      assert.equal((await engine.card()).pin.status, 'ok');
    } finally {
      engine.close();
    }
  });

  it('says what to do, in four languages', () => {
    const incorrect = new PinIncorrect(1);
    assert.match(errorMessage(incorrect, 'en'), /1 try left before the card locks/);
    assert.match(errorMessage(incorrect, 'fr'), /Il reste 1 essai avant le blocage de la carte/);
    assert.match(errorMessage(new EidError('pin-locked', 'PIN locked'), 'nl'), /gemeente/);
    assert.match(errorMessage(new EidError('pin-locked', 'PIN locked'), 'de'), /Gemeinde/);
  });

  it('signs nothing when the user cancels', async () => {
    const eid = await virtualCard('rsa');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      const signer = await engine.signer('authentication', scriptedPrompter(undefined));
      await assert.rejects(signer.sign(Buffer.from('x')), (error: unknown) => isDomainError(error, 'eid', 'pin-cancelled'));
    } finally {
      engine.close();
    }
  });

  it('on a pinpad reader logs in without asking, and tells the user to type on the reader', async () => {
    const eid = await freshCard('rsa');
    writeFileSync(path.join(eid.dir, 'pinpad'), `${eid.pin}\n`);
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      assert.equal((await engine.card()).pin.pinpad, true);
      const prompter = scriptedPrompter();
      const signer = await engine.signer('signature', prompter);
      const signature = await signer.sign(Buffer.from('pinpad'));
      assert.equal(signature.length, 256);
      assert.equal(prompter.asked, 0);
      // The Signature key wants a PIN per signature: the reader is asked twice.
      assert.equal(prompter.pinpadNotices, 2);
    } finally {
      engine.close();
    }
  });

  it('keeps the caller\'s event loop running while the user types the PIN on the pinpad', async () => {
    const eid = await virtualCard('ec');
    const pinpad = path.join(eid.dir, 'pinpad');
    const typing = path.join(eid.dir, 'login-delay-ms');
    writeFileSync(pinpad, `${eid.pin}\n`);
    writeFileSync(typing, '1000');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      // The worker is up and the module loaded: what follows measures the login alone.
      await engine.card();
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 20);
      const started = Date.now();
      try {
        await engine.verifyPin(scriptedPrompter());
      } finally {
        clearInterval(ticker);
      }
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 1000, `the login waited for the pinpad (${elapsed} ms)`);
      // A blocked loop would tick at most once; a free one about every 20 ms.
      assert.ok(ticks >= 25, `the event loop ran during the ${elapsed} ms login (${ticks} ticks)`);
    } finally {
      rmSync(pinpad);
      rmSync(typing);
      await engine.close();
    }
  });
});
