// "Did you mean ...?" for a mistyped group, verb or option, worded for the CLI.
import { closestWord } from '../procedures/closestWord';
import type { Translator } from '../i18n';

/** ` Did you mean "x"?` to append to an error, or nothing. */
export function suggestion(t: Translator, typed: string, known: readonly string[]): string {
  const word = closestWord(typed, known);
  return word === undefined ? '' : ` ${t('cli.error.did-you-mean', { suggestion: word })}`;
}
