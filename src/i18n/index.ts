// User-facing text for every face (extension, CLI, guides). The engine returns codes and
// parameters; faces turn them into words here. French is the reference language of the guides,
// English the source of the catalogs (l10n/bundle.l10n*.json) and the fallback for the UI.
import * as l10n from '@vscode/l10n';
import english from '../../l10n/bundle.l10n.json';
import french from '../../l10n/bundle.l10n.fr.json';
import dutch from '../../l10n/bundle.l10n.nl.json';
import german from '../../l10n/bundle.l10n.de.json';
import type { MessageKey } from './messageKeys';
import { pluralForm, pluralKeys } from './plurals';

export type Language = 'fr' | 'nl' | 'en' | 'de';
export const languages: readonly Language[] = ['fr', 'nl', 'en', 'de'];
export type { MessageKey };

const catalogs: Record<Language, Record<string, string>> = { en: english, fr: french, nl: dutch, de: german };

/** Messages with plural forms (`<key>.one`, `<key>.other`, ...), by key. */
const plurals = pluralKeys(english);
const pluralRules = new Map<Language, Intl.PluralRules>();

export type MessageParams = Record<string, string | number>;

/** Picks the language from a locale tag such as `fr-BE`, `nl_BE.UTF-8` or `de`; English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  const prefix = (locale ?? '').toLowerCase().slice(0, 2);
  return (languages as readonly string[]).includes(prefix) ? (prefix as Language) : 'en';
}

/** The message in a language with its `{name}` placeholders filled; a plural message picks its form by `count`. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const id = plurals.has(key) ? pluralForm(key, pluralCategory(language, params.count), catalogs[language]) : key;
  // A message not yet translated reads in English.
  return format(id in catalogs[language] ? language : 'en', id, params);
}

// @vscode/l10n holds one bundle at a time; both faces may ask for several languages (the guides'
// manifest, tests, the English fallback), so the bundle is switched when the language changes.
let loaded: Language | undefined;

function format(language: Language, id: string, params: MessageParams): string {
  if (loaded !== language) {
    l10n.config({ contents: catalogs[language] });
    loaded = language;
  }
  return l10n.t(id, params);
}

function pluralCategory(language: Language, count: string | number | undefined): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(Number(count));
}

/** A translator bound to one language, handed to faces; its language also writes dates (dates.ts). */
export type Translator = ((key: MessageKey, params?: MessageParams) => string) & { readonly language: Language };

export function translator(language: Language): Translator {
  return Object.assign((key: MessageKey, params?: MessageParams) => translate(language, key, params), { language });
}

/** "Label: value" as the language writes it (French: a no-break space before the colon). */
export function labelled(t: Translator, label: string, value: string): string {
  return t('text.labelled', { label, value });
}
