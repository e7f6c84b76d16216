// Password-based encryption of PKCS#12 bags: the PKCS#12 ciphers (pbeWithSHAAnd3-KeyTripleDES-CBC,
// pbeWithSHAAnd40BitRC2-CBC, ...) and PBES2 (PBKDF2 + AES or 3DES), in both directions.
import { createCipheriv, createDecipheriv, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { KeystoreError } from '../errors';
import { bmpPassword, KdfPurpose, type Deriver } from './kdf';
import { algorithmIdentifier, BerReader, BerTag, integer, octets, type BerElement } from './der';
import { checkSalt, iterationCount } from './limits';
import { rc2CbcDecrypt } from './rc2';
import { oid } from './oids';

const pbkdf2Async = promisify(pbkdf2);

interface Pkcs12Cipher {
  name: string;
  cipher: 'des-ede3-cbc' | 'des-ede-cbc' | 'rc2';
  keyLength: number;
  rc2Bits?: number;
}

const pkcs12Ciphers: Record<string, Pkcs12Cipher> = {
  '1.2.840.113549.1.12.1.3': { name: 'pbeWithSHA1And3-KeyTripleDES-CBC', cipher: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.4': { name: 'pbeWithSHA1And2-KeyTripleDES-CBC', cipher: 'des-ede-cbc', keyLength: 16 },
  '1.2.840.113549.1.12.1.5': { name: 'pbeWithSHA1And128BitRC2-CBC', cipher: 'rc2', keyLength: 16, rc2Bits: 128 },
  '1.2.840.113549.1.12.1.6': { name: 'pbeWithSHA1And40BitRC2-CBC', cipher: 'rc2', keyLength: 5, rc2Bits: 40 },
};

const prfs: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const pbes2Ciphers: Record<string, { cipher: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { cipher: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { cipher: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { cipher: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { cipher: 'des-ede3-cbc', keyLength: 24 },
};

export type PbeScheme =
  | { kind: 'pkcs12'; oid: string; spec: Pkcs12Cipher; salt: Uint8Array; iterations: number }
  | { kind: 'pbes2'; prf: string; cipher: string; keyLength: number; salt: Uint8Array; iterations: number; iv: Uint8Array };

/** What `inspect` reports about a bag's protection. */
export interface PbeDescription {
  algorithm: string;
  iterations: number;
}

export function describePbe(scheme: PbeScheme): PbeDescription {
  const algorithm = scheme.kind === 'pkcs12' ? scheme.spec.name : `PBES2 (PBKDF2-HMAC-${scheme.prf.toUpperCase()}, ${scheme.cipher.toUpperCase()})`;
  return { algorithm, iterations: scheme.iterations };
}

/** The SEQUENCE inside an algorithm's parameters; keystore/corrupt when they are missing. */
function parametersOf(parameters: BerElement | undefined, what: string): BerReader {
  if (parameters?.tag !== BerTag.sequence) throw new KeystoreError('corrupt', `${what}: missing parameters`);
  return BerReader.inside(parameters, what);
}

/** An OCTET STRING salt, checked and copied out of the file's bytes. */
const saltOf = (element: BerElement, what: string) => checkSalt(new Uint8Array(octets(element, what)).buffer);

/** Reads and checks the AlgorithmIdentifier of an encrypted bag; refuses unknown or hostile parameters. */
export function parsePbe(element: BerElement): PbeScheme {
  const algorithm = algorithmIdentifier(element, 'bag algorithm');
  const pkcs12 = pkcs12Ciphers[algorithm.algorithm];
  if (pkcs12) {
    // pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
    const params = parametersOf(algorithm.parameters, pkcs12.name);
    const salt = saltOf(params.next(), pkcs12.name);
    return { kind: 'pkcs12', oid: algorithm.algorithm, spec: pkcs12, salt, iterations: iterationCount(integer(params.next(), pkcs12.name)) };
  }
  if (algorithm.algorithm !== oid.pbes2) throw new KeystoreError('unsupported', `cipher ${algorithm.algorithm}`, { algorithm: algorithm.algorithm });
  // PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }
  const params = parametersOf(algorithm.parameters, 'PBES2');
  const keyDerivation = algorithmIdentifier(params.next(BerTag.sequence), 'PBES2');
  const encryption = algorithmIdentifier(params.next(BerTag.sequence), 'PBES2');
  if (keyDerivation.algorithm !== oid.pbkdf2) throw new KeystoreError('unsupported', `key derivation ${keyDerivation.algorithm}`, { algorithm: keyDerivation.algorithm });
  // PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER, keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
  const kdf = parametersOf(keyDerivation.parameters, 'PBKDF2');
  const [salt, iterations] = [kdf.next(), kdf.next()];
  const keyLength = kdf.optional(BerTag.integer);
  const prfElement = kdf.optional(BerTag.sequence);
  const prfOid = prfElement ? algorithmIdentifier(prfElement, 'PBKDF2').algorithm : '1.2.840.113549.2.7';
  const prf = prfs[prfOid];
  if (!prf) throw new KeystoreError('unsupported', `PRF ${prfOid}`, { algorithm: prfOid });
  const cipher = pbes2Ciphers[encryption.algorithm];
  if (!cipher) throw new KeystoreError('unsupported', `cipher ${encryption.algorithm}`, { algorithm: encryption.algorithm });
  if (!encryption.parameters) throw new KeystoreError('corrupt', 'PBES2 IV: missing');
  const iv = octets(encryption.parameters, 'PBES2 IV');
  if (iv.length !== (cipher.cipher.startsWith('aes') ? 16 : 8)) throw new KeystoreError('corrupt', 'PBES2: IV of the wrong size');
  if (keyLength && integer(keyLength, 'PBKDF2') !== cipher.keyLength) throw new KeystoreError('corrupt', 'PBES2: key length mismatch');
  return {
    kind: 'pbes2',
    prf,
    cipher: cipher.cipher,
    keyLength: cipher.keyLength,
    salt: saltOf(salt, 'PBKDF2'),
    iterations: iterationCount(integer(iterations, 'PBKDF2')),
    iv,
  };
}

async function keyAndIv(scheme: PbeScheme, password: string, deriver: Deriver): Promise<{ key: Uint8Array; iv: Uint8Array }> {
  if (scheme.kind === 'pbes2') {
    // PBES2 passwords are bytes: UTF-8, as OpenSSL and the JDK write them.
    const key = await pbkdf2Async(Buffer.from(password, 'utf8'), scheme.salt, scheme.iterations, scheme.keyLength, scheme.prf);
    return { key, iv: scheme.iv };
  }
  const common = { hash: 'sha1', password: bmpPassword(password), salt: scheme.salt, iterations: scheme.iterations };
  const [key, iv] = await Promise.all([
    deriver.derive({ ...common, purpose: KdfPurpose.key, length: scheme.spec.keyLength }),
    deriver.derive({ ...common, purpose: KdfPurpose.iv, length: 8 }),
  ]);
  return { key, iv };
}

/** Decrypts a bag; a padding failure means the password is wrong (or the bag damaged). */
export async function pbeDecrypt(scheme: PbeScheme, data: Uint8Array, password: string, deriver: Deriver): Promise<Uint8Array> {
  const { key, iv } = await keyAndIv(scheme, password, deriver);
  const blockSize = scheme.kind === 'pbes2' && scheme.cipher.startsWith('aes') ? 16 : 8;
  if (data.length === 0 || data.length % blockSize !== 0) throw new KeystoreError('corrupt', 'encrypted bag of the wrong size');
  if (scheme.kind === 'pkcs12' && scheme.spec.cipher === 'rc2') {
    return removePadding(rc2CbcDecrypt(key, scheme.spec.rc2Bits ?? 128, iv, data), blockSize);
  }
  const cipher = scheme.kind === 'pkcs12' ? scheme.spec.cipher : scheme.cipher;
  const decipher = createDecipheriv(cipher, key, iv);
  decipher.setAutoPadding(false);
  return removePadding(Buffer.concat([decipher.update(data), decipher.final()]), blockSize);
}

function removePadding(plain: Uint8Array, blockSize: number): Uint8Array {
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > blockSize) throw new KeystoreError('wrong-password', 'bad padding');
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) throw new KeystoreError('wrong-password', 'bad padding');
  return plain.subarray(0, plain.length - pad);
}

/** Algorithms our writer produces. */
export type WriteCipher = 'pkcs12-3des' | 'pbes2-aes256';

/** A fresh scheme (random salt and IV) for encrypting a bag. */
export function newScheme(cipher: WriteCipher, iterations: number): PbeScheme {
  if (cipher === 'pkcs12-3des') {
    const id = '1.2.840.113549.1.12.1.3';
    return { kind: 'pkcs12', oid: id, spec: pkcs12Ciphers[id], salt: randomBytes(20), iterations };
  }
  return { kind: 'pbes2', prf: 'sha256', cipher: 'aes-256-cbc', keyLength: 32, salt: randomBytes(16), iterations, iv: randomBytes(16) };
}

export async function pbeEncrypt(scheme: PbeScheme, plain: Uint8Array, password: string, deriver: Deriver): Promise<Uint8Array> {
  if (scheme.kind === 'pkcs12' && scheme.spec.cipher === 'rc2') throw new KeystoreError('unsupported', 'writing RC2', { algorithm: scheme.spec.name });
  const { key, iv } = await keyAndIv(scheme, password, deriver);
  const cipher = createCipheriv(scheme.kind === 'pkcs12' ? scheme.spec.cipher : scheme.cipher, key, iv);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}
