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
      ['front-matter-missing', 'step-id-missing', 'step-title-missing', 'variant-outside-step'],
    );
  });
});

describe('guide parser: structure as typed', () => {
  const head = '---\nid: x\ntitle: X\naudience: [integrator]\nenvironment: [acceptance]\n---\n\nIntro.\n\n';
  /** Lines 1-9 are the head: the body starts on line 10. */
  const parse = (body: string) => parseGuide(head + body, '/g/fr/x.md', 'fr');
  const problems = (body: string) => parse(body).problems.map(({ code, line, detail }) => [code, line, detail]);
  const stepA = '::: step #a\n## A\nText a.\n:::\n';

  it('finds nothing wrong in steps closed and variants nested as the writing guide shows', () => {
    assert.deepEqual(problems(`${stepA}\n::: step #b\n## B\n::: variant os:linux\nLinux.\n:::\nAfter.\n:::\n`), []);
  });

  it('reports a step left open once, at its own fence, when the next step opens (not at the end of the file)', () => {
    const guide = parse('::: step #a\n## A\nText a.\n\n::: step #b\n## B\nText b.\n:::\n\n::: step #c\n## C\nText c.\n:::\n');
    assert.deepEqual(guide.problems.map(({ code, line, detail }) => [code, line, detail]), [['step-unclosed', 10, '#a']]);
    // Read as meant: three steps, none inside another, at their own lines.
    assert.deepEqual(guide.steps.map((step) => [step.id, step.line, step.html.trim()]), [
      ['a', 10, '<p>Text a.</p>'],
      ['b', 14, '<p>Text b.</p>'],
      ['c', 19, '<p>Text c.</p>'],
    ]);
  });

  it('reports the last step left open at its fence', () => {
    assert.deepEqual(problems(`${stepA}\n::: step #b\n## B\nText b.\n`), [['step-unclosed', 15, '#b']]);
  });

  it('reports a stray ":::" at its line, and keeps it out of the text', () => {
    const guide = parse(`${stepA}:::\n\n::: step #b\n## B\nText b.\n:::\n`);
    assert.deepEqual(guide.problems.map(({ code, line }) => [code, line]), [['fence-stray', 14]]);
    assert.doesNotMatch(guide.introHtml + guide.steps.map((step) => step.html).join(''), /:::/);
    assert.deepEqual(guide.steps.map((step) => step.id), ['a', 'b']);
  });

  it('reports text after the last step once, at its first line', () => {
    assert.deepEqual(problems(`${stepA}\nAfter the last step.\nMore.\n\nAnd more.\n`), [['text-outside-step', 15, 'After the last step.']]);
    assert.deepEqual(problems(`${stepA}\n<!-- a note after the steps -->\n\n`), []);
  });

  it('reports a step nested in a step once, at the inner step', () => {
    assert.deepEqual(problems('::: step #a\n## A\nText.\n::: step #b\n## B\nInner.\n:::\n:::\n'), [['step-nested', 13, '#b']]);
  });

  it('reports an unknown container with the kind meant, and a variant left open outside a step', () => {
    const guide = parse('::: stpe #a\n## A\n:::\n');
    assert.deepEqual(guide.problems.map(({ code, line, detail, suggestion }) => [code, line, detail, suggestion]), [['container-unknown', 10, 'stpe', 'step']]);
    assert.deepEqual(problems('::: variant os:linux\nLinux.\n'), [['container-unclosed', 10, 'variant os:linux'], ['variant-outside-step', 10, undefined]]);
  });

  it('leaves fences inside fenced code alone', () => {
    assert.deepEqual(problems('::: step #a\n## A\n```\n:::\n::: step #z\n```\n:::\n'), []);
  });
});

describe('guide parser: front matter', () => {
  const guide = (text: string) => parseGuide(text, '/g/fr/x.md', 'fr');
  const file = '---\nid: x\ntitle: X\naudience: [integrator]\nenvironment: [acceptance]\n---\n\n::: step #a\n## A\n:::\n';

  it('accepts a UTF-8 byte-order mark before the front matter', () => {
    const read = guide(`\uFEFF${file}`);
    assert.deepEqual(read.problems, []);
    assert.equal(read.id, 'x');
    assert.equal(read.steps[0].line, 8);
  });

  it('reports a YAML error at its line in the file, once', () => {
    const read = guide(file.replace('audience: [integrator]', 'audience: [integrator'));
    assert.deepEqual(read.problems.map(({ code, line }) => [code, line]), [['front-matter-invalid', 5]]);
  });

  it('reports an unknown key at its line, with the key meant (not also that key missing)', () => {
    const read = guide(file.replace('environment:', 'enviroment:'));
    assert.deepEqual(read.problems.map(({ code, line, detail, suggestion }) => [code, line, detail, suggestion]), [['front-matter-key-unknown', 5, 'enviroment', 'environment']]);
    const other = guide(file.replace('environment:', 'where:'));
    assert.deepEqual(other.problems.map(({ code, detail }) => [code, detail]), [
      ['front-matter-key-unknown', 'where'],
      ['field-missing', 'environment'],
    ]);
  });

  it('reports a step attribute written twice, and keeps the first', () => {
    const read = guide(file.replace('::: step #a', '::: step #a check=eid.card check=eid.pin action=ehealth.cert.renew action=ehealth.cert.request'));
    assert.deepEqual(read.problems.map(({ code, line, detail }) => [code, line, detail]), [
      ['step-attribute-repeated', 8, 'check=eid.pin'],
      ['step-attribute-repeated', 8, 'action=ehealth.cert.request'],
    ]);
    assert.deepEqual([read.steps[0].checks, read.steps[0].action], [['eid.card'], 'ehealth.cert.renew']);
  });

  it('reports an unknown step attribute with the attribute meant', () => {
    const read = guide(file.replace('::: step #a', '::: step #a chek=eid.card'));
    assert.deepEqual(read.problems.map(({ code, line, detail, suggestion }) => [code, line, detail, suggestion]), [['step-attribute-unknown', 8, 'chek=eid.card', 'check=']]);
  });

  it('takes a bare word where the id goes for an id without its "#": one message', () => {
    const read = guide(file.replace('::: step #a', '::: step prepare check=eid.card'));
    assert.deepEqual(read.problems.map(({ code, line, detail, suggestion }) => [code, line, detail, suggestion]), [['step-attribute-unknown', 8, 'prepare', '#prepare']]);
    const empty = guide(file.replace('::: step #a', '::: step # check=eid.card'));
    assert.deepEqual(empty.problems.map(({ code }) => code), ['step-id-missing']);
  });
});

describe('guide parser: translator notes', () => {
  const read = parseGuide(
    '---\nid: x\ntitle: X\naudience: [integrator]\nenvironment: [acceptance]\n---\n\nIntro <!-- keep short -->.\n\n<!--\nA note\non lines\n-->\n\n::: step #a <!-- said "step" on purpose -->\n## A\nText <!-- inline note --> here, and `<!-- code -->`.\n:::\n',
    '/g/fr/x.md',
    'fr',
  );

  it('never shows them, inline or on their own lines, and keeps line numbers', () => {
    assert.deepEqual(read.problems, []);
    assert.doesNotMatch(read.introHtml + read.steps[0].html, /note|keep short|&lt;!--(?! code)/);
    assert.match(read.steps[0].html, /<code>&lt;!-- code --&gt;<\/code>/);
    assert.deepEqual(read.steps.map((step) => [step.id, step.line]), [['a', 15]]);
  });
});
