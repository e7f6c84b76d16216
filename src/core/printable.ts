// Text from outside (file names, aliases and names inside a keystore) shown on a terminal or in a
// tree view: control characters escaped visibly, so a name cannot add lines, move the cursor, send
// terminal sequences or reorder what is shown (bidirectional overrides). Dependency-free.

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional marks, embeddings and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisible = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `a\nb` for a name holding a line feed, `\x1b[31m` for an escape sequence, `\u202e` for a right-to-left override. */
export function printable(text: string): string {
  return text.replace(invisible, (char) => {
    const code = char.charCodeAt(0);
    return named[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
