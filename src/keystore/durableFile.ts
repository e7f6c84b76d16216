// Files written so that a crash never leaves half of one under a real name: content goes to a
// temporary file beside the target (a recognisable name no one takes for a keystore), is synced,
// and only then takes its name. Shared by keystore rewrites, new keystores and `--out` files.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
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

/** Creates `file` (never an existing one) with `bytes`, synced to disk before returning. */
export async function writeDurably(file: string, bytes: Uint8Array, mode = 0o600): Promise<void> {
  const handle = await fs.open(file, 'wx', mode);
  try {
    await handle.writeFile(bytes);
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
