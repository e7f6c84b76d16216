// User-facing text for every face (extension, CLI, guides). The engine returns codes and
// parameters; faces turn them into words here. French is the reference language of the guides,
// English the fallback for the UI.
import { en, type MessageKey } from './messages/en';
import { fr } from './messages/fr';
import { nl } from './messages/nl';
import { de } from './messages/de';

export type Language = 'fr' | 'nl' | 'en' | 'de';
export const languages: readonly Language[] = ['fr', 'nl', 'en', 'de'];
export type { MessageKey };

const catalogs: Record<Language, Record<MessageKey, string>> = { en, fr, nl, de };

export type MessageParams = Record<string, string | number>;

/** Picks the language from a locale tag such as `fr-BE`, `nl_BE.UTF-8` or `de`; English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  const prefix = (locale ?? '').toLowerCase().slice(0, 2);
  return (languages as readonly string[]).includes(prefix) ? (prefix as Language) : 'en';
}

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[language][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** An engine error (or anything) that can say what happened in the user's language. */
export interface Explained {
  userMessage(language: Language): string;
}

/** A translator bound to one language, handed to faces. */
export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function translator(language: Language): Translator {
  return (key, params) => translate(language, key, params);
}
