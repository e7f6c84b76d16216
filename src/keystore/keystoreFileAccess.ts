// Reads a keystore file, refusing what cannot be one before reading it: a folder, a named pipe
// (reading would wait for a writer forever), a device (/dev/zero never ends), a file far larger
// than any keystore. File-system failures become coded errors that the faces put into words.
import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { KeystoreError } from './errors';
import { isKeystoreFileName } from './fileName';
import { maxKeystoreBytes } from './pkcs12/limits';

/** The file's metadata (symbolic links followed), with file-system failures as keystore errors. */
export async function statKeystoreFile(file: string): Promise<Stats> {
  return accessing(file, () => fs.stat(file));
}

export async function readKeystoreFile(file: string): Promise<Uint8Array> {
  await refuseNonKeystore(file, await statKeystoreFile(file));
  // Non-blocking: a file swapped for a named pipe after the check must not block the open; the
  // handle's own metadata is then checked, so what is read is what was checked.
  const handle = await accessing(file, () => fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)));
  try {
    const stats = await handle.stat();
    await refuseNonKeystore(file, stats);
    let buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await accessing(file, () => handle.read(buffer, length, buffer.length - length, null));
      if (bytesRead === 0) return buffer.subarray(0, length);
      length += bytesRead;
      if (length > maxKeystoreBytes) throw tooLarge(file);
      // Grown since its size was read: more room, never past one byte over the limit.
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, maxKeystoreBytes + 1 - buffer.length))]);
    }
  } finally {
    await handle.close();
  }
}

async function refuseNonKeystore(file: string, stats: Stats): Promise<void> {
  if (stats.isFile()) {
    if (stats.size > maxKeystoreBytes) throw tooLarge(file);
    return;
  }
  if (stats.isDirectory()) throw notAKeystoreFile('is-directory', { file, example: await exampleInside(file) });
  if (stats.isFIFO()) throw notAKeystoreFile('is-fifo', { file });
  if (stats.isCharacterDevice() || stats.isBlockDevice()) throw notAKeystoreFile('is-device', { file });
  throw notAKeystoreFile('not-a-file', { file });
}

const notAKeystoreFile = (code: 'is-directory' | 'is-fifo' | 'is-device' | 'not-a-file', params: { file: string } | { file: string; example: string }) =>
  new KeystoreError(code, `${code}: ${params.file}`, params);

const tooLarge = (file: string) => new KeystoreError('too-large', `larger than ${maxKeystoreBytes} bytes`, { file, mebibytes: maxKeystoreBytes / (1024 * 1024) });

/** A keystore file in the folder, to show what to give instead; a pattern when there is none. */
async function exampleInside(folder: string): Promise<string> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isFile() && isKeystoreFileName(entry.name)).map((entry) => entry.name);
  return path.join(folder, names.sort()[0] ?? '*.acc-p12');
}

async function accessing<T>(file: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw error instanceof KeystoreError ? error : accessError(file, error as NodeJS.ErrnoException);
  }
}

const accessCodes = new Map<string | undefined, 'not-found' | 'permission-denied' | 'symlink-loop'>([
  ['ENOENT', 'not-found'],
  ['ENOTDIR', 'not-found'],
  ['ENAMETOOLONG', 'not-found'],
  ['EACCES', 'permission-denied'],
  ['EPERM', 'permission-denied'],
  ['ELOOP', 'symlink-loop'],
]);

function accessError(file: string, error: NodeJS.ErrnoException): KeystoreError {
  const reason = error.code ?? error.message;
  const code = accessCodes.get(error.code) ?? 'unreadable';
  return new KeystoreError(code, code === 'not-found' ? reason : `${code}: ${file} (${reason})`, { file, reason }, { cause: error });
}
