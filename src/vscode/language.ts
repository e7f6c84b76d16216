// The extension's own language: VS Code has no Dutch display language, so the setting
// `ehealth.language` (auto, fr, nl, en, de) drives our strings; `auto` follows VS Code.
// Every view and page draws its words again when that setting changes: no reload needed.
import * as vscode from 'vscode';
import { languageFromLocale, languages, translator, type Language, type Translator } from '../i18n';
import { affects, setting } from './settings';

export function currentLanguage(): Language {
  const chosen = setting('ehealth.language');
  return (languages as readonly string[]).includes(chosen) ? (chosen as Language) : languageFromLocale(vscode.env.language);
}

export function currentTranslator(): Translator {
  return translator(currentLanguage());
}

/** Calls `redraw` whenever `ehealth.language` changes (VS Code's own display language needs a restart anyway). */
export function onDidChangeLanguage(redraw: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (affects(event, 'ehealth.language')) redraw();
  });
}
