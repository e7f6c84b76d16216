// French typography of the user-facing text: a no-break space (U+00A0) before a colon, a narrow
// no-break space (U+202F) before ; ? ! and inside « », and the typographic apostrophe ’. What is
// written for machines stays as written: code in backticks, link targets, URLs, command links,
// `{placeholders}`, times (10:30), `:::` and `holder:`-style syntax (no space after the colon).
export const noBreakSpace = '\u00a0';
export const narrowNoBreakSpace = '\u202f';

const verbatim = /`[^`]*`|\]\([^)]*\)|\b[a-z][\w+.-]*:\/\/[^\s)»]+|\bcommand:[^\s)]+|\{\w+\}/g;
// Any space a writer may have typed (or none) where French wants a no-break one.
const spaces = '[ \\u00a0\\u202f]*';

function proseTypography(prose: string): string {
  return prose
    // An elision: `l’eID`, and in Markdown `d’**authentification**`.
    .replace(/(\p{L})'(?=[\p{L}*_])/gu, '$1’')
    .replace(new RegExp(`«${spaces}`, 'g'), `«${narrowNoBreakSpace}`)
    .replace(new RegExp(`${spaces}»`, 'g'), `${narrowNoBreakSpace}»`)
    // A colon ends a word and opens what follows: `eHealth : 2 jours`, `Options :`.
    .replace(new RegExp(`([^\\s:;?!«])${spaces}:(?=\\s|$)`, 'gu'), `$1${noBreakSpace}:`)
    .replace(new RegExp(`([^\\s:;?!«])${spaces}([;?!])(?=[\\s)»]|$)`, 'gu'), `$1${narrowNoBreakSpace}$2`);
}

/** The text with French typography; spans written for machines are kept as they are. */
export function frenchTypography(text: string): string {
  // Each verbatim span stands in as a private-use character while the prose around it is fixed, so
  // `{file} :` still sees the word before its colon.
  const kept: string[] = [];
  const prose = text.replace(verbatim, (span) => String.fromCharCode(0xe000 + kept.push(span) - 1));
  return proseTypography(prose).replace(/[\ue000-\uf8ff]/g, (mark) => kept[mark.charCodeAt(0) - 0xe000]);
}
