import * as assert from 'node:assert/strict';
import { PinIncorrect } from '../../../src/eid/errors';
import { errorMessage } from '../../../src/faces/errors';
import { translate, translator, type Language, type MessageKey, type MessageParams } from '../../../src/i18n';
import { warningText } from '../../../src/i18n/keystoreText';

// French: 0 and 1 are singular; English: only 1.
const counts = [0, 1, 2];
const forCounts = (language: Language, key: MessageKey, params: MessageParams = {}) => counts.map((count) => translate(language, key, { ...params, count }));

describe('messages that count', () => {
  it('the checklist progress: "1 étape sur 7 terminée", "2 étapes sur 7 terminées"', () => {
    assert.deepEqual(forCounts('fr', 'guide.progress', { total: 7 }), ['0 étape sur 7 terminée', '1 étape sur 7 terminée', '2 étapes sur 7 terminées']);
    assert.deepEqual(forCounts('en', 'guide.progress', { total: 7 }), ['0 of 7 steps done', '1 of 7 steps done', '2 of 7 steps done']);
  });

  it('the keystores of a folder', () => {
    assert.deepEqual(forCounts('fr', 'keystore.folder.count'), ['0 keystore', '1 keystore', '2 keystores']);
    assert.deepEqual(forCounts('en', 'keystore.folder.count'), ['0 keystores', '1 keystore', '2 keystores']);
  });

  it('the days before a certificate expires', () => {
    assert.deepEqual(forCounts('fr', 'view.status.renewable'), ['à renouveler\u00a0: expire dans 0 jour', 'à renouveler\u00a0: expire dans 1 jour', 'à renouveler\u00a0: expire dans 2 jours']);
    assert.deepEqual(forCounts('en', 'view.status.renewable'), ['renew now: expires in 0 days', 'renew now: expires in 1 day', 'renew now: expires in 2 days']);
    assert.deepEqual(forCounts('fr', 'eid.validity.expiring-soon'), ['expire dans 0 jour', 'expire dans 1 jour', 'expire dans 2 jours']);
    assert.deepEqual(forCounts('en', 'eid.validity.expiring-soon'), ['expires in 0 days', 'expires in 1 day', 'expires in 2 days']);
  });

  it('the days a certificate is valid, in a keystore warning that carries them as `days`', () => {
    const warning = (language: Language) => counts.map((days) => warningText({ code: 'validity-not-three-years', params: { days } }, translator(language)));
    assert.deepEqual(warning('fr').map((text) => /valable (\d+ jours?)/.exec(text)?.[1]), ['0 jour', '1 jour', '2 jours']);
    assert.deepEqual(warning('en').map((text) => /valid (\d+ days?)/.exec(text)?.[1]), ['0 days', '1 day', '2 days']);
  });

  it('the PIN tries left, in the error of a wrong PIN', () => {
    assert.equal(errorMessage(new PinIncorrect(1), 'fr'), 'Le code PIN est incorrect. Il reste 1 essai avant le blocage de la carte.');
    assert.equal(errorMessage(new PinIncorrect(2), 'fr'), 'Le code PIN est incorrect. Il reste 2 essais avant le blocage de la carte.');
    assert.equal(errorMessage(new PinIncorrect(1), 'en'), 'The PIN is not correct. 1 try left before the card locks.');
    assert.equal(errorMessage(new PinIncorrect(2), 'en'), 'The PIN is not correct. 2 tries left before the card locks.');
    assert.equal(errorMessage(new PinIncorrect(), 'en'), 'The PIN is not correct.');
  });

  it('the iterations of a key derivation: French "many" (a million) takes the other form', () => {
    assert.equal(translate('fr', 'cli.inspect.iterations', { count: 1_000_000 }), '1000000 itérations');
    assert.deepEqual(forCounts('fr', 'cli.inspect.iterations'), ['0 itération', '1 itération', '2 itérations']);
  });
});
