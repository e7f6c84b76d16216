// A file name made from data (a keystore entry's alias) that every system our users have accepts:
// none of the characters Windows refuses (`<>:"/\|?*`, control characters; a `/` would also reach
// another folder, and macOS's Finder shows `:` as `/`), no trailing dot or space (Windows drops
// them), none of Windows' device names (CON, NUL, COM1...: no file can be called so), and short.

// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const refused = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const deviceName = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Well under the 255 UTF-16 units (Windows) or bytes (macOS, Linux) of one name, extension and all. */
const maxBytes = 200;

/** `text` as the stem of a file name (an extension is added after it); `fallback` when nothing of it is left. */
export function portableName(text: string, fallback: string): string {
  const kept = shortened(text.replace(refused, '_').trim()).replace(/[. ]+$/, '');
  if (!kept) return fallback;
  return deviceName.test(kept.split('.')[0].trim()) ? `_${kept}` : kept;
}

/** The first whole characters of `text` that fit in `maxBytes` of UTF-8 (never half an emoji). */
function shortened(text: string): string {
  let bytes = 0;
  let kept = '';
  for (const character of text) {
    bytes += Buffer.byteLength(character, 'utf8');
    if (bytes > maxBytes) break;
    kept += character;
  }
  return kept;
}
