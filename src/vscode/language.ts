// The extension's own language: VS Code has no Dutch display language, so the setting
// `ehealth.language` (auto, fr, nl, en, de) drives our strings; `auto` follows VS Code.
import * as vscode from 'vscode';
import { languageFromLocale, languages, translator, type Language, type Translator } from '../i18n';
import { setting } from './settings';

export function currentLanguage(): Language {
  const chosen = setting('ehealth.language');
  return (languages as readonly string[]).includes(chosen) ? (chosen as Language) : languageFromLocale(vscode.env.language);
}

export function currentTranslator(): Translator {
  return translator(currentLanguage());
}
