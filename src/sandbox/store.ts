// Files of the sandbox's data folder, written atomically (temporary file + rename) so that a crash
// never leaves half a state; private by default (0600), since the folder holds the CA keys. The
// sandbox keeps this helper of its own rather than the client's (src/platform/durableFile.ts): it
// is an oracle for the client and shares no code with it.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export function writeFileAtomic(path: string, data: string, mode = 0o600): void {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, data, { mode });
  renameSync(temporary, path);
}

export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
