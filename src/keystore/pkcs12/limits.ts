// Sanity limits checked before any work, so a hostile or damaged file cannot make us spin.
import { KeystoreError } from '../errors';

/**
 * The JDK's own ceiling, far above any real keystore (eHealth: 50,000 to 100,000; JDK 17: 10,000;
 * OpenSSL 3: 2,048) and low enough that one derivation stays well under a second.
 */
export const maxIterations = 5_000_000;
/** eHealth keystores are 4 to 12 KB. */
export const maxKeystoreBytes = 1024 * 1024;
export const maxSaltBytes = 1024;

/** An ASN.1 INTEGER as decoded by the schema library (a string once it has 4 bytes or more). */
export function iterationCount(value: number | string | undefined): number {
  const count = Number(value);
  if (!Number.isSafeInteger(count) || count < 1) throw new KeystoreError('corrupt', `invalid iteration count ${String(value)}`);
  if (count > maxIterations) throw new KeystoreError('too-costly', `iteration count ${count}`, { iterations: count, limit: maxIterations });
  return count;
}

export function checkSalt(salt: ArrayBuffer): Uint8Array {
  if (salt.byteLength > maxSaltBytes) throw new KeystoreError('too-costly', `salt of ${salt.byteLength} bytes`, { iterations: 0, limit: maxIterations });
  return new Uint8Array(salt);
}
