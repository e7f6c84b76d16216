// The words that differ per system, for each system and each language: the file manager's own name
// on the Reveal button (as VS Code's menus say it), and where a remembered password is kept.
import * as assert from 'node:assert/strict';
import { revealLabelKey, secretStoreKey } from '../../../src/faces/platformWords';
import { translate, type Language } from '../../../src/i18n';

const reveal: Record<string, Record<Language, string>> = {
  win32: { en: 'Reveal in File Explorer', fr: 'Révéler dans l’Explorateur de fichiers', nl: 'Weergeven in Verkenner', de: 'Im Datei-Explorer anzeigen' },
  darwin: { en: 'Reveal in Finder', fr: 'Révéler dans le Finder', nl: 'Toon in Finder', de: 'Im Finder anzeigen' },
  linux: { en: 'Open Containing Folder', fr: 'Ouvrir le dossier contenant', nl: 'Bevattende map openen', de: 'Enthaltenden Ordner öffnen' },
};

// What each system's note names, and what no other system's note may name.
const keychain: Record<string, Record<Language, RegExp>> = {
  win32: { en: /Windows account.*DPAPI/, fr: /compte Windows.*DPAPI/, nl: /Windows-account.*DPAPI/, de: /Windows-Kontos.*DPAPI/ },
  darwin: { en: /macOS Keychain/, fr: /trousseau macOS/, nl: /macOS-sleutelhanger/, de: /macOS-Schlüsselbund/ },
  linux: { en: /GNOME Keyring or KWallet.*weak/, fr: /GNOME Keyring ou KWallet.*faible/, nl: /GNOME Keyring of KWallet.*zwakke/, de: /GNOME Keyring oder KWallet.*schwache/ },
};
const platforms = Object.keys(reveal) as NodeJS.Platform[];
const languages: Language[] = ['fr', 'nl', 'en', 'de'];

describe('words that differ per system', () => {
  for (const platform of platforms) {
    it(`names the file manager on ${platform} as VS Code does, in each language`, () => {
      for (const language of languages) assert.equal(translate(language, revealLabelKey(platform, true)), reveal[platform][language], language);
    });

    it(`on ${platform}, says where the system keeps a remembered password, and only that system's keychain`, () => {
      for (const language of languages) {
        const prompt = translate(language, 'view.unlock.prompt.remember', { store: translate(language, secretStoreKey(platform)) });
        assert.match(prompt, keychain[platform][language], `${platform} ${language}: ${prompt}`);
        assert.match(prompt, /ehealth\.keystore\.rememberPasswords/);
        for (const other of platforms.filter((one) => one !== platform)) assert.doesNotMatch(prompt, keychain[other][language], `${platform} ${language} names ${other}'s`);
      }
    });
  }

  it('says plain Reveal where no file manager can show the file (a browser, a remote window)', () => {
    for (const platform of platforms) assert.equal(translate('en', revealLabelKey(platform, false)), 'Reveal');
    assert.equal(translate('fr', revealLabelKey('win32', false)), 'Afficher');
  });

  it('speaks of another Unix as of Linux', () => {
    assert.equal(revealLabelKey('freebsd', true), revealLabelKey('linux', true));
    assert.equal(secretStoreKey('openbsd'), secretStoreKey('linux'));
  });
});
