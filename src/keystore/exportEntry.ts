// What `keystore export` hands to other software: a certificate or a chain in PEM or DER, a private
// key as encrypted PKCS#8, and a PKCS#12 copy of one key entry with its chain for Java servers.
import { createHash, type KeyObject } from 'node:crypto';
import { pemBlock } from '../pki/pem';
import type { Deriver } from './pkcs12/kdf';
import { writePkcs12, type WriteOptions } from './pkcs12/writer';
import { sharedKdfPool } from './workerPool';

export type ExportFormat = 'pem' | 'der';

/** Certificates, leaf first: PEM blocks one after the other, or the DER of the only one. */
export function certificatesFile(ders: Uint8Array[], format: ExportFormat): Uint8Array {
  if (format === 'der') {
    if (ders.length !== 1) throw new RangeError('DER holds one certificate');
    return ders[0];
  }
  return Buffer.from(ders.map((der) => pemBlock('CERTIFICATE', der)).join(''));
}

/**
 * The key as EncryptedPrivateKeyInfo (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC), as `openssl pkey`,
 * Java and Node read it.
 */
export function encryptedPrivateKey(key: KeyObject, password: string, format: ExportFormat): Uint8Array {
  const encryption = { type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: password } as const;
  return format === 'pem' ? Buffer.from(key.export({ ...encryption, format })) : key.export({ ...encryption, format });
}

/**
 * A PKCS#12 file with this one key entry under `alias` and its certificate chain (leaf first), in
 * the `compatible` protection the official eHealth tool writes: read by keytool from Java 8 on and
 * by OpenSSL 3 without -legacy. The key and its certificate share a local key id (SHA-1 of the
 * certificate, as OpenSSL names it): that pairing is what makes them one entry for keytool.
 */
export async function pkcs12Copy(
  alias: string,
  key: KeyObject,
  chain: Uint8Array[],
  password: string,
  options: Partial<WriteOptions> & { deriver?: Deriver } = {},
): Promise<Uint8Array> {
  const [leaf, ...issuers] = chain;
  if (!leaf) throw new RangeError('a key entry needs its certificate');
  const names = { friendlyName: alias, localKeyId: createHash('sha1').update(leaf).digest() };
  const contents = { keys: [{ privateKey: key, ...names }], certificates: [{ der: leaf, ...names }, ...issuers.map((der) => ({ der }))] };
  const { deriver = sharedKdfPool(), mode = 'compatible', ...rest } = options;
  return writePkcs12(contents, password, { mode, ...rest }, deriver);
}
