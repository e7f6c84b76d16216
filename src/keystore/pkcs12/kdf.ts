// The PKCS#12 key derivation (RFC 7292 appendix B.2): turns the password into the keys, IVs and MAC
// keys of PKCS#12's own algorithms (the PBES1-style pbeWithSHAAnd... ciphers and the MAC).
import { createHash } from 'node:crypto';
import { iterateSha1 } from './sha1';
import { iterateSha256 } from './sha256';

/** What the derived bytes are for: the "ID" byte of RFC 7292 B.2. */
export const KdfPurpose = { key: 1, iv: 2, mac: 3 } as const;
export type KdfPurpose = (typeof KdfPurpose)[keyof typeof KdfPurpose];

export interface KdfJob {
  /** Node's digest name: sha1, sha256, ... */
  hash: string;
  /** The password as PKCS#12 wants it: UTF-16BE with two zero bytes at the end (see bmpPassword). */
  password: Uint8Array;
  salt: Uint8Array;
  iterations: number;
  purpose: KdfPurpose;
  length: number;
}

/** Runs derivations somewhere: the engine's worker pool, or in-thread where blocking is fine. */
export interface Deriver {
  derive(job: KdfJob): Promise<Uint8Array>;
}

/** Block size (the v of RFC 7292 B.2) and digest length of each supported digest, in bytes. */
const digests: Record<string, { block: number; output: number }> = {
  sha1: { block: 64, output: 20 },
  sha224: { block: 64, output: 28 },
  sha256: { block: 64, output: 32 },
  sha384: { block: 128, output: 48 },
  sha512: { block: 128, output: 64 },
};

export function isKdfHash(hash: string): boolean {
  return hash in digests;
}

/** The job's length in hash compressions, one chain after the other: what scheduling orders by. */
export function kdfCost(job: KdfJob): number {
  return job.iterations * Math.ceil(job.length / (digests[job.hash]?.output ?? job.length));
}

/** The PKCS#12 password encoding: BMPString (UTF-16BE) followed by a 16-bit zero. */
export function bmpPassword(password: string): Uint8Array {
  const bytes = new Uint8Array((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) {
    const code = password.charCodeAt(i);
    bytes[2 * i] = code >>> 8;
    bytes[2 * i + 1] = code & 0xff;
  }
  return bytes;
}

/**
 * The deriver of BouncyCastle's empty password: no bytes at all, where the JDK and OpenSSL encode
 * it as the two-byte terminator alone (RFC 7292 allows both readings of an empty password).
 */
export function zeroLengthEmptyPassword(deriver: Deriver): Deriver {
  const isEmpty = (password: Uint8Array) => password.length === 2 && password[0] === 0 && password[1] === 0;
  return { derive: (job) => deriver.derive(isEmpty(job.password) ? { ...job, password: new Uint8Array(0) } : job) };
}

export function pkcs12Kdf(job: KdfJob): Uint8Array {
  const v = digests[job.hash]?.block;
  if (v === undefined) throw new Error(`PKCS#12 KDF: unsupported digest ${job.hash}`);
  const fill = (source: Uint8Array): Uint8Array => {
    const out = new Uint8Array(v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i++) out[i] = source[i % source.length];
    return out;
  };
  const diversifier = new Uint8Array(v).fill(job.purpose);
  const salt = fill(job.salt);
  const password = fill(job.password);
  const input = new Uint8Array(salt.length + password.length);
  input.set(salt);
  input.set(password, salt.length);

  const result = new Uint8Array(job.length);
  for (let offset = 0; offset < job.length; ) {
    const digest = iterate(job.hash, diversifier, input, job.iterations);
    result.set(digest.subarray(0, Math.min(digest.length, job.length - offset)), offset);
    offset += digest.length;
    if (offset >= job.length) break;
    // Next block: I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block of I, B = digest repeated.
    const b = fill(digest).subarray(0, v);
    for (let j = 0; j < input.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        carry += input[j + k] + b[k];
        input[j + k] = carry & 0xff;
        carry >>>= 8;
      }
    }
  }
  return result;
}

/** Digests whose repeated hashing runs in a generated JS loop; others call the native hash each time. */
const fastIterations: Record<string, { words: number; iterate: (state: Int32Array, count: number) => void }> = {
  sha1: { words: 5, iterate: iterateSha1 },
  sha256: { words: 8, iterate: iterateSha256 },
};

/** H^iterations(D || I): the first hash over the long input natively, the rest in the fast loop. */
function iterate(hash: string, diversifier: Uint8Array, input: Uint8Array, iterations: number): Uint8Array {
  let digest = new Uint8Array(createHash(hash).update(diversifier).update(input).digest());
  const fast = fastIterations[hash];
  if (fast) {
    const view = new DataView(digest.buffer);
    const state = new Int32Array(fast.words);
    for (let i = 0; i < fast.words; i++) state[i] = view.getInt32(i * 4);
    fast.iterate(state, iterations - 1);
    for (let i = 0; i < fast.words; i++) view.setInt32(i * 4, state[i]);
    return digest;
  }
  for (let i = 1; i < iterations; i++) digest = createHash(hash).update(digest).digest();
  return digest;
}
