import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintGuides } from '../../../src/guides/guideLint';
import { loadGuides } from '../../../src/guides/guideLoader';

const guideFile = (id: string, title: string, steps: string) => `---
id: ${id}
title: ${title}
audience: [integrator]
environment: [acceptance]
---

Intro.

${steps}`;

async function lintFolder(files: Record<string, string>) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'guides-'));
  try {
    for (const [relative, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), content);
    }
    const guides = await loadGuides(root);
    return lintGuides(guides.map((guide) => ({ guide, source: readFileSync(guide.file, 'utf8') }))).map((message) => [
      path.relative(root, message.file),
      message.line,
      message.code,
      message.detail,
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
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
});
