// Files the user names for an output (`export --out`, `eid sign --out`): an existing file is
// replaced only when asked (`force`), and a keystore never, even then: a mistyped --out must not
// destroy private keys. Only a keystore copy (`export --pkcs12`) may take a keystore's name. Written through a temporary file beside the target, then linked (no
// force: never replaces what appeared meanwhile) or renamed (force) under its name.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeThroughTemporary } from '../platform/durableFile';
import { KeystoreError } from './errors';
import { isKeystoreFileName } from './fileName';

const pkcs7Data = Buffer.from('06092a864886f70d010701', 'hex');
const pkcs7SignedData = Buffer.from('06092a864886f70d010702', 'hex');

/** Skips a DER tag and length at `offset`; the offset of the value, or -1 when not a definite length. */
function valueStart(bytes: Buffer, offset: number): number {
  const first = bytes[offset + 1];
  if (first === undefined || first === 0x80) return -1;
  return offset + 2 + (first & 0x80 ? first & 0x7f : 0);
}

/**
 * A PKCS#12 file, whatever its protection: a SEQUENCE whose first field is INTEGER 3 followed by a
 * data or signed-data ContentInfo. Needs only the first bytes.
 */
export function looksLikePkcs12(head: Buffer): boolean {
  if (head[0] !== 0x30) return false;
  const version = valueStart(head, 0);
  if (version < 0 || !head.subarray(version, version + 3).equals(Buffer.from([0x02, 0x01, 0x03]))) return false;
  const authSafe = version + 3;
  if (head[authSafe] !== 0x30) return false;
  const oid = valueStart(head, authSafe);
  if (oid < 0) return false;
  const type = head.subarray(oid, oid + pkcs7Data.length);
  return type.equals(pkcs7Data) || type.equals(pkcs7SignedData);
}

async function head(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(64);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface OutputOptions {
  /** Replace an existing file (never a keystore). */
  force?: boolean;
  /** The output is itself a keystore (a PKCS#12 copy): it may be named as one. */
  keystoreCopy?: boolean;
  /** Permissions of a new file (before the umask): 0o600 for private keys. */
  mode?: number;
}

/**
 * Throws when `file` may not be written: it is (or, unless a keystore copy, is named as) a keystore,
 * or it exists and `force` was not given. Also called before costly work (an eID signature) to fail early.
 */
export async function checkOutputTarget(file: string, { force = false, keystoreCopy = false }: OutputOptions = {}): Promise<void> {
  if (!keystoreCopy && isKeystoreFileName(path.basename(file))) throw new KeystoreError('output-is-keystore', 'keystore file name', { file });
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (stat.isFile() && looksLikePkcs12(await head(file))) throw new KeystoreError('output-is-keystore', 'PKCS#12 content', { file });
  if (!force || !stat.isFile()) throw new KeystoreError('output-exists', 'exists', { file });
}

/** Writes `bytes` to `file` under the rules above; throws keystore/output-exists or keystore/output-is-keystore. */
export async function writeOutputFile(file: string, bytes: Uint8Array, options: OutputOptions = {}): Promise<void> {
  await checkOutputTarget(file, options);
  await writeThroughTemporary(file, bytes, options.mode ?? 0o666, async (temporary) => {
    if (options.force) {
      await checkOutputTarget(file, options);
      await fs.rename(temporary, file);
      return;
    }
    try {
      // link() never replaces a file that appeared since the check, unlike rename().
      await fs.link(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new KeystoreError('output-exists', 'appeared meanwhile', { file });
      throw error;
    }
  });
}
