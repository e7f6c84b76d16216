// Replaces a keystore without ever leaving it half-written or losing a concurrent change. Under the
// keystore's cross-process lock, beside the real file (a symbolic link is followed and kept): the
// new content goes to a temporary file, is read back and verified; the file must still be the one
// the caller read; the original is copied to a timestamped backup (0600, synced, whole before it
// is named); then the temporary file is renamed over the original, which is atomic on the same
// file system. A crash at any moment leaves the original, or the new file, under the keystore's
// name.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { stamp } from '../core/stamp';
import { isTemporaryFileOf, syncFolder, temporaryFileFor, writeDurably } from '../platform/durableFile';
import { KeystoreError } from './errors';
import { withKeystoreLock } from './lock';

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

/** The file itself, through any symbolic links; a keystore that vanished since it was read changed. */
async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new KeystoreError('changed', 'vanished since it was read', { file });
    throw error;
  }
}

/** Checked on the mode bits, not access(): root may write anything, yet a 0444 keystore was made read-only on purpose. */
async function refuseReadOnly(file: string): Promise<void> {
  if (((await fs.stat(file)).mode & 0o200) === 0) throw new KeystoreError('read-only', 'mode without owner write', { file });
}

/** Temporary files of this keystore left by a killed run: under the lock, none can be in use. */
async function removeLeftovers(file: string): Promise<void> {
  const folder = path.dirname(file);
  const leftovers = (await fs.readdir(folder)).filter((name) => isTemporaryFileOf(file, name));
  await Promise.all(leftovers.map((name) => fs.rm(path.join(folder, name), { force: true })));
}

async function unchangedSince(file: string, original: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(original).equals(await fs.readFile(file));
  } catch {
    return false;
  }
}

/**
 * Replaces `file`, whose content was `original` when the caller read it, with `bytes` once
 * `verify` accepts them as written. Throws keystore/busy (another writer holds the lock),
 * keystore/changed (the file is no longer `original`), keystore/read-only or
 * keystore/rewrite-failed; in every case the file is left as it was and no temporary file remains.
 */
export async function safeRewrite(file: string, original: Uint8Array, bytes: Uint8Array, verify: (written: Uint8Array) => Promise<void>, now: Date = new Date()): Promise<RewriteResult> {
  const target = await realTarget(file);
  await refuseReadOnly(target);
  try {
    return await withKeystoreLock(target, async (stillHeld) => {
      await removeLeftovers(target);
      const temporary = temporaryFileFor(target);
      const backupCopy = temporaryFileFor(target);
      try {
        try {
          await writeDurably(temporary, bytes);
          await verify(await fs.readFile(temporary));
        } catch (error) {
          throw new KeystoreError('rewrite-failed', `new keystore did not verify: ${(error as Error).message}`);
        }
        if (!(await unchangedSince(target, original)) || !stillHeld()) throw new KeystoreError('changed', 'changed since it was read', { file });
        const backup = await freeBackupName(target, now);
        // A copy, never a hard link to the original: the backup must not share its mode or follow
        // later edits. Written whole before it takes its name (a kill mid-copy leaves only a
        // temporary file, removed by the next write, never half a backup).
        await writeDurably(backupCopy, original);
        await fs.link(backupCopy, backup);
        await fs.rename(temporary, target);
        await syncFolder(path.dirname(target));
        return { backup };
      } finally {
        await Promise.all([fs.rm(temporary, { force: true }), fs.rm(backupCopy, { force: true })]);
      }
    });
  } catch (error) {
    // The lock folder, the temporary file or the backup could not be made: a folder without write access, a full disk.
    if (error instanceof KeystoreError) throw error;
    throw new KeystoreError('rewrite-failed', `could not replace the keystore: ${(error as Error).message}`);
  }
}
