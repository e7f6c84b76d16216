import * as assert from 'node:assert/strict';
import { outOfSync } from '../../../scripts/walkthroughs';
import { parseGuide } from '../../../src/guides/guideParser';
import { completionEvents, fullText, walkthroughGuides, walkthroughsOf } from '../../../src/guides/manifest';

const guide = (language: 'fr' | 'en', title: string, text: string) =>
  parseGuide(
    `---\nid: demo\ntitle: ${title}\naudience: [integrator]\nenvironment: [acceptance]\n---\n\nIntro.\n\n::: step #card check=eid.card action=ehealth.eid.selfTest\n## ${title}\n${text}\n:::\n\n::: step #mail\n## Mail\nWait.\n:::\n`,
    `/g/${language}/demo.md`,
    language,
  );

describe('generated walkthroughs', () => {
  const labels = (language: string) => ({ openChecklist: `open-${language}`, action: (action: string) => `${action}-${language}`, variant: (variant: string) => `${variant}-${language}` });
  const { walkthroughs, strings } = walkthroughsOf([guide('fr', 'Carte', 'Insérez la carte.'), guide('en', 'Card', 'Insert the card.')], labels, ['demo']);

  it('makes one walkthrough per chosen guide, each step with its own illustration, light and dark', () => {
    assert.equal(walkthroughs.length, 1);
    assert.equal(walkthroughs[0].steps[0].description, '%walkthrough.demo.card.description%');
    assert.deepEqual(walkthroughs[0].steps[0].media.image, {
      light: 'media/walkthroughs/demo/card-light.svg',
      dark: 'media/walkthroughs/demo/card-dark.svg',
      hc: 'media/walkthroughs/demo/card-dark.svg',
      hcLight: 'media/walkthroughs/demo/card-light.svg',
    });
    assert.equal(walkthroughsOf([guide('fr', 'Carte', 'x')], labels, []).walkthroughs.length, 0, 'a guide not chosen stays a checklist');
    assert.deepEqual(walkthroughGuides, ['get-started', 'request-personal-certificate', 'renew-certificate']);
  });

  it('completes a step once its action succeeded, never when the command merely started', () => {
    assert.deepEqual(walkthroughs[0].steps[0].completionEvents, ['onContext:ehealth.succeeded.eidSelfTest']);
    assert.deepEqual(completionEvents({ action: 'ehealth.cert.request', checks: ['keystore.found'] }), ['onContext:ehealth.succeeded.request']);
    // Completing a first certificate does not complete a renewal.
    assert.deepEqual(completionEvents({ action: 'ehealth.cert.completeRenewal', checks: [] }), ['onContext:ehealth.succeeded.completeRenewal']);
    assert.deepEqual(completionEvents({ action: 'ehealth.cert.complete', checks: [] }), ['onContext:ehealth.succeeded.complete']);
    assert.deepEqual(completionEvents({ action: 'ehealth.environment.select', checks: [] }), ['onContext:ehealth.check.environment.chosen']);
    assert.deepEqual(completionEvents({ action: 'ehealth.keystores.focus', checks: [] }), ['onView:ehealth.keystores']);
    assert.deepEqual(completionEvents({ checks: ['keystore.valid', 'keystore.renewable'] }), ['onContext:ehealth.check.keystore.valid && ehealth.check.keystore.renewable'], 'every check passes');
    assert.deepEqual(walkthroughs[0].steps[1].completionEvents, ['onStepSelected'], 'a step to read is done once read');
    for (const walkthrough of walkthroughs) for (const step of walkthrough.steps) assert.ok(!step.completionEvents.some((event) => event.startsWith('onCommand:')), step.id);
  });

  it("gives a step's full text: every paragraph and list item, bold and links kept, each variant named", () => {
    const html = '<p>First <strong>bold</strong> with <code>code</code> and <a href="https://eid.belgium.be">a link</a>.</p>\n<ol>\n<li>one</li>\n<li><p>two</p></li>\n</ol>\n<div class="variant" data-variant="os:linux">\n<p>On Linux.</p>\n</div>\n<ul><li>dot</li></ul>';
    assert.equal(fullText(html, (variant) => variant.toUpperCase()), 'First **bold** with `code` and [a link](https://eid.belgium.be).\n1. one\n2. two\n**OS:LINUX**\nOn Linux.\n• dot');
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
    const generated = walkthroughsOf([revoke], () => ({ openChecklist: 'open', action: (action) => action, variant: (variant) => variant }), ['demo']);
    assert.match(generated.strings.fr['walkthrough.demo.revoke.description'], /\[ehealth\.authority\.revoke\]\(command:ehealth\.authority\.focus\)/);
    assert.deepEqual(generated.walkthroughs[0].steps[0].completionEvents, ['onContext:ehealth.succeeded.revoke']);
  });

  it('is in sync with the guides in package.json and package.nls.*.json (run "npm run walkthroughs")', async () => {
    assert.deepEqual(await outOfSync(), []);
  });
});
