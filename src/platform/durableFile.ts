// Files written so that a crash never leaves half of one under a real name: content goes to a new
// file (never an existing one, never through a symbolic link), is synced, and only then takes its
// name, which is synced too. The client's one durable-write helper: keystore rewrites, new
// keystores, `--out` files and `--trace` files. (The sandbox keeps its own, src/sandbox/store.ts:
// it shares no code with the client.)
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';

const temporaryMark = '.ehealth-tmp-';

/** `.<name>.ehealth-tmp-<random>` beside `target`: hidden, never a keystore suffix, and tied to its target. */
export function temporaryFileFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}${temporaryMark}${randomBytes(6).toString('hex')}`);
}

/** A temporary file of `target` left behind by a killed run. */
export function isTemporaryFileOf(target: string, name: string): boolean {
  const prefix = `.${path.basename(target)}${temporaryMark}`;
  return name.startsWith(prefix) && /^[0-9a-f]{12}$/.test(name.slice(prefix.length));
}

// O_EXCL with O_CREAT already refuses a symbolic link at the name; O_NOFOLLOW says it twice (absent on Windows).
const createNew = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Creates `file` (never an existing one) with `content`, synced to disk before returning. */
export async function writeDurably(file: string, content: Uint8Array | string, mode = 0o600): Promise<void> {
  const handle = await fs.open(file, createNew, mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename or link in `folder` durable. */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for syncing; its rename is durable enough there.
  }
}

/**
 * Writes `content` to a synced temporary file beside `target`, then lets `place` give it its name
 * (link: never replaces a file; rename: replaces one) and syncs the folder. The temporary file is
 * gone on return, whatever happened. Returns what `place` returns (the name it chose, say).
 */
export async function writeThroughTemporary<T>(target: string, content: Uint8Array, mode: number, place: (temporary: string) => Promise<T>): Promise<T> {
  const temporary = temporaryFileFor(target);
  try {
    await writeDurably(temporary, content, mode);
    const placed = await place(temporary);
    await syncFolder(path.dirname(path.resolve(target)));
    return placed;
  } finally {
    await fs.rm(temporary, { force: true });
  }
}
