// "Did you mean ...?" for a mistyped group, verb or option: the closest known word, when it is close
// enough to be what was meant (at most two edits away, or the start of it).
import { distance } from 'fastest-levenshtein';
import type { Translator } from '../i18n';

/** The known word `typed` most likely stands for; undefined when none is close. */
export function closestWord(typed: string, known: readonly string[]): string | undefined {
  if (typed.length === 0) return undefined;
  const ranked = known
    .map((word) => ({ word, edits: distance(typed, word) }))
    .filter(({ word, edits }) => edits <= 2 || word.startsWith(typed))
    .sort((a, b) => a.edits - b.edits);
  return ranked[0]?.word;
}

/** ` Did you mean "x"?` to append to an error, or nothing. */
export function suggestion(t: Translator, typed: string, known: readonly string[]): string {
  const word = closestWord(typed, known);
  return word === undefined ? '' : ` ${t('cli.error.did-you-mean', { suggestion: word })}`;
}
