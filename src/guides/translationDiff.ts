// What changed in a French text since a translation was made, word by word, in one line a linter
// message can carry: `… keep these [-removed-] {+added+} words …`, a few unchanged words around
// each change, the rest elided.
import { diffWords } from 'diff';

const contextWords = 5;
const ellipsis = '…';

/** The unchanged words between changes, cut to a few around them. */
function kept(words: string[], before: boolean, after: boolean): string[] {
  if (before && after) return words.length > 2 * contextWords ? [...words.slice(0, contextWords), ellipsis, ...words.slice(-contextWords)] : words;
  if (after) return words.length > contextWords ? [ellipsis, ...words.slice(-contextWords)] : words;
  if (before) return words.length > contextWords ? [...words.slice(0, contextWords), ellipsis] : words;
  return [];
}

/** `recorded` → `current` (both normalised: single spaces), git's word-diff notation. */
export function frenchChange(recorded: string, current: string): string {
  const changes = diffWords(recorded, current);
  const changed = changes.map((change) => change.added || change.removed);
  let line = '';
  for (const [index, change] of changes.entries()) {
    // The spaces around a change stay where they were, so punctuation keeps its place.
    const [, leading, text, trailing] = /^(\s*)([\s\S]*?)(\s*)$/.exec(change.value) ?? [];
    if (!text) {
      line += change.value;
      continue;
    }
    const shown = change.removed ? `[-${text}-]` : change.added ? `{+${text}+}` : kept(text.split(' '), changed.slice(0, index).includes(true), changed.slice(index + 1).includes(true)).join(' ');
    line += `${leading}${shown}${trailing}`;
  }
  return line.replace(/\s+/g, ' ').trim();
}
