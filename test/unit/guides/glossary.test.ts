import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { guideLanguages } from '../../../src/guides/guide';
import { lintGuides } from '../../../src/guides/guideLint';
import { loadGuides } from '../../../src/guides/guideLoader';
import { findAvoidedTerms, loadGlossaries, parseGlossary, type Glossary } from '../../../src/guides/glossary';

const repository = path.resolve(__dirname, '..', '..', '..');

const germanGlossary = JSON.stringify({
  terms: [
    { concept: 'card-reader', use: 'Kartenleser', avoid: ['Kartenlesegerät', 'Lesegerät'] },
    { concept: 'etk', use: 'das ETK', avoid: ['den ETK'] },
  ],
});

const guide = (title: string, body: string) => `---
id: get-started
title: ${title}
audience: [integrator]
environment: [acceptance]
---

Intro.

::: step #reader check=eid.reader
## Den Kartenleser anschließen
${body}
:::
`;

/** Lints a guides folder with a German guide, its French original and the German glossary. */
async function lintGerman(title: string, body: string, glossary = germanGlossary) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'glossary-'));
  try {
    const files = { 'fr/get-started.md': guide('Commencer', 'Branchez le lecteur.'), 'de/get-started.md': guide(title, body), 'glossary/de.json': glossary };
    for (const [relative, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), content);
    }
    const guides = await loadGuides(root);
    const messages = lintGuides(guides.map((loaded) => ({ guide: loaded, source: readFileSync(loaded.file, 'utf8') })), await loadGlossaries(root));
    return messages.filter((message) => message.code.startsWith('glossary-')).map((message) => [path.relative(root, message.file), message.line, message.code, message.severity, message.detail]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('glossary-term lint rule', () => {
  it('refuses a variant the glossary avoids, at its line, naming the term to use', async () => {
    const body = 'Schließen Sie das Kartenlesegerät an.\nDie Schaltfläche prüft das Modell des Lesegeräts und registriert\nden ETK.';
    assert.deepEqual(await lintGerman('Erste Schritte', body), [
      ['de/get-started.md', 12, 'glossary-term', 'error', 'Kartenlesegerät → Kartenleser (card-reader)'],
      ['de/get-started.md', 13, 'glossary-term', 'error', 'Lesegeräts → Kartenleser (card-reader)'],
      ['de/get-started.md', 14, 'glossary-term', 'error', 'den ETK → das ETK (etk)'],
    ]);
  });

  it('reads the title, but not code, link targets, URLs, translator notes or other front matter', async () => {
    const body = [
      'Das Modell steht in `Lesegerät` und auf [der Seite](https://example.org/Lesegerät).',
      '<!-- Übersetzer: nicht „Lesegerät“ schreiben -->',
      'Eine Notiz beginnt mit `<!--`, kein Lesegerät dahinter wird übersehen.',
      'Siehe https://example.org/Kartenlesegerät und den ETK-Schlüssel.',
      '```',
      'Lesegerät',
      '```',
    ].join('\n');
    assert.deepEqual(await lintGerman('Das Lesegerät', body), [
      ['de/get-started.md', 3, 'glossary-term', 'error', 'Lesegerät → Kartenleser (card-reader)'],
      ['de/get-started.md', 14, 'glossary-term', 'error', 'Lesegerät → Kartenleser (card-reader)'],
    ]);
  });

  it('passes a guide that writes the glossary terms', async () => {
    assert.deepEqual(await lintGerman('Erste Schritte', 'Schließen Sie den Kartenleser an; die Kartenleser mit Tastatur gehen auch.\nDas ETK wird registriert.'), []);
  });

  it('reports a glossary file it cannot read, at its line', async () => {
    const broken = '{\n  "terms": [\n    { "concept": "card-reader", "use": "Kartenleser", "avoid": "Lesegerät" }\n  ]\n}';
    assert.deepEqual(await lintGerman('Erste Schritte', 'Text.', broken), [
      ['glossary/de.json', 3, 'glossary-invalid', 'error', 'card-reader: "avoid" must be a list of non-empty strings'],
    ]);
  });
});

describe('finding the variants a glossary avoids', () => {
  const glossary = (terms: Glossary['terms']): Glossary => ({ language: 'fr', file: 'fr.json', terms });

  it('finds word forms that begin with a variant, across a line break, and prefers the longer variant', () => {
    const german: Glossary = { language: 'de', file: 'de.json', terms: [{ concept: 'mobile-number', use: 'GSM-Nummer', avoid: ['Handynummer', 'Handy'] }] };
    assert.deepEqual(findAvoidedTerms('Ihre Handynummer, zwei Handys', german).map((hit) => hit.found), ['Handynummer', 'Handys']);
    const french = glossary([{ concept: 'mobile-number', use: 'numéro de GSM', avoid: ['téléphone portable'] }]);
    assert.deepEqual(findAvoidedTerms('votre téléphone\nportable', french).map((hit) => hit.found), ['téléphone\nportable']);
  });

  it('does not take the term to use, or the middle of a word, for a variant', () => {
    const french = glossary([{ concept: 'card-reader', use: 'lecteur de cartes', avoid: ['lecteur de carte'] }]);
    assert.deepEqual(findAvoidedTerms('le lecteur de cartes', french), []);
    assert.equal(findAvoidedTerms('le lecteur de carte', french).length, 1);
    const dutch: Glossary = { language: 'nl', file: 'nl.json', terms: [{ concept: 'card-reader', use: 'kaartlezer', avoid: ['lezer'] }] };
    assert.deepEqual(findAvoidedTerms('de kaartlezer', dutch), []);
  });

  it('refuses a glossary whose terms are not lists of words', () => {
    assert.ok('problem' in parseGlossary('{"terms": [{"concept": "x", "use": ""}]}', 'de.json', 'de'));
    assert.ok('problem' in parseGlossary('{"terms": [{"concept": "x", "use": "a", "avoid": []}, {"concept": "x", "use": "b", "avoid": []}]}', 'de.json', 'de'));
    assert.ok('problem' in parseGlossary('[]', 'de.json', 'de'));
  });
});

describe('UI catalogs and glossaries', () => {
  const catalogs = (language: string) => {
    const suffix = language === 'en' ? '' : `.${language}`;
    return [`l10n/bundle.l10n${suffix}.json`, `package.nls${suffix}.json`];
  };

  it('has a glossary for every guide language, every one readable', async () => {
    const glossaries = await loadGlossaries(path.join(repository, 'guides'));
    assert.deepEqual(glossaries.problems, []);
    assert.deepEqual(Object.keys(glossaries.byLanguage).sort(), [...guideLanguages].sort());
  });

  it('uses the terms of its language’s glossary in every UI message (the generated walkthroughs are checked through the guides)', async () => {
    const glossaries = await loadGlossaries(path.join(repository, 'guides'));
    const found: string[] = [];
    for (const language of guideLanguages) {
      for (const catalog of catalogs(language)) {
        const messages = JSON.parse(readFileSync(path.join(repository, catalog), 'utf8')) as Record<string, string>;
        for (const [key, text] of Object.entries(messages)) {
          if (key.startsWith('walkthrough.')) continue;
          for (const hit of findAvoidedTerms(uiText(text), glossaries.byLanguage[language]!)) found.push(`${catalog} ${key}: ${hit.found} → ${hit.term.use}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  it('catches a UI message that writes a variant', async () => {
    const glossaries = await loadGlossaries(path.join(repository, 'guides'));
    assert.equal(findAvoidedTerms(uiText('Schließen Sie Ihr Lesegerät an ({reader}).'), glossaries.byLanguage.de!).length, 1);
    assert.equal(findAvoidedTerms(uiText('Open de gids ({command:ehealth.guides.open}).'), glossaries.byLanguage.nl!).length, 1);
  });
});

/** A UI message as read: placeholders, code and command links are not words of the language. */
function uiText(text: string): string {
  return text.replace(/\{[^}]*\}|`[^`]*`|\((?:command|https?):[^)]*\)/g, ' ');
}
