// User-facing text for every face (extension, CLI, guides). The engine returns codes and
// parameters; faces turn them into words here. French is the reference language of the guides,
// English the source of the catalogs (l10n/bundle.l10n*.json) and the fallback for the UI.
import type { MessageKey } from './messageKeys';
import { pluralForm } from './plurals';

export type Language = 'fr' | 'nl' | 'en' | 'de';
export const languages: readonly Language[] = ['fr', 'nl', 'en', 'de'];
export type { MessageKey };

type Catalog = Record<string, string>;

/**
 * Each language's catalog, read on its first message: a command speaks one language, and a
 * process that loads no catalog it does not speak starts faster (the CLI). A require at first use,
 * not an import, so that it stays synchronous; the build bundles each catalog as a parse on call.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const readers: Record<Language, () => Catalog> = {
  en: () => require('../../l10n/bundle.l10n.json'),
  fr: () => require('../../l10n/bundle.l10n.fr.json'),
  nl: () => require('../../l10n/bundle.l10n.nl.json'),
  de: () => require('../../l10n/bundle.l10n.de.json'),
};
/* eslint-enable @typescript-eslint/no-require-imports */
const catalogs: Partial<Record<Language, Catalog>> = {};
const catalog = (language: Language): Catalog => (catalogs[language] ??= readers[language]());

const pluralRules = new Map<Language, Intl.PluralRules>();

export type MessageParams = Record<string, string | number>;

/** Picks the language from a locale tag such as `fr-BE`, `nl_BE.UTF-8` or `de`; English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  const prefix = (locale ?? '').toLowerCase().slice(0, 2);
  return (languages as readonly string[]).includes(prefix) ? (prefix as Language) : 'en';
}

/** Whether a catalog holds `key` as plural forms (`<key>.one`, `<key>.other`, ...): a message that counts. */
const plural = (key: string, messages: Catalog) => `${key}.other` in messages;

/** The message in a language with its `{name}` placeholders filled; a plural message picks its form by `count`. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  // A message not yet translated reads in English.
  const messages = catalog(language);
  const from = key in messages || plural(key, messages) ? language : 'en';
  const id = plural(key, catalog(from)) ? pluralForm(key, pluralCategory(from, params.count), catalog(from)) : key;
  return format(from, id, params);
}

/** The entry `id` of a language's catalog (else `id` itself) with its `{name}` placeholders filled; one without a value stays as written. */
function format(language: Language, id: string, params: MessageParams): string {
  const message = catalog(language)[id] || id;
  return message.replace(/{([^}]+)}/g, (placeholder, name: string) => String(params[name] ?? placeholder));
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
