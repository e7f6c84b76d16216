// Paths as a given system writes and compares them, so that the Windows and macOS rules run (and
// are tested) on any machine: Node's `path.win32` for Windows, `path.posix` elsewhere.
import * as path from 'node:path';

/** Node's path functions for `platform`. */
export const pathsOf = (platform: NodeJS.Platform = process.platform): path.PlatformPath => (platform === 'win32' ? path.win32 : path.posix);

/**
 * What makes two spellings of one absolute path the same file: Windows and macOS (by default) see
 * names alike whatever their case, and macOS whatever their Unicode form too (Finder writes `é` as
 * `e` + accent, a typed path as one character).
 */
export function sameFileKey(absolute: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return absolute.normalize('NFC').toLowerCase();
  return platform === 'win32' ? absolute.toLowerCase() : absolute;
}

/**
 * A path as the user typed or pasted it: without the spaces around it, nor the double quotes
 * Windows puts around a path it copies ("Copy as path" in File Explorer).
 */
export function typedPath(text: string): string {
  const trimmed = text.trim();
  return /^"[^"]*"$/.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}
