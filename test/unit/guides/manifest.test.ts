import * as assert from 'node:assert/strict';
import { outOfSync } from '../../../scripts/walkthroughs';
import { parseGuide } from '../../../src/guides/guideParser';
import { walkthroughsOf } from '../../../src/guides/manifest';

const guide = (language: 'fr' | 'en', title: string, text: string) =>
  parseGuide(
    `---\nid: demo\ntitle: ${title}\naudience: [integrator]\nenvironment: [acceptance]\n---\n\nIntro.\n\n::: step #card check=eid.card action=ehealth.eid.selfTest\n## ${title}\n${text}\n:::\n\n::: step #mail\n## Mail\nWait.\n:::\n`,
    `/g/${language}/demo.md`,
    language,
  );

describe('generated walkthroughs', () => {
  const { walkthroughs, strings } = walkthroughsOf([guide('fr', 'Carte', 'Insérez la carte.'), guide('en', 'Card', 'Insert the card.')], (language) => ({
    openChecklist: `open-${language}`,
    action: (action) => `${action}-${language}`,
  }));

  it('makes one walkthrough per guide, with completion tied to the checks and the action', () => {
    assert.equal(walkthroughs.length, 1);
    assert.deepEqual(walkthroughs[0].steps[0].completionEvents, ['onContext:ehealth.check.eid.card', 'onCommand:ehealth.eid.selfTest']);
    assert.deepEqual(walkthroughs[0].steps[1].completionEvents, []);
    assert.equal(walkthroughs[0].steps[0].description, '%walkthrough.demo.card.description%');
  });

  it('keeps every string, command links included, in the nls files of each language', () => {
    assert.equal(strings.fr['walkthrough.demo.card.description'], 'Insérez la carte.\n[ehealth.eid.selfTest-fr](command:ehealth.eid.selfTest)\n[open-fr](command:ehealth.guides.open?%5B%22demo%22%5D)');
    assert.equal(strings.en['walkthrough.demo.card.title'], 'Card');
    assert.equal(strings.nl['walkthrough.demo.card.title'], 'Carte', 'a missing translation falls back to French');
  });

  it("links a revocation with the eID to the view of eHealth's certificates: a link has no holder to revoke for", () => {
    const revoke = parseGuide(
      `---\nid: demo\ntitle: Révoquer\naudience: [integrator]\nenvironment: [acceptance]\n---\n\n::: step #revoke action=ehealth.authority.revoke\n## Révoquer\nRévoquez.\n:::\n`,
      '/g/fr/demo.md',
      'fr',
    );
    const generated = walkthroughsOf([revoke], () => ({ openChecklist: 'open', action: (action) => action }));
    assert.match(generated.strings.fr['walkthrough.demo.revoke.description'], /\[ehealth\.authority\.revoke\]\(command:ehealth\.authority\.focus\)/);
    assert.deepEqual(generated.walkthroughs[0].steps[0].completionEvents, ['onCommand:ehealth.authority.revoke']);
  });

  it('is in sync with the guides in package.json and package.nls.*.json (run "npm run walkthroughs")', async () => {
    assert.deepEqual(await outOfSync(), []);
  });
});
