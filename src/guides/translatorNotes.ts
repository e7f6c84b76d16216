// Translator notes: HTML comments `<!-- ... -->` (what VS Code's "Toggle Line Comment" writes in
// Markdown), on one line or several. The one rule every reader of a guide follows: the parser, the
// linter (not raw HTML, not searched for glossary terms) and the translation hash drop them; code,
// fenced or in backticks, is left as written (a code span may show a literal `<!--`).

export interface NoteLine {
  /** The line with its notes blanked. */
  text: string;
  /** Inside fenced code: no fence, no note there. */
  code: boolean;
}

export interface NoteReading {
  lines: NoteLine[];
  /** The line (0-based) of a note never closed, which hides everything after it. */
  unclosed?: number;
}

const codeFence = /^\s*(```|~~~)/;

/** Each line with its notes turned into spaces: nothing is shown of them, and lines and columns stay where they were. */
export function readNotes(lines: readonly string[]): NoteReading {
  let inCode = false;
  let openedAt: number | undefined;
  const read = lines.map((line, index): NoteLine => {
    if (openedAt === undefined && codeFence.test(line)) {
      inCode = !inCode;
      return { text: line, code: true };
    }
    if (inCode) return { text: line, code: true };
    let text = '';
    let at = 0;
    while (at < line.length) {
      if (openedAt !== undefined) {
        const end = line.indexOf('-->', at);
        const stop = end < 0 ? line.length : end + 3;
        text += ' '.repeat(stop - at);
        at = stop;
        if (end >= 0) openedAt = undefined;
        continue;
      }
      const next = /`+|<!--/.exec(line.slice(at));
      if (!next) break;
      const start = at + next.index;
      if (next[0] === '<!--') {
        text += line.slice(at, start);
        at = start;
        openedAt = index;
        continue;
      }
      // A code span: up to the same run of backticks, or the run alone when it is never closed.
      const end = line.indexOf(next[0], start + next[0].length);
      const stop = end < 0 ? start + next[0].length : end + next[0].length;
      text += line.slice(at, stop);
      at = stop;
    }
    return { text: text + line.slice(at), code: false };
  });
  return { lines: read, ...(openedAt !== undefined ? { unclosed: openedAt } : {}) };
}

/** `text` with its notes blanked (same length, same line breaks). */
export const withoutNotes = (text: string): string =>
  readNotes(text.split('\n'))
    .lines.map((line) => line.text)
    .join('\n');
