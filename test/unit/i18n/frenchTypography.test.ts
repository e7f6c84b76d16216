import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { catalogTypography, frenchCatalogs, frenchGuides, guideTypography } from '../../../scripts/french-typography';
import { labelled, translator } from '../../../src/i18n';
import { frenchTypography } from '../../../src/i18n/frenchTypography';

const root = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const catalog = (file: string): Record<string, string> => JSON.parse(read(file));
const allCatalogs = ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.fr.json', 'l10n/bundle.l10n.nl.json', 'l10n/bundle.l10n.de.json', 'package.nls.json', 'package.nls.fr.json', 'package.nls.nl.json', 'package.nls.de.json'];
const otherCatalogs = allCatalogs.filter((file) => !frenchCatalogs.includes(file));
const fix = 'run `npx tsx scripts/french-typography.ts`';
// Spaces made visible in failure messages.
const shown = (text: string) => text.replace(/\u00a0/g, '⍽').replace(/\u202f/g, '·');
// What is written for machines, where punctuation follows other rules, stands in as one character.
const prose = (text: string) => text.replace(/`[^`]*`|\]\([^)]*\)|\b[a-z][\w+.-]*:\/\/\S+/g, 'x');

describe('French typography', () => {
  it('puts a no-break space before a colon and a narrow one before ; ? ! and inside « »', () => {
    assert.equal(frenchTypography('Options: oui ; non ?'), 'Options\u00a0: oui\u202f; non\u202f?');
    assert.equal(frenchTypography('Continuer? Tapez «oui»!'), 'Continuer\u202f? Tapez «\u202foui\u202f»\u202f!');
    assert.equal(frenchTypography('Fichier\u202f: {file}'), 'Fichier\u00a0: {file}', 'a narrow space before a colon is widened');
    assert.equal(frenchTypography('{file} : introuvable (une boucle ?) :'), '{file}\u00a0: introuvable (une boucle\u202f?)\u00a0:');
  });

  it('writes the typographic apostrophe, also before Markdown emphasis', () => {
    assert.equal(frenchTypography("l'eID d'un keystore, celui d'**authentification**"), 'l’eID d’un keystore, celui d’**authentification**');
  });

  it('keeps what is written for machines: code, links, URLs, placeholders, times, syntax', () => {
    for (const verbatim of [
      'lancez `ehealth cert list ; echo ok` puis',
      '[Ouvrir la checklist](command:ehealth.guides.open?%5B%22a%22%5D)',
      'voir https://eid.belgium.be/fr?x=1',
      'à 10:30, en 3:1',
      'Ctrl+C',
      '`holder:` ou `os:` et `l\'alias`',
      '::: step #id',
      'Quoi\u202f?!',
    ]) {
      assert.equal(frenchTypography(verbatim), verbatim);
    }
  });

  it('writes "label: value" built in code as each language does', () => {
    assert.equal(labelled(translator('fr'), 'Titulaire', 'Amélie'), 'Titulaire\u00a0: Amélie');
    assert.equal(labelled(translator('en'), 'Holder', 'Amélie'), 'Holder: Amélie');
    assert.equal(labelled(translator('de'), 'Inhaber', '$& {value}'), 'Inhaber: $& {value}', 'the value is taken as written');
  });

  it('changes nothing the second time', () => {
    const once = frenchTypography("Vérifiez-le : c'est « fini » ? Oui ; 10:30 https://a.be/b?c");
    assert.equal(frenchTypography(once), once);
  });

  for (const file of frenchCatalogs) {
    it(`${file} follows it (${fix} after adding French text)`, () => {
      const messages = catalog(file);
      const fixed: Record<string, string> = JSON.parse(catalogTypography(read(file)));
      const wrong = Object.keys(messages).filter((key) => fixed[key] !== messages[key]);
      assert.deepEqual(wrong.map((key) => `${key}: ${shown(messages[key])}`), [], `${file}: ${fix}`);
    });
  }

  it(`the French guides follow it, in prose (${fix})`, () => {
    for (const file of frenchGuides()) {
      const lines = read(file).split('\n');
      const fixed = guideTypography(read(file)).split('\n');
      const wrong = lines.flatMap((line, index) => (line === fixed[index] ? [] : [`${file}:${index + 1}: ${shown(line)}`]));
      assert.deepEqual(wrong, [], fix);
    }
  });

  it('the other languages put no space before : ; ? ! and use no guillemets « »', () => {
    for (const file of otherCatalogs) {
      for (const [key, text] of Object.entries(catalog(file))) assert.doesNotMatch(prose(text), /\s[:;?!](\s|$)|[«»]/u, `${file} ${key}: ${shown(text)}`);
    }
  });
});

describe('plurals in every language', () => {
  it('no message writes a plural or a gender in brackets, as in "keystore(s)"', () => {
    for (const file of allCatalogs) {
      for (const [key, text] of Object.entries(catalog(file))) assert.doesNotMatch(text, /\p{L}\((s|e|n|en|es|er|nen)\)/u, `${file} ${key}`);
    }
  });
});
