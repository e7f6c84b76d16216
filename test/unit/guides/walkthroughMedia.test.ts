// Each walkthrough step's illustration is chosen by its button or named for its step id, never
// guessed from words in the id: a renamed or new step without one is caught here.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadGuides } from '../../../src/guides/guideLoader';
import { walkthroughGuides } from '../../../src/guides/manifest';
import { motifOf } from '../../../src/guides/walkthroughMedia';

describe('walkthrough illustrations', () => {
  it('names a motif for every step of the three walkthroughs (the keystore only for the Keystores step)', async () => {
    const guides = await loadGuides(path.resolve(__dirname, '..', '..', '..', 'guides'));
    const steps = guides.filter((guide) => (walkthroughGuides as readonly string[]).includes(guide.id)).flatMap((guide) => guide.steps);
    assert.ok(steps.length >= 18, `${steps.length} steps`);
    const unnamed = steps.filter((step) => motifOf(step) === 'keystore' && step.action !== 'ehealth.keystores.focus').map((step) => step.id);
    assert.deepEqual([...new Set(unnamed)], []);
    assert.equal(motifOf({ id: 'renewal-window' }), 'calendar');
    // An id that merely contains a word gets no motif from it.
    assert.equal(motifOf({ id: 'pin-renewal-password' }), 'keystore');
  });
});
