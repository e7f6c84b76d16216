// Readers and cards that are not what the engine looks for: no reader connected at all, a reader
// holding another smart card, a reader asked for that is not there. Simulated by the shim's
// switch files `no-reader` and `token-label`.
import { strict as assert } from 'node:assert';
import { unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EidEngine, NoReader, NotAnEid } from '../../../src/eid';
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

  it('with no reader connected, lists none and reports NoReader', async () => {
    writeFileSync(switchFile('no-reader'), '');
    try {
      assert.deepEqual(await engine.readers(), []);
      await assert.rejects(engine.card(), NoReader);
      await assert.rejects(engine.identity(), NoReader);
      await assert.rejects(engine.verifyPin(scriptedPrompter(eid.pin)), NoReader);
    } finally {
      unlinkSync(switchFile('no-reader'));
    }
    // Plugging the reader in is enough: the same engine finds the card.
    assert.equal((await engine.card()).label, 'BELPIC');
  });

  it('reports NoReader for a reader asked for that is not connected', async () => {
    const [reader] = await engine.readers();
    const elsewhere = new EidEngine({ modulePath: eid.modulePath, reader: `${reader.slot}ff` });
    await assert.rejects(elsewhere.card(), NoReader);
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
    const noReader = new NoReader();
    assert.match(noReader.userMessage('fr'), /Aucun lecteur de carte trouvé/);
    assert.match(noReader.userMessage('nl'), /Geen kaartlezer gevonden/);
    assert.match(noReader.userMessage('en'), /No card reader found/);
    assert.match(noReader.userMessage('de'), /Kein Kartenlesegerät gefunden/);
    const other = new NotAnEid('OpenPGP card');
    assert.match(other.userMessage('fr'), /« OpenPGP card ».*carte d'identité électronique belge/);
    assert.match(other.userMessage('nl'), /"OpenPGP card".*Belgische elektronische identiteitskaart/);
    assert.match(other.userMessage('en'), /"OpenPGP card".*not a Belgian eID card/);
    assert.match(other.userMessage('de'), /„OpenPGP card“.*belgischer elektronischer Personalausweis/);
  });
});
