import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { messageKeysSource, outOfDate } from '../../scripts/message-keys';
import { languageFromLocale, translate } from '../../src/i18n';
import { messageKeyOf } from '../../src/i18n/plurals';

const folder = path.join(__dirname, '..', '..', 'l10n');
const catalog = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
const english = catalog('bundle.l10n.json') as Record<string, string>;
const translations = { fr: 'bundle.l10n.fr.json', nl: 'bundle.l10n.nl.json', de: 'bundle.l10n.de.json' };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('messages', () => {
  it('has one catalog per language and nothing else in l10n/', () => {
    assert.deepEqual(readdirSync(folder).sort(), ['bundle.l10n.de.json', 'bundle.l10n.fr.json', 'bundle.l10n.json', 'bundle.l10n.nl.json']);
  });

  for (const [language, file] of Object.entries(translations)) {
    it(`${language} has exactly the English messages, as non-empty strings with the same placeholders`, () => {
      const translated = catalog(file);
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), `${file} keys`);
      for (const [key, text] of Object.entries(english)) {
        const translation = translated[key];
        assert.ok(typeof translation === 'string' && translation.trim(), `${language} lacks ${key}`);
        assert.deepEqual(placeholders(translation), placeholders(text), `${language} ${key}`);
      }
    });
  }

  it('gives every plural message its "one" and "other" forms, with {count}', () => {
    // All four languages distinguish one from other; French's "many" (a million) falls back to other.
    const forms = Object.keys(english).filter((id) => messageKeyOf(id, english) !== id);
    assert.ok(forms.length > 0);
    for (const id of forms) {
      const key = messageKeyOf(id, english);
      assert.ok(`${key}.one` in english && `${key}.other` in english, key);
      assert.ok(!(key in english), `${key} is both a message and a plural`);
      assert.ok(placeholders(english[id]).includes('count'), id);
    }
  });

  it('no longer writes plurals or genders in brackets, as in "keystore(s)"', () => {
    for (const file of ['bundle.l10n.json', ...Object.values(translations)]) {
      for (const [key, text] of Object.entries(catalog(file))) assert.doesNotMatch(String(text), /\p{L}\((s|e|n|en|es|er|nen)\)/u, `${file} ${key}`);
    }
  });

  it('chooses the plural form by count with the language’s rules: 0 is singular in French, plural in English', () => {
    const folders = (language: 'fr' | 'en') => [0, 1, 2].map((count) => translate(language, 'keystore.folder.count', { count }));
    assert.deepEqual(folders('fr'), ['0 keystore', '1 keystore', '2 keystores']);
    assert.deepEqual(folders('en'), ['0 keystores', '1 keystore', '2 keystores']);
    assert.deepEqual([0, 1, 2].map((count) => translate('fr', 'view.statusbar.days', { count })), ['eHealth : 0 jour', 'eHealth : 1 jour', 'eHealth : 2 jours']);
    assert.deepEqual([0, 1, 2].map((count) => translate('en', 'view.statusbar.days', { count })), ['eHealth: 0 days', 'eHealth: 1 day', 'eHealth: 2 days']);
    assert.equal(translate('fr', 'cli.inspect.iterations', { count: 1_000_000 }), '1000000 itérations', 'French "many" uses the other form');
  });

  it('keeps English messages as non-empty strings', () => {
    for (const [key, text] of Object.entries(english)) assert.ok(typeof text === 'string' && text.trim(), key);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(translate('fr', 'keystore.problem.too-large', { size: 99 }), 'Le fichier fait 99 octets, bien plus qu’un keystore eHealth (environ 4 à 12 Ko).');
    assert.equal(translate('en', 'keystore.problem.unreadable'), 'The file cannot be read ({reason}). Check its permissions.');
  });

  it('switches language from one call to the next', () => {
    assert.equal(translate('nl', 'environment.acceptance'), 'acceptatie');
    assert.equal(translate('en', 'environment.acceptance'), 'acceptance');
    assert.equal(translate('de', 'keystore.tooltip.holder'), 'Inhaber');
  });

  it('picks the language from a locale, English otherwise', () => {
    assert.equal(languageFromLocale('nl_BE.UTF-8'), 'nl');
    assert.equal(languageFromLocale('fr-BE'), 'fr');
    assert.equal(languageFromLocale('de'), 'de');
    assert.equal(languageFromLocale('pt-BR'), 'en');
    assert.equal(languageFromLocale(undefined), 'en');
  });
});

describe('message keys', () => {
  it('src/i18n/messageKeys.ts is generated from the English catalog (npm run message-keys)', () => {
    assert.equal(outOfDate(), false);
  });

  it('names a plural message once, by its key', () => {
    assert.equal(
      messageKeysSource({ 'a.b': 'x', 'files.one': '{count} file', 'files.other': '{count} files', 'c.one': 'no other form' }),
      "// Generated by scripts/message-keys.ts from l10n/bundle.l10n.json: do not edit, run `npm run message-keys`.\nexport type MessageKey =\n  | 'a.b'\n  | 'files'\n  | 'c.one';\n",
    );
  });
});
