// A message that depends on a number has one form per CLDR plural category the language needs,
// stored as `<key>.<category>` (`keystore.folder.count.one`, `keystore.folder.count.other`); callers
// use `<key>` and pass `count`. `other` is the form every language has, the fallback.
const categories: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
const formPattern = new RegExp(`^(.+)\\.(${categories.join('|')})$`);

/** The message key a catalog entry belongs to: its own id, or the plural message it is a form of. */
export function messageKeyOf(id: string, catalog: Record<string, string>): string {
  const form = formPattern.exec(id);
  return form && `${form[1]}.other` in catalog ? form[1] : id;
}

/** The entry to use for `count` in a language: the form for its plural category, else `other`. */
export function pluralForm(key: string, category: Intl.LDMLPluralRule, catalog: Record<string, string>): string {
  const form = `${key}.${category}`;
  return form in catalog ? form : `${key}.other`;
}
