// Readers and cards that are not what the engine looks for: no reader connected at all, a reader
// holding another smart card, a reader asked for that is not there. Simulated by the shim's
// switch files `no-reader` and `token-label`.
import { strict as assert } from 'node:assert';
import { unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDomainError } from '../../../src/core/domainError';
import { EidEngine, EidError, NotAnEid } from '../../../src/eid';
import { errorMessage } from '../../../src/faces/errors';
import type { VirtualEid } from '../../../tools/virtual-eid/build';
import { freshCard, scriptedPrompter } from './virtualCards';

describe('eID readers: none, or another card', function () {
  this.timeout(60_000);
  let eid: VirtualEid;
  let engine: EidEngine;
  const switchFile = (name: string) => path.join(eid.dir, name);
  before(async () => {
    eid = await freshCard('ec');
    engine = new EidEngine({ modulePath: eid.modulePath });
  });
  after(() => engine?.close());

  it('with no reader connected, lists none and reports eid/no-reader', async () => {
    writeFileSync(switchFile('no-reader'), '');
    try {
      assert.deepEqual(await engine.readers(), []);
      await assert.rejects(engine.card(), (error: unknown) => isDomainError(error, 'eid', 'no-reader'));
      await assert.rejects(engine.identity(), (error: unknown) => isDomainError(error, 'eid', 'no-reader'));
      await assert.rejects(engine.verifyPin(scriptedPrompter(eid.pin)), (error: unknown) => isDomainError(error, 'eid', 'no-reader'));
    } finally {
      unlinkSync(switchFile('no-reader'));
    }
    // Plugging the reader in is enough: the same engine finds the card.
    assert.equal((await engine.card()).label, 'BELPIC');
  });

  it('reports eid/no-reader for a reader asked for that is not connected', async () => {
    const [reader] = await engine.readers();
    const elsewhere = new EidEngine({ modulePath: eid.modulePath, reader: `${reader.slot}ff` });
    await assert.rejects(elsewhere.card(), (error: unknown) => isDomainError(error, 'eid', 'no-reader'));
  });

  it('reports another smart card as NotAnEid, with its label, for reading and signing', async () => {
    writeFileSync(switchFile('token-label'), 'OpenPGP card\n');
    try {
      const [reader] = await engine.readers();
      assert.equal(reader.cardPresent, true, 'the reader holds a card, just not an eID');
      const notAnEid = (error: unknown) => error instanceof NotAnEid && error.label === 'OpenPGP card';
      await assert.rejects(engine.card(), notAnEid);
      await assert.rejects(engine.identity(), notAnEid);
      await assert.rejects(engine.signer('authentication', scriptedPrompter(eid.pin)), notAnEid);
    } finally {
      unlinkSync(switchFile('token-label'));
    }
    assert.equal((await engine.identity()).surname, eid.holder.surname);
  });

  it('says what to do, in four languages', () => {
    const noReader = new EidError('no-reader', 'no card reader');
    assert.match(errorMessage(noReader, 'fr'), /Aucun lecteur de carte trouvé/);
    assert.match(errorMessage(noReader, 'nl'), /Geen kaartlezer gevonden/);
    assert.match(errorMessage(noReader, 'en'), /No card reader found/);
    assert.match(errorMessage(noReader, 'de'), /Kein Kartenleser gefunden/);
    const other = new NotAnEid('OpenPGP card');
    assert.match(errorMessage(other, 'fr'), /«\u202fOpenPGP card\u202f».*carte d’identité électronique belge/);
    assert.match(errorMessage(other, 'nl'), /"OpenPGP card".*Belgische elektronische identiteitskaart/);
    assert.match(errorMessage(other, 'en'), /"OpenPGP card".*not a Belgian eID card/);
    assert.match(errorMessage(other, 'de'), /„OpenPGP card“.*belgischer elektronischer Personalausweis/);
  });
});
