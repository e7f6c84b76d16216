// The rule a file name must pass to be written on Windows (and shown as written in macOS's Finder),
// written once for every test of a name we build, from Microsoft's "Naming Files, Paths, and
// Namespaces": none of < > : " / \ | ? * nor a control character (Finder shows ':' as '/'), no
// trailing dot or space, not a device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any
// extension), and at most 255 UTF-16 units (NTFS) and 255 UTF-8 bytes (APFS, ext4).

export function windowsNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (!name) problems.push('empty');
  const reserved = [...name].filter((char) => '<>:"/\\|?*'.includes(char) || char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127);
  if (reserved.length) problems.push(`reserved characters ${JSON.stringify(reserved.join(''))}`);
  if (/[. ]$/.test(name)) problems.push('ends in a dot or a space');
  if (/^(CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])(\..*)?$/i.test(name.replace(/\s+(?=\.|$)/, ''))) problems.push('device name');
  if (name.length > 255 || Buffer.byteLength(name, 'utf8') > 255) problems.push('too long');
  return problems;
}

/** Fails with the name and its problems unless every name passes. */
export function assertWindowsNames(names: readonly string[]): void {
  const bad = names.map((name) => [name, windowsNameProblems(name)] as const).filter(([, problems]) => problems.length);
  if (bad.length) throw new Error(`names Windows refuses:\n${bad.map(([name, problems]) => `  ${JSON.stringify(name)}: ${problems.join(', ')}`).join('\n')}`);
}
