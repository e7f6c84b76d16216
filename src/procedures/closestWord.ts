// "Did you mean ...?": the closest known word, when it is close enough to be what was meant (at most
// two edits away, or the start of it). Here, below the faces, so the guides' linter can suggest too.
import { distance } from 'fastest-levenshtein';

/** The known word `typed` most likely stands for; undefined when none is close. */
export function closestWord(typed: string, known: readonly string[]): string | undefined {
  if (typed.length === 0) return undefined;
  const ranked = known
    .map((word) => ({ word, edits: distance(typed, word) }))
    .filter(({ word, edits }) => edits <= 2 || word.startsWith(typed))
    .sort((a, b) => a.edits - b.edits);
  return ranked[0]?.word;
}
