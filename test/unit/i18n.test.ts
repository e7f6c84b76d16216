import * as assert from 'node:assert/strict';
import { languageFromLocale, translate } from '../../src/i18n';
import { de } from '../../src/i18n/messages/de';
import { en } from '../../src/i18n/messages/en';
import { fr } from '../../src/i18n/messages/fr';
import { nl } from '../../src/i18n/messages/nl';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('messages', () => {
  for (const [language, catalog] of Object.entries({ fr, nl, de })) {
    it(`${language} has every English message with the same placeholders`, () => {
      for (const [key, english] of Object.entries(en)) {
        const translated = (catalog as Record<string, string>)[key];
        assert.ok(translated?.trim(), `${language} lacks ${key}`);
        assert.deepEqual(placeholders(translated), placeholders(english), `${language} ${key}`);
      }
    });
  }

  it('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(translate('fr', 'keystore.folder.count', { count: 2 }), '2 keystore(s)');
    assert.equal(translate('en', 'keystore.problem.unreadable'), 'The file cannot be read ({reason}). Check its permissions.');
  });

  it('picks the language from a locale, English otherwise', () => {
    assert.equal(languageFromLocale('nl_BE.UTF-8'), 'nl');
    assert.equal(languageFromLocale('fr-BE'), 'fr');
    assert.equal(languageFromLocale('de'), 'de');
    assert.equal(languageFromLocale('pt-BR'), 'en');
    assert.equal(languageFromLocale(undefined), 'en');
  });
});
