// Records in a translation file which French version its parts now translate: `source=` on a
// step's opening line, `source: {title, introduction}` in the front matter. Only those lines
// change; the rest of the file (its line endings, a byte-order mark) is left as it was.
import type { GuideSources } from './guide';
import type { PartStatus } from './translation';

const stepOpening = /^\s*:{3,}\s*step\b/;
const frontMatterFence = /^(\uFEFF)?---[ \t]*\r?$/;

/** One line's text and its `\r`, when the file has Windows line endings. */
const splitEnd = (line: string): [string, string] => (line.endsWith('\r') ? [line.slice(0, -1), '\r'] : [line, '']);

/** `text` (a translation file) with the current French hash of each of `parts` recorded; `current` is its front matter's `source`. */
export function recordSources(text: string, parts: readonly PartStatus[], current: GuideSources = {}): string {
  const lines = text.split('\n');
  for (const part of parts.filter((candidate) => candidate.part === 'step')) {
    const index = part.line - 1;
    if (!stepOpening.test(lines[index] ?? '')) throw new Error(`line ${part.line} does not open step ${part.step}`);
    const [content, end] = splitEnd(lines[index]);
    lines[index] = `${content.replace(/\s+source=\S*/g, '').trimEnd()} source=${part.french.hash}${end}`;
  }
  const sources: GuideSources = { ...current };
  for (const part of parts) if (part.part !== 'step') sources[part.part] = part.french.hash;
  if (parts.some((part) => part.part !== 'step')) recordFrontMatterSources(lines, sources);
  return lines.join('\n');
}

/** Replaces the front matter's `source:` (with its indented lines, if written as a block) by one line before the closing `---`. */
function recordFrontMatterSources(lines: string[], sources: GuideSources): void {
  if (!frontMatterFence.test(lines[0] ?? '')) throw new Error('no front matter');
  const closing = () => lines.findIndex((line, index) => index > 0 && frontMatterFence.test(line));
  if (closing() < 0) throw new Error('front matter not closed');
  const start = lines.findIndex((line, index) => index > 0 && index < closing() && /^source\s*:/.test(line));
  if (start >= 0) {
    let end = start + 1;
    while (end < closing() && /^\s/.test(lines[end])) end++;
    lines.splice(start, end - start);
  }
  const [, lineEnd] = splitEnd(lines[closing()]);
  // Quoted: YAML would read 12345678 as a number and 1e234567 as infinity.
  const fields = (['title', 'introduction'] as const).filter((key) => sources[key]).map((key) => `${key}: "${sources[key]}"`);
  lines.splice(closing(), 0, `source: {${fields.join(', ')}}${lineEnd}`);
}
