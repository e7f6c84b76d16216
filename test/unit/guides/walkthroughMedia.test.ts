// Each walkthrough step's illustration is chosen by its button or named for its step id, never
// guessed from words in the id: a renamed or new step without one is caught here.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadGuides } from '../../../src/guides/guideLoader';
import { walkthroughGuides } from '../../../src/guides/manifest';
import { illustrationPositions, motifOf, stepIllustration } from '../../../src/guides/walkthroughMedia';

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

  it('numbers alternatives as one step (the reader sees one of them), and draws that number among that total', () => {
    const windows = { dimension: 'os', value: 'windows' } as const;
    const linux = { dimension: 'os', value: 'linux' } as const;
    const production = { dimension: 'environment', value: 'production' } as const;
    assert.deepEqual(
      illustrationPositions([{}, { variant: windows }, { variant: linux }, { variant: production }, {}]).map(({ index }) => index),
      [0, 1, 1, 2, 3],
    );
    assert.deepEqual(illustrationPositions([{ variant: windows }, { variant: windows }]).map(({ index }) => index), [0, 1], 'the same variant twice is two steps');
    assert.equal(illustrationPositions([{}, { variant: windows }, { variant: linux }])[2].total, 2);
    const drawn = stepIllustration({ id: 'eid-software', checks: [] }, 1, 2, 'light');
    assert.match(drawn, />2<\/text>/);
    assert.equal([...drawn.matchAll(/cy="286"/g)].length, 2, 'one dot per step the reader sees');
  });
});
