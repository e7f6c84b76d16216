import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintGuides, type LintMessage } from '../../../src/guides/guideLint';
import { readGuideFolder } from '../../../src/guides/guideLoader';

const guideFile = (id: string, title: string, steps: string) => `---
id: ${id}
title: ${title}
audience: [integrator]
environment: [acceptance]
---

Intro.

${steps}`;

/** Whether a translation is marked with its French version is translation.test.ts's matter. */
const translationVersions = new Set(['translation-unmarked', 'outdated', 'outdated-text-unknown']);

/** The linter's messages on a folder made of `files` (a path ending in "/" is an empty folder). */
async function lintMessages(files: Record<string, string>, { withVersions = false } = {}): Promise<(LintMessage & { file: string })[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'guides-'));
  try {
    for (const [relative, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      if (relative.endsWith('/')) mkdirSync(path.join(root, relative), { recursive: true });
      else writeFileSync(path.join(root, relative), content);
    }
    const folder = (await readGuideFolder(root))!;
    return [...folder.problems, ...lintGuides(folder.inputs)]
      .filter((message) => withVersions || !translationVersions.has(message.code))
      .map((message) => ({ ...message, file: path.relative(root, message.file) || '.' }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function lintFolder(files: Record<string, string>) {
  return (await lintMessages(files)).map((message) => [message.file, message.line, message.code, message.detail]);
}

const step = (id: string, attributes: string, title: string, body: string) => `::: step #${id}${attributes ? ` ${attributes}` : ''}\n## ${title}\n${body}\n:::\n`;

describe('guide linter', () => {
  it('passes a guide and its translation that follow the format', async () => {
    const messages = await lintFolder({
      'fr/demo.md': guideFile('demo', 'Démo', step('one', 'check=eid.card', 'Insérer la carte', 'Glissez la carte dans le lecteur, puce vers le haut.')),
      'en/demo.md': guideFile('demo', 'Demo', step('one', 'check=eid.card', 'Insert the card', 'Slide the card into the reader, chip up.')),
    });
    assert.deepEqual(messages, []);
  });

  it('refuses raw HTML, unknown checks and actions, bad ids and links', async () => {
    const messages = await lintFolder({
      'fr/demo.md': guideFile(
        'other-id',
        'Démo',
        step('One', 'check=eid.telepathy action=workbench.action.terminal.new', 'Titre', 'Texte <script>alert(1)</script> [x](ftp://example.org/x) ![](missing.svg)') +
          step('One', '', 'Encore', '<div>bloc</div>'),
      ),
    });
    assert.deepEqual(
      messages.map(([, , code, detail]) => [code, detail]),
      [
        ['id-mismatch', 'other-id ≠ demo'],
        ['step-id-invalid', 'One'],
        ['check-unknown', 'eid.telepathy'],
        ['action-unknown', 'workbench.action.terminal.new'],
        ['raw-html', '<script>'],
        ['raw-html', '</script>'],
        ['link-scheme', 'ftp://example.org/x'],
        ['image-alt-missing', 'missing.svg'],
        ['link-broken', 'missing.svg'],
        ['step-id-invalid', 'One'],
        ['step-id-duplicate', 'One'],
        ['raw-html', '<div>bloc</div>'],
      ],
    );
  });

  it('checks asks=: known questions, an action, and a numbered list with one item per question', async () => {
    const list = (...items: string[]) => items.map((item, index) => `${index + 1}. ${item}`).join('\n');
    const messages = await lintFolder({
      'fr/demo.md': guideFile(
        'demo',
        'Démo',
        step('good', 'action=ehealth.cert.renew asks=keystore-password,pin', 'Renouveler', `Le bouton demande :\n\n${list('le mot de passe', 'le PIN')}`) +
          step('short', 'action=ehealth.cert.renew asks=keystore-password,contract,pin', 'Court', `Le bouton demande :\n\n${list('le mot de passe', 'le PIN')}`) +
          step('odd', 'asks=telepathy', 'Bizarre', list('une pensée')),
      ),
    });
    assert.deepEqual(
      messages.map(([, , code, detail]) => [code, detail]),
      [
        ['asks-list-differs', 'short: asks 3 questions, the first ordered list has 2 items'],
        ['question-unknown', 'telepathy'],
        ['asks-without-action', 'odd'],
      ],
    );
  });

  it('checks that every language has the French steps, in order, with the same checks and actions', async () => {
    const french = guideFile('demo', 'Démo', step('a', 'check=eid.card', 'Carte', 'Insérez votre carte eID dans le lecteur.') + step('b', 'action=ehealth.cert.request', 'Demande', 'Envoyez la demande au service eHealth.'));
    const messages = await lintFolder({
      'fr/demo.md': french,
      'fr/only-french.md': guideFile('only-french', 'Seul', step('a', '', 'Titre', 'Texte.')),
      'nl/demo.md': guideFile('demo', 'Demo', step('b', 'action=ehealth.cert.request', 'Aanvraag', 'Stuur de aanvraag.') + step('a', 'check=eid.card', 'Kaart', 'Steek de kaart in de lezer.')),
      'nl/only-french.md': guideFile('only-french', 'Alleen', step('a', '', 'Titel', 'Tekst.')),
      'de/demo.md': guideFile('demo', 'Demo', step('a', 'check=eid.reader', 'Karte', 'Insérez votre carte eID dans le lecteur.') + step('b', 'action=ehealth.cert.request', 'Antrag', 'Antrag senden.')),
      'de/extra.md': guideFile('extra', 'Extra', step('a', '', 'Titel', 'Text.')),
    });
    assert.deepEqual(
      messages.map(([file, , code]) => [file, code]),
      [
        ['de/demo.md', 'step-attributes-differ'],
        ['de/demo.md', 'untranslated'],
        ['de/extra.md', 'translation-extra'],
        ['fr/only-french.md', 'translation-missing'],
        ['nl/demo.md', 'steps-differ'],
      ],
    );
  });

  it('checks that translations keep the front matter and the variant parts of each step', async () => {
    const withParts = (first: string, second: string) => `::: step #a\n## Titre\nTexte commun.\n\n::: variant ${first}\nUn.\n:::\n\n::: variant ${second}\nDeux.\n:::\n:::\n`;
    const messages = await lintFolder({
      'fr/demo.md': guideFile('demo', 'Démo', withParts('os:windows', 'os:linux')),
      'en/demo.md': guideFile('demo', 'Demo', withParts('os:linux', 'os:windows')),
      'de/demo.md': guideFile('demo', 'Demo', withParts('os:windows', 'os:linux')).replace('audience: [integrator]', 'audience: [developer]'),
    });
    assert.deepEqual(
      messages.map(([file, , code]) => [file, code]),
      [
        ['de/demo.md', 'front-matter-differs'],
        ['en/demo.md', 'step-attributes-differ'],
      ],
    );
  });

  it('names only what differs, as written, at the line of the key or the step', async () => {
    const messages = await lintFolder({
      'fr/demo.md': guideFile('demo', 'Démo', step('a', 'check=eid.card,eid.pin action=ehealth.cert.renew', 'Carte', 'Insérez votre carte.')),
      'nl/demo.md': guideFile('demo', 'Demo', step('a', 'check=eid.card action=ehealth.cert.renew', 'Kaart', 'Steek uw kaart in.')).replace('audience: [integrator]', 'audience: [integrator, developer]'),
    });
    assert.deepEqual(messages, [
      ['nl/demo.md', 4, 'front-matter-differs', 'audience: fr integrator | nl integrator,developer'],
      ['nl/demo.md', 10, 'step-attributes-differ', 'a: checks: fr eid.card,eid.pin | nl eid.card'],
    ]);
  });

  describe('a slip in the French is reported once, in the French, not again in every translation', () => {
    const body = (attributes: string) => step('a', attributes, 'Carte', 'Insérez votre carte eID.') + step('b', '', 'Suite', 'Continuez la procédure.');
    const translation = (title: string) => guideFile('demo', title, step('a', 'check=eid.card', 'T1', 'Text one.') + step('b', '', 'T2', 'Text two.'));
    const withTranslations = (french: string) => lintFolder({ 'fr/demo.md': french, 'nl/demo.md': translation('Demo'), 'en/demo.md': translation('Demo'), 'de/demo.md': translation('Demo') });
    const codes = async (french: string) => (await withTranslations(french)).map(([file, line, code]) => [file, line, code]);

    it('an unknown step attribute (chek=): one message', async () => {
      assert.deepEqual(await codes(guideFile('demo', 'Démo', body('chek=eid.card'))), [['fr/demo.md', 10, 'step-attribute-unknown']]);
    });
    it('an attribute written twice: one message', async () => {
      assert.deepEqual(await codes(guideFile('demo', 'Démo', body('check=eid.card check=eid.pin'))), [['fr/demo.md', 10, 'step-attribute-repeated']]);
    });
    it('an invalid variant on the step: one message', async () => {
      assert.deepEqual(await codes(guideFile('demo', 'Démo', body('check=eid.card variant=os:amiga'))), [['fr/demo.md', 10, 'variant-invalid']]);
    });
    it('a misspelt front matter key (audiance:): one message, not also the audience missing nor differing', async () => {
      assert.deepEqual(await codes(guideFile('demo', 'Démo', body('check=eid.card')).replace('audience:', 'audiance:')), [['fr/demo.md', 4, 'front-matter-key-unknown']]);
    });
    it('a step id used twice: one message', async () => {
      const french = guideFile('demo', 'Démo', step('a', 'check=eid.card', 'Carte', 'Insérez votre carte eID.') + step('a', '', 'Suite', 'Continuez la procédure.'));
      assert.deepEqual(await codes(french), [['fr/demo.md', 14, 'step-id-duplicate']]);
      // Nor do the translations' versions compare with steps that do not pair (not even "not marked").
      const all = await lintMessages({ 'fr/demo.md': french, 'nl/demo.md': translation('Demo') }, { withVersions: true });
      assert.deepEqual(all.map((message) => message.code), ['step-id-duplicate']);
    });
    it('a step without its id: one message', async () => {
      const french = guideFile('demo', 'Démo', step('a', 'check=eid.card', 'Carte', 'Insérez votre carte eID.') + step('b', '', 'Suite', 'Continuez la procédure.').replace('#b', ''));
      assert.deepEqual(await codes(french), [['fr/demo.md', 14, 'step-id-missing']]);
    });
  });

  it('refuses a source in a French guide (the French is the reference)', async () => {
    const french = guideFile('demo', 'Démo', step('a', 'source=abcdef12', 'Carte', 'Insérez votre carte.')).replace('---\n\nIntro', 'source: {title: "abcdef12"}\n---\n\nIntro');
    assert.deepEqual(await lintFolder({ 'fr/demo.md': french }), [
      ['fr/demo.md', 6, 'source-in-french', undefined],
      ['fr/demo.md', 11, 'source-in-french', 'a'],
    ]);
  });

  it('reports a broken structure once, in its own file: no parity noise in the other languages', async () => {
    const french = guideFile('demo', 'Démo', step('a', 'check=eid.card', 'Carte', 'Insérez la carte.') + step('b', '', 'Suite', 'Continuez.'));
    const english = guideFile('demo', 'Demo', step('a', 'check=eid.card', 'Card', 'Insert the card.') + step('b', '', 'Next', 'Go on.'));
    // The English translation forgets to close its first step: lines 10 (step a) and 15 (step b).
    const unclosed = english.replace('Insert the card.\n:::\n', 'Insert the card.\n');
    assert.deepEqual(await lintFolder({ 'fr/demo.md': french, 'en/demo.md': unclosed, 'nl/demo.md': english }), [['en/demo.md', 10, 'step-unclosed', '#a']]);
    // The French guide has a stray ":::" (line 14) and a step nested in another: the translations are not compared with it.
    const broken = french.replace('Insérez la carte.\n:::\n', 'Insérez la carte.\n:::\n:::\n');
    assert.deepEqual(await lintFolder({ 'fr/demo.md': broken, 'en/demo.md': english.replace('step #b', 'step #c'), 'nl/demo.md': english }), [['fr/demo.md', 14, 'fence-stray', undefined]]);
    // Nor are their translation versions: no "not marked" (or "outdated") for translations of a broken French guide.
    const versions = await lintMessages({ 'fr/demo.md': broken, 'nl/demo.md': english }, { withVersions: true });
    assert.deepEqual(versions.map(({ file, code }) => [file, code]), [['fr/demo.md', 'fence-stray']]);
    // Broken front matter is structure too: no translation-extra for its empty id, no translation-missing for its
    // French. The YAML error is where the yaml package notices it: the line after the unclosed "[".
    const noYaml = english.replace('audience: [integrator]', 'audience: [integrator');
    assert.deepEqual(await lintFolder({ 'fr/demo.md': french, 'en/demo.md': noYaml }), [['en/demo.md', 5, 'front-matter-invalid', 'Flow sequence in block collection must be sufficiently indented and end with a ]']]);
  });

  it('reports a front matter value at the line of its key, with the value meant', async () => {
    const messages = await lintMessages({ 'fr/demo.md': guideFile('dmeo', 'Démo', step('a', '', 'Titre', 'Texte.')).replace('[integrator]', '[integrater]').replace('[acceptance]', '[acceptence]') });
    assert.deepEqual(
      messages.map(({ line, code, detail, suggestion }) => [line, code, detail, suggestion]),
      [
        [2, 'id-mismatch', 'dmeo ≠ demo', undefined],
        [4, 'audience-unknown', 'integrater', 'integrator'],
        [5, 'environment-unknown', 'acceptence', 'acceptance'],
      ],
    );
  });

  it('suggests the check, action, question and variant meant', async () => {
    const messages = await lintMessages({
      'fr/demo.md': guideFile('demo', 'Démo', step('a', 'check=eid.crad action=ehealth.cert.renw asks=keystore-pasword variant=os:linus', 'Titre', '1. Le mot de passe.')),
    });
    assert.deepEqual(
      messages.map(({ code, detail, suggestion }) => [code, detail, suggestion]),
      [
        ['variant-invalid', 'os:linus', 'os:linux'],
        ['check-unknown', 'eid.crad', 'eid.card'],
        ['action-unknown', 'ehealth.cert.renw', 'ehealth.cert.renew'],
        ['question-unknown', 'keystore-pasword', 'keystore-password'],
      ],
    );
    assert.deepEqual(await lintFolder({ 'fr/demo.md': guideFile('demo', 'Démo', step('a', 'check=eid.card action=ehealth.cert.renew asks=keystore-password variant=os:linux', 'Titre', '1. Le mot de passe.')) }), []);
  });

  it('refuses links that do nothing in the checklist: javascript:, vbscript:, file: and unknown schemes, as errors', async () => {
    const links = ['[a](javascript:alert(1))', '[b](vbscript:msgbox)', '[c](file:///etc/passwd)', '[d](gopher://example.org)'].join('\n');
    const messages = await lintMessages({ 'fr/demo.md': guideFile('demo', 'Démo', step('a', '', 'Titre', links)) });
    assert.deepEqual(
      messages.map(({ line, code, severity, detail }) => [line, code, severity, detail]),
      [
        [12, 'link-scheme', 'error', 'javascript:alert(1)'],
        [13, 'link-scheme', 'error', 'vbscript:msgbox'],
        [14, 'link-scheme', 'error', 'file:///etc/passwd'],
        [15, 'link-scheme', 'error', 'gopher://example.org'],
      ],
    );
    const good = '[site](https://www.ehealth.fgov.be) [mail](mailto:support@example.be) [autre guide](renew.md) [ici](#a)';
    assert.deepEqual(await lintFolder({ 'fr/demo.md': guideFile('demo', 'Démo', step('a', '', 'Titre', good)), 'fr/renew.md': guideFile('renew', 'R', step('a', '', 'T', 'x')) }), []);
  });

  it('refuses images the checklist cannot show, and images without a text alternative, as errors', async () => {
    const images = ['![Remote](https://example.org/a.png)', '![Inline](data:image/png;base64,AAAA)', '![Elsewhere](../../outside.svg)', '![Absolute](/etc/a.svg)', '![](../images/reader.svg)'].join('\n');
    const messages = await lintMessages({ 'fr/demo.md': guideFile('demo', 'Démo', step('a', '', 'Titre', images)), 'images/reader.svg': '<svg/>' });
    assert.deepEqual(
      messages.map(({ line, code, severity, detail }) => [line, code, severity, detail]),
      [
        [12, 'image-remote', 'error', 'https://example.org/a.png'],
        [13, 'image-remote', 'error', 'data:image/png;base64,AAAA'],
        [14, 'image-outside-guides', 'error', '../../outside.svg'],
        [15, 'image-outside-guides', 'error', '/etc/a.svg'],
        [16, 'image-alt-missing', 'error', '../images/reader.svg'],
      ],
    );
    assert.deepEqual(await lintFolder({ 'fr/demo.md': guideFile('demo', 'Démo', step('a', '', 'Titre', '![Le lecteur](../images/reader.svg)')), 'images/reader.svg': '<svg/>' }), []);
  });

  it('allows translator notes (HTML comments) and still refuses other raw HTML, at its line', async () => {
    const body = 'Texte <!-- note du traducteur --> suivi.\n\n<!--\nNote\nsur plusieurs lignes\n-->\n\nPuis\nune ligne <b>grasse</b>.';
    assert.deepEqual(await lintFolder({ 'fr/demo.md': guideFile('demo', 'Démo', step('a', '', 'Titre', body)) }), [
      ['fr/demo.md', 20, 'raw-html', '<b>'],
      ['fr/demo.md', 20, 'raw-html', '</b>'],
    ]);
  });

  it('reads a "<!--" in inline code as code, and a note left open once, at its line (it hides the rest)', async () => {
    const code = 'Une note s’écrit `<!--` … `-->`, sans <i>HTML</i>.';
    assert.deepEqual(await lintFolder({ 'fr/demo.md': guideFile('demo', 'Démo', step('a', '', 'Titre', code) + '\n' + step('b', '', 'Suite', 'Texte.')) }), [
      ['fr/demo.md', 12, 'raw-html', '<i>'],
      ['fr/demo.md', 12, 'raw-html', '</i>'],
    ]);
    const open = guideFile('demo', 'Démo', step('a', '', 'Titre', 'Texte <!-- note jamais fermée\nsuite <b>.') + '\n' + step('b', '', 'Suite', 'Texte.'));
    assert.deepEqual(await lintFolder({ 'fr/demo.md': open, 'en/demo.md': guideFile('demo', 'Demo', step('a', '', 'Title', 'Text.') + '\n' + step('b', '', 'Next', 'Text.')) }), [
      ['fr/demo.md', 12, 'note-unclosed', undefined],
    ]);
  });

  it('lints a guide written with a UTF-8 byte-order mark', async () => {
    assert.deepEqual(await lintFolder({ 'fr/demo.md': `\uFEFF${guideFile('demo', 'Démo', step('a', '', 'Titre', 'Texte.'))}` }), []);
  });

  it('names the folders that are no language, and folders named like guides; README and images are fine', async () => {
    const guide = guideFile('demo', 'Démo', step('a', '', 'Titre', 'Texte.'));
    assert.deepEqual(
      await lintFolder({ 'fr/demo.md': guide, 'es/demo.md': guide, 'fr/old.md/': '', 'images/': '', 'glossary/': '', 'README.md': '# Guides', 'french-sources.json': '{}', '.vscode/': '' }),
      [
        ['es', 0, 'folder-unknown', 'es'],
        ['fr/old.md', 0, 'folder-named-md', 'old.md'],
      ],
    );
  });

  it('says when a folder holds no guide at all', async () => {
    assert.deepEqual(await lintFolder({ 'README.md': '# Guides', 'fr/': '' }), [['.', 0, 'guides-none', undefined]]);
    // A checkout's root, say: one message, not one per folder.
    assert.deepEqual(await lintFolder({ 'src/a.ts': '', 'docs/WRITING-GUIDES.md': '# Writing guides' }), [['.', 0, 'guides-none', undefined]]);
  });
});
