import * as assert from 'node:assert/strict';
import { parseGuide } from '../../../src/guides/guideParser';

const source = `---
id: sample
title: Exemple
audience: [integrator]
environment: [acceptance]
commands: [ehealth.cert.request]
---

Introduction **importante**.

::: step #prepare check=eid.middleware,eid.card
## Préparer l'eID
Ayez votre carte <b>et</b> son code PIN.

::: variant os:windows
Ouvrez le menu Démarrer.
:::

Suite de l'étape.
:::

::: step #send action=ehealth.cert.request variant=holder:person
## Envoyer
![Lecteur](../images/reader.svg)
:::
`;

describe('guide parser', () => {
  const guide = parseGuide(source, '/guides/fr/sample.md', 'fr', { resolveImage: (src) => `webview://${src}` });

  it('reads the front matter', () => {
    assert.equal(guide.id, 'sample');
    assert.equal(guide.title, 'Exemple');
    assert.deepEqual(guide.audience, ['integrator']);
    assert.deepEqual(guide.commands, ['ehealth.cert.request']);
    assert.deepEqual(guide.problems, []);
  });

  it('cuts the steps with their checks, action, variant, title and line', () => {
    assert.deepEqual(
      guide.steps.map((step) => [step.id, step.title, step.checks, step.action, step.variant, step.line]),
      [
        ['prepare', "Préparer l'eID", ['eid.middleware', 'eid.card'], undefined, undefined, 11],
        ['send', 'Envoyer', [], 'ehealth.cert.request', { dimension: 'holder', value: 'person' }, 22],
      ],
    );
  });

  it('keeps nested variant blocks inside their step, closed by the same ":::" fence', () => {
    const [prepare] = guide.steps;
    assert.match(prepare.html, /<div class="variant" data-variant="os:windows">\s*<p>Ouvrez le menu Démarrer.<\/p>\s*<\/div>/);
    assert.match(prepare.html, /Suite de l’étape|Suite de l'étape/);
  });

  it('never renders raw HTML', () => {
    assert.match(guide.steps[0].html, /&lt;b&gt;et&lt;\/b&gt;/);
    assert.doesNotMatch(guide.steps[0].html, /<b>/);
    assert.match(guide.introHtml, /<strong>importante<\/strong>/);
  });

  it('sends images through the resolver, and drops those it refuses', () => {
    assert.match(guide.steps[1].html, /<img src="webview:\/\/..\/images\/reader.svg" alt="Lecteur">/);
    const refused = parseGuide(source, '/guides/fr/sample.md', 'fr', { resolveImage: () => undefined });
    assert.doesNotMatch(refused.steps[1].html, /<img/);
  });

  it('reports what it cannot read instead of failing', () => {
    const broken = parseGuide('no front matter\n\n::: step check=eid.card\ntext\n:::\n\n::: variant os:beos\nx\n:::\n', '/g/fr/x.md', 'fr');
    assert.deepEqual(
      broken.problems.map((problem) => problem.code),
      ['front-matter-missing', 'field-missing', 'field-missing', 'field-missing', 'field-missing', 'step-id-missing', 'step-title-missing', 'variant-outside-step'],
    );
  });
});
