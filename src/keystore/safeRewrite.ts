// Replaces a keystore without ever leaving it half-written: the new content goes to a temporary file
// in the same folder (a name no one takes for a keystore), is read back and verified, the original
// is kept as a timestamped backup (a hard link, so the old bytes never move), then the temporary
// file is renamed over the original, which is atomic on the same file system. A crash at any moment
// leaves the original, or the new file, under the keystore's name.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { stamp } from '../core/stamp';
import { RewriteFailed } from './errors';

export interface RewriteResult {
  backup: string;
}

/** Backups end in `.bak` so that the folder listing never offers them as keystores. */
async function freeBackupName(file: string, now: Date): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const candidate = `${file}.${stamp(now)}${attempt ? `-${attempt}` : ''}.bak`;
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
}

async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
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

export async function safeRewrite(file: string, bytes: Uint8Array, verify: (written: Uint8Array) => Promise<void>, now: Date = new Date()): Promise<RewriteResult> {
  const folder = path.dirname(file);
  const temporary = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeDurably(temporary, bytes);
    await verify(await fs.readFile(temporary));
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new RewriteFailed(`new keystore did not verify: ${(error as Error).message}`);
  }
  const backup = await freeBackupName(file, now);
  try {
    await fs.link(file, backup).catch(() => fs.copyFile(file, backup, fs.constants.COPYFILE_EXCL));
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new RewriteFailed(`could not replace the keystore: ${(error as Error).message}`);
  }
  await syncFolder(folder);
  return { backup };
}
