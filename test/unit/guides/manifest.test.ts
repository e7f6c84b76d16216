import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { walkthroughLabels } from '../../../src/faces/walkthroughLabels';
import { loadGuides } from '../../../src/guides/guideLoader';
import { parseGuide } from '../../../src/guides/guideParser';
import { completionEvents, fullText, summary, variantWhen, walkthroughGuides, walkthroughsOf, type ManifestLabels } from '../../../src/guides/manifest';
import { staleWalkthroughFiles } from '../../../src/guides/walkthroughSync';

const guide = (language: 'fr' | 'en', title: string, text: string) =>
  parseGuide(
    `---\nid: demo\ntitle: ${title}\naudience: [integrator]\nenvironment: [acceptance]\n---\n\nIntro.\n\n::: step #card check=eid.card action=ehealth.eid.selfTest\n## ${title}\n${text}\n:::\n\n::: step #mail\n## Mail\nWait.\n:::\n`,
    `/g/${language}/demo.md`,
    language,
  );

describe('generated walkthroughs', () => {
  const labels = (language: string): ManifestLabels => ({
    openChecklist: `open-${language}`,
    action: (action) => `${action}-${language}`,
    variant: (variant) => `${variant}-${language}`,
    illustration: (number, total, title) => `${number}/${total} ${title} (${language})`,
  });
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
    const generated = walkthroughsOf([revoke], labels, ['demo']);
    assert.match(generated.strings.fr['walkthrough.demo.revoke.description'], /\[ehealth\.authority\.revoke-fr\]\(command:ehealth\.authority\.focus\)/);
    assert.deepEqual(generated.walkthroughs[0].steps[0].completionEvents, ['onContext:ehealth.succeeded.revoke']);
  });

  describe('a step written for one variant', () => {
    const variants = parseGuide(
      [
        '---\nid: demo\ntitle: Variantes\naudience: [integrator]\nenvironment: [acceptance]\n---\n',
        ...['os:windows', 'os:macos', 'os:linux', 'environment:production', 'environment:acceptance', 'holder:person', 'holder:organisation', 'mode:manual'].map(
          (variant) => `::: step #${variant.replace(':', '-')} variant=${variant}\n## ${variant}\nTexte.\n:::\n`,
        ),
        '::: step #all\n## Tous\nTexte.\n:::\n',
      ].join('\n'),
      '/g/fr/demo.md',
      'fr',
    );
    const generated = walkthroughsOf([variants], labels, ['demo']);
    const step = (id: string) => generated.walkthroughs[0].steps.find((candidate) => candidate.id === id) ?? assert.fail(id);

    it("shows only where it applies: the system by VS Code's keys, the environment by the extension's setting", () => {
      assert.equal(step('os-windows').when, 'isWindows');
      assert.equal(step('os-macos').when, 'isMac');
      assert.equal(step('os-linux').when, 'isLinux');
      assert.equal(step('environment-production').when, "config.ehealth.environment == 'production'");
      // The sandbox rehearses what acceptance does.
      assert.equal(step('environment-acceptance').when, "config.ehealth.environment != 'production'");
      assert.equal(step('all').when, undefined, 'a step for everyone always shows');
      assert.equal(variantWhen(undefined), undefined);
    });

    it('always shows a holder or validation-mode step, named by its variant: VS Code cannot tell which the reader chose', () => {
      for (const id of ['holder-person', 'holder-organisation', 'mode-manual']) assert.equal(step(id).when, undefined, id);
      assert.match(generated.strings.fr['walkthrough.demo.holder-organisation.description'], /^\*\*holder:organisation-fr\*\*\nTexte\./);
      assert.match(generated.strings.en['walkthrough.demo.os-windows.description'], /^\*\*os:windows-en\*\*\n/);
      assert.doesNotMatch(generated.strings.fr['walkthrough.demo.all.description'], /\*\*/);
    });

    it('names variants in words in each language (not the dimension:value code)', () => {
      assert.equal(walkthroughLabels('fr').variant('holder:organisation'), 'Titulaire\u00a0: organisation');
      assert.equal(walkthroughLabels('en').variant('os:macos'), 'System: macOS');
    });

    it('gives every step its own illustration, whose text alternative is that step, in its language, numbered as its reader sees it', () => {
      const steps = generated.walkthroughs[0].steps;
      assert.equal(new Set(steps.map((candidate) => candidate.media.image.light)).size, steps.length);
      assert.equal(new Set(steps.map((candidate) => candidate.media.image.dark)).size, steps.length);
      for (const candidate of steps) assert.equal(candidate.media.altText, `%walkthrough.demo.${candidate.id}.media%`);
      // Windows, macOS and Linux are one step for the reader; so are production and acceptance, person and organisation.
      assert.equal(generated.strings.fr['walkthrough.demo.os-linux.media'], '1/5 os:linux (fr)');
      assert.equal(generated.strings.de['walkthrough.demo.environment-acceptance.media'], '2/5 environment:acceptance (de)');
      assert.equal(generated.strings.fr['walkthrough.demo.holder-organisation.media'], '3/5 holder:organisation (fr)');
      assert.equal(generated.strings.fr['walkthrough.demo.mode-manual.media'], '4/5 mode:manual (fr)');
      assert.equal(generated.strings.fr['walkthrough.demo.all.media'], '5/5 Tous (fr)');
      assert.equal(walkthroughLabels('fr').illustration(2, 7, 'Préparer l’eID'), 'Étape 2 sur 7\u00a0: Préparer l’eID');
      // Every placeholder (VS Code replaces only a whole-string %key%) has its words in every language.
      const placeholders = steps.flatMap((candidate) => [candidate.title, candidate.description, candidate.media.altText]);
      for (const table of Object.values(generated.strings)) assert.deepEqual(placeholders.filter((text) => !(text.slice(1, -1) in table)), []);
    });
  });

  describe('text never cut in the middle of a list', () => {
    it("describes a walkthrough with the introduction's whole sentences, never stopping inside the enumeration or list a sentence announces", () => {
      const intro =
        '<p>This extension manages your <strong>eHealth</strong> certificates. In four steps you choose where to work, check your eID, find your keystores and, if you like, rehearse the whole journey in the sandbox, without sending anything. Then the guides follow.</p>';
      assert.equal(summary(intro), 'This extension manages your **eHealth** certificates.');
      assert.equal(summary(intro, 1000), 'This extension manages your **eHealth** certificates. In four steps you choose where to work, check your eID, find your keystores and, if you like, rehearse the whole journey in the sandbox, without sending anything. Then the guides follow.');
      // A first sentence longer than the limit stays whole.
      assert.equal(summary('<p>This guide covers: getting your eID ready, sending the request, waiting for eHealth.</p>', 20), 'This guide covers: getting your eID ready, sending the request, waiting for eHealth.');
      assert.equal(summary('<p>Un certificat est valable trois ans. Il se renouvelle à partir de trois mois avant sa fin\u202f; eHealth vous prévient.</p>', 60), 'Un certificat est valable trois ans.');
    });

    it('gives each item of a list its own line, nested lists too, so VS Code shows them as separate lines', () => {
      const html = '<p>The button asks, in this order:</p>\n<ol>\n<li>your PIN;</li>\n<li>the holder:<ul><li>yourself,</li><li>an organisation;</li></ul></li>\n<li>a password.</li>\n</ol>';
      assert.deepEqual(fullText(html, (variant) => variant).split('\n'), ['The button asks, in this order:', '1. your PIN;', '2. the holder:', '• yourself,', '• an organisation;', '3. a password.']);
    });

    it('keeps every shipped walkthrough description whole: no "…", every list item of the guide on a line of its own', async () => {
      const guides = await loadGuides(path.resolve(__dirname, '..', '..', '..', 'guides'));
      const { strings } = walkthroughsOf(guides, walkthroughLabels);
      for (const [language, table] of Object.entries(strings)) {
        for (const [name, text] of Object.entries(table)) assert.ok(!text.endsWith('…'), `${language} ${name} is cut`);
      }
      for (const guide of guides.filter((candidate) => (walkthroughGuides as readonly string[]).includes(candidate.id))) {
        for (const step of guide.steps) {
          const lines = strings[guide.language][`walkthrough.${guide.id}.${step.id}.description`].split('\n');
          const items = [...step.html.matchAll(/<li>/g)].length;
          assert.equal(lines.filter((line) => /^(\d+\. |• )/.test(line)).length, items, `${guide.language}/${guide.id} #${step.id}`);
        }
      }
    });
  });

  it('is in sync with the guides in package.json and package.nls.*.json (run "npm run walkthroughs")', async () => {
    assert.deepEqual(await staleWalkthroughFiles(path.resolve(__dirname, '..', '..', '..'), walkthroughLabels), []);
  });
});
