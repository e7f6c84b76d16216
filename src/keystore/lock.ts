// One writer per keystore across processes (CLI, extension, a second terminal): a lock directory
// `<keystore>.lock` taken with proper-lockfile, kept fresh while held, stale after `staleMs`
// without refresh. A process killed while holding it leaves the directory behind: the owner file
// inside names the process, so the next writer on the same machine takes over at once when that
// process is gone instead of waiting for the lock to go stale.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDomainError } from '../core/domainError';
import { KeystoreError } from './errors';

/** A lock not refreshed for this long belongs to a frozen or killed writer (refreshed every staleMs / 2). */
const staleMs = 10_000;

const lockPath = (file: string) => `${file}.lock`;
const ownerPath = (file: string) => path.join(lockPath(file), 'owner');

/** True when the lock's owner file names a process of this machine that no longer runs. */
async function ownerIsGone(file: string): Promise<boolean> {
  let owner: { host?: unknown; pid?: unknown };
  try {
    owner = JSON.parse(await fs.readFile(ownerPath(file), 'utf8')) as typeof owner;
  } catch {
    return false; // not written yet, or being written: the owner may be alive
  }
  if (owner.host !== os.hostname() || typeof owner.pid !== 'number') return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function acquire(file: string, compromised: (error: Error) => void): Promise<() => Promise<void>> {
  // Loaded on the first write only: its graceful-fs patches Node's fs for the whole process (the
  // extension host is shared with other extensions), which reading keystores never needs.
  // An ES module bundle (the command line's) sees this CommonJS package's exports as `default` only.
  const lockfile = await import('proper-lockfile').then((module) => ('default' in module ? (module.default as typeof module) : module));
  const lock = () =>
    lockfile.lock(file, { stale: staleMs, realpath: false, retries: 0, onCompromised: compromised }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ELOCKED' ? new KeystoreError('busy', 'locked by another process', { file }) : error;
    });
  try {
    return await lock();
  } catch (error) {
    // ENOTEMPTY: proper-lockfile found the lock stale (a writer frozen or killed, maybe while naming
    // itself) but its rmdir cannot remove our owner file.
    const stale = (error as NodeJS.ErrnoException).code === 'ENOTEMPTY';
    if (!stale && !(isDomainError(error, 'keystore', 'busy') && (await ownerIsGone(file)))) throw error;
    await fs.rm(lockPath(file), { recursive: true, force: true });
    return lock();
  }
}

/**
 * Runs `action` holding the lock of `file` (a real path, not a symbolic link). `stillHeld()` says
 * whether the lock is still ours: the action checks it right before its irreversible step.
 * Throws keystore/busy when another writer holds it.
 */
export async function withKeystoreLock<T>(file: string, action: (stillHeld: () => boolean) => Promise<T>): Promise<T> {
  let lost: Error | undefined;
  const release = await acquire(file, (error) => {
    lost = error;
  });
  try {
    await fs.writeFile(ownerPath(file), JSON.stringify({ host: os.hostname(), pid: process.pid }), { mode: 0o600 });
    return await action(() => lost === undefined);
  } finally {
    if (lost === undefined) {
      // proper-lockfile removes an empty directory only.
      await fs.rm(ownerPath(file), { force: true });
      await release().catch(() => undefined);
    }
  }
}
