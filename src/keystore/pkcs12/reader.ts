// Reads PKCS#12 files in two steps. `readStructure` needs no password: it gives the MAC parameters,
// the bags that are in clear (key bags' aliases and local key ids) and the encrypted parts.
// `unlock` verifies the MAC and decrypts the certificate bags, in parallel; private keys stay
// encrypted until asked for, since they cost 150,000 SHA-1 compressions each with the JDK's 3DES.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { isDomainError } from '../../core/domainError';
import { KeystoreError } from '../errors';
import { zeroLengthEmptyPassword, type Deriver } from './kdf';
import { BerReader, BerTag, integer, octets, oidString, text, type BerElement } from './der';
import { maxKeystoreBytes } from './limits';
import { parseMac, verifyMac, type MacScheme } from './mac';
import { parsePbe, pbeDecrypt, type PbeScheme } from './pbe';
import { oid } from './oids';

export interface BagAttributes {
  friendlyName?: string;
  localKeyId?: Uint8Array;
}

export interface RawCertificateBag extends BagAttributes {
  der: Uint8Array;
}

export interface RawKeyBag extends BagAttributes {
  /** Undefined for an unencrypted PKCS#8 key bag. */
  scheme?: PbeScheme;
  /** The encrypted (or, without scheme, plain) PKCS#8 bytes. */
  data: Uint8Array;
}

export interface EncryptedSafe {
  scheme: PbeScheme;
  ciphertext: Uint8Array;
}

export interface Pkcs12Structure {
  mac?: MacScheme;
  /** The bytes the MAC covers. */
  authSafe: Uint8Array;
  /** Key and certificate bags readable without the password. */
  keys: RawKeyBag[];
  certificates: RawCertificateBag[];
  encrypted: EncryptedSafe[];
}

export function readStructure(bytes: Uint8Array): Pkcs12Structure {
  if (bytes.length > maxKeystoreBytes) throw new KeystoreError('corrupt', `file of ${bytes.length} bytes`);
  // PFX ::= SEQUENCE { version INTEGER, authSafe ContentInfo, macData MacData OPTIONAL }
  const pfx = BerReader.inside(BerReader.read(bytes, 'PFX', BerTag.sequence), 'PFX');
  const version = integer(pfx.next(), 'PFX version');
  if (version !== 3) throw new KeystoreError('unsupported', `PFX version ${version}`, { algorithm: `PKCS#12 v${version}` });
  const authSafeInfo = contentInfo(pfx.next(BerTag.sequence));
  if (authSafeInfo.type !== oid.data) throw new KeystoreError('unsupported', `authSafe ${authSafeInfo.type}`, { algorithm: authSafeInfo.type });
  const authSafe = octets(authSafeInfo.content, 'authSafe');
  const macData = pfx.optional(BerTag.sequence);
  const structure: Pkcs12Structure = {
    ...(macData ? { mac: parseMac(macData) } : {}),
    authSafe,
    keys: [],
    certificates: [],
    encrypted: [],
  };
  for (const info of safesOf(authSafe)) {
    if (info.type === oid.data) {
      collectBags(octets(info.content, 'SafeContents'), structure);
    } else if (info.type === oid.encryptedData) {
      structure.encrypted.push(readEncryptedSafe(info.content));
    } else {
      throw unsupportedSafe(info.type);
    }
  }
  return structure;
}

/** PKCS#12's public-key privacy mode (a safe encrypted to a certificate) and any other safe type: refused by name. */
const safeTypeNames: Record<string, string> = { '1.2.840.113549.1.7.3': 'envelopedData (public-key encrypted safe)' };

export const unsupportedSafe = (type: string) => new KeystoreError('unsupported', `safe ${type}`, { algorithm: safeTypeNames[type] ?? type });

/** ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY } */
export function contentInfo(element: BerElement): { type: string; content: BerElement } {
  const fields = BerReader.inside(element, 'ContentInfo');
  const type = oidString(fields.next());
  return { type, content: BerReader.inside(fields.next(BerTag.context0), 'ContentInfo').next() };
}

/** The safes of an AuthenticatedSafe ::= SEQUENCE OF ContentInfo, in order. */
export function* safesOf(authSafe: Uint8Array): Generator<{ type: string; content: BerElement }> {
  for (const safes = BerReader.inside(BerReader.read(authSafe, 'AuthenticatedSafe', BerTag.sequence), 'AuthenticatedSafe'); !safes.done; ) {
    yield contentInfo(safes.next(BerTag.sequence));
  }
}

/** EncryptedData ::= SEQUENCE { version, SEQUENCE { contentType, algorithm, [0] IMPLICIT OCTET STRING } } */
export function readEncryptedSafe(element: BerElement): EncryptedSafe {
  const data = BerReader.inside(element, 'EncryptedData', BerTag.sequence);
  data.next(BerTag.integer);
  const info = BerReader.inside(data.next(BerTag.sequence), 'EncryptedContentInfo');
  info.next(BerTag.oid);
  const scheme = parsePbe(info.next(BerTag.sequence));
  const content = info.done ? undefined : octets(info.next(), 'EncryptedData', 0x80);
  if (!content?.length) throw new KeystoreError('corrupt', 'EncryptedData without content');
  return { scheme, ciphertext: content };
}

/** A SafeBag's parts, as views into the file's bytes. */
export interface SafeBagElement {
  bagId: string;
  /** The whole bag, the bagId OID and the attribute SET as they are encoded in the file. */
  encoded: Uint8Array;
  id: Uint8Array;
  value: BerElement;
  attributes?: BerElement;
}

/** Nested safeContents bags deeper than this are refused (each level costs a recursion). */
export const maxSafeNesting = 8;

/** SafeContents ::= SEQUENCE OF SafeBag { bagId OID, bagValue [0] EXPLICIT ANY, bagAttributes SET OPTIONAL } */
export function* safeBags(safeContents: Uint8Array | BerElement): Generator<SafeBagElement> {
  const element = safeContents instanceof Uint8Array ? BerReader.read(safeContents, 'SafeContents', BerTag.sequence) : safeContents;
  for (const bags = BerReader.inside(element, 'SafeContents', BerTag.sequence); !bags.done; ) {
    const encoded = bags.next(BerTag.sequence);
    const bag = BerReader.inside(encoded, 'SafeBag');
    const id = bag.next();
    const bagId = oidString(id);
    const value = BerReader.inside(bag.next(BerTag.context0), 'SafeBag').next();
    const attributes = bag.optional(BerTag.set);
    yield { bagId, encoded: encoded.encoded, id: id.encoded, value, ...(attributes ? { attributes } : {}) };
  }
}

/** The bags of one SafeContents, nested safeContents bags included. */
function collectBags(safeContents: Uint8Array | BerElement, into: Pick<Pkcs12Structure, 'keys' | 'certificates'>, depth = 0): void {
  if (depth > maxSafeNesting) throw new KeystoreError('corrupt', 'safeContents nested too deep');
  for (const { bagId, value, attributes: attributeSet } of safeBags(safeContents)) {
    const attributes = attributeSet ? readAttributes(attributeSet) : {};
    if (bagId === oid.pkcs8ShroudedKeyBag) {
      // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm, encryptedData OCTET STRING }
      const shrouded = BerReader.inside(value, 'key bag', BerTag.sequence);
      into.keys.push({ ...attributes, scheme: parsePbe(shrouded.next(BerTag.sequence)), data: octets(shrouded.next(), 'key bag') });
    } else if (bagId === oid.keyBag) {
      into.keys.push({ ...attributes, data: value.encoded });
    } else if (bagId === oid.certBag) {
      // CertBag ::= SEQUENCE { certId OID, certValue [0] EXPLICIT OCTET STRING }
      const cert = BerReader.inside(value, 'certificate bag', BerTag.sequence);
      if (oidString(cert.next()) !== oid.x509Certificate) continue; // SDSI certificates: never seen in practice, skipped.
      into.certificates.push({ ...attributes, der: octets(BerReader.inside(cert.next(BerTag.context0), 'certificate bag').next(), 'certificate') });
    } else if (bagId === oid.safeContentsBag) {
      collectBags(value, into, depth + 1);
    }
    // CRL, secret and unknown bags carry nothing an eHealth keystore uses (a password change copies them).
  }
}

/** SET OF SEQUENCE { attrId OID, attrValues SET OF ANY }: the first value of the two we use. */
function readAttributes(attributes: BerElement): BagAttributes {
  const result: BagAttributes = {};
  for (const reader = BerReader.inside(attributes, 'bag attributes'); !reader.done; ) {
    const attribute = BerReader.inside(reader.next(BerTag.sequence), 'bag attribute');
    const id = oidString(attribute.next());
    const values = BerReader.inside(attribute.next(BerTag.set), 'bag attribute');
    if (values.done) continue;
    const value = values.next();
    if (id === oid.friendlyName) {
      const name = text(value);
      if (name === undefined) throw new KeystoreError('corrupt', 'friendlyName: not a string');
      result.friendlyName = name;
    }
    if (id === oid.localKeyId) result.localKeyId = octets(value, 'localKeyId');
  }
  return result;
}

export interface UnlockedKey extends BagAttributes {
  /** Decrypts the key on first use (the costly part of opening a JDK keystore). */
  privateKey(): Promise<KeyObject>;
}

export interface UnlockedPkcs12 {
  structure: Pkcs12Structure;
  certificates: RawCertificateBag[];
  keys: UnlockedKey[];
}

/**
 * Checks the password and decrypts the certificates. The result keeps the password only inside
 * `privateKey()`: hold it no longer than the operation that needs the keys.
 */
export async function unlock(structure: Pkcs12Structure, password: string, deriver: Deriver): Promise<UnlockedPkcs12> {
  return (await unlockAndUse(structure, password, deriver, () => undefined)).contents;
}

/**
 * `unlock`, running `use` on the decrypted contents while the MAC is still being checked (the MAC
 * key derivation is the longest step): its result comes out only once the MAC verified, and a
 * wrong password wins over whatever `use` threw on contents that were garbage. With `keysAtOnce`,
 * the keys found in clear safes are decrypted too, their derivations asked for with the others so
 * that a deriver can schedule them all (the caller is about to need every key).
 */
export async function unlockAndUse<T>(
  structure: Pkcs12Structure,
  password: string,
  deriver: Deriver,
  use: (contents: UnlockedPkcs12) => T,
  keysAtOnce = false,
): Promise<{ contents: UnlockedPkcs12; used: T }> {
  deriver = await passwordDeriver(structure, password, deriver);
  const macCheck = structure.mac ? verifyMac(structure.mac, structure.authSafe, password, deriver) : Promise.resolve();
  const work = decrypt(structure, password, deriver, keysAtOnce).then((contents) => ({ contents, used: use(contents) }));
  const [mac, done] = await Promise.allSettled([macCheck, work]);
  if (mac.status === 'rejected') throw mac.reason;
  if (done.status === 'rejected') throw done.reason;
  return done.value;
}

/**
 * The deriver that opens this file with `password`: `deriver` itself, except for an empty password
 * that BouncyCastle wrote as zero bytes. Both encodings are tried, as the JDK and OpenSSL do, on the
 * MAC or else on the first bag encrypted with a PKCS#12 cipher (PBES2 encodes "" one way only).
 */
export async function passwordDeriver(structure: Pkcs12Structure, password: string, deriver: Deriver): Promise<Deriver> {
  if (password !== '') return deriver;
  const bag = [...structure.encrypted.map((safe) => ({ scheme: safe.scheme, data: safe.ciphertext })), ...structure.keys].find((item) => item.scheme?.kind === 'pkcs12');
  const opens = async (candidate: Deriver): Promise<boolean> => {
    try {
      if (structure.mac) await verifyMac(structure.mac, structure.authSafe, password, candidate);
      // Without a MAC, valid padding may be chance: the plaintext must also be ASN.1.
      else if (bag?.scheme) BerReader.read(await pbeDecrypt(bag.scheme, bag.data, password, candidate), 'bag', BerTag.sequence);
      return true;
    } catch (error) {
      if (isDomainError(error, 'keystore', 'wrong-password') || isDomainError(error, 'keystore', 'corrupt')) return false;
      throw error;
    }
  };
  const zeroLength = zeroLengthEmptyPassword(deriver);
  const [standard, bouncyCastle] = await Promise.all([opens(deriver), opens(zeroLength)]);
  return !standard && bouncyCastle ? zeroLength : deriver;
}

async function decrypt(structure: Pkcs12Structure, password: string, deriver: Deriver, keysAtOnce: boolean): Promise<UnlockedPkcs12> {
  const clearKeys = structure.keys.map((key) => lazyKey(key, password, deriver, !structure.mac));
  // Whoever asks for a key sees its failure; this early start only must not leave it unhandled.
  if (keysAtOnce) for (const key of clearKeys) key.privateKey().catch(() => undefined);
  const safes = await Promise.allSettled(structure.encrypted.map((safe) => pbeDecrypt(safe.scheme, safe.ciphertext, password, deriver)));
  const found: Pick<Pkcs12Structure, 'keys' | 'certificates'> = { keys: [], certificates: [...structure.certificates] };
  for (const safe of safes) {
    if (safe.status === 'rejected') {
      // Reached only with a verified MAC (unlockAndUse puts its failure first), if any: then the
      // password is right, and a bag that does not decrypt is damaged.
      if (isDomainError(safe.reason, 'keystore', 'wrong-password') && structure.mac) throw new KeystoreError('corrupt', 'encrypted safe does not decrypt');
      throw safe.reason;
    }
    try {
      collectBags(safe.value, found);
    } catch (error) {
      // Without a MAC, garbage that happened to end in valid padding also means a wrong password.
      if (!structure.mac && isDomainError(error, 'keystore', 'corrupt')) throw new KeystoreError('wrong-password', 'decrypted safe is not ASN.1');
      throw error;
    }
  }
  return { structure, certificates: found.certificates, keys: [...clearKeys, ...found.keys.map((key) => lazyKey(key, password, deriver, !structure.mac))] };
}

function lazyKey(bag: RawKeyBag, password: string, deriver: Deriver, passwordUnchecked: boolean): UnlockedKey {
  let cached: Promise<KeyObject> | undefined;
  const decrypt = async (): Promise<KeyObject> => {
    let pkcs8: Uint8Array;
    try {
      pkcs8 = bag.scheme ? await pbeDecrypt(bag.scheme, bag.data, password, deriver) : bag.data;
    } catch (error) {
      if (isDomainError(error, 'keystore', 'wrong-password') && !passwordUnchecked) throw new KeystoreError('corrupt', 'key bag does not decrypt');
      throw error;
    }
    try {
      return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
    } catch {
      if (passwordUnchecked) throw new KeystoreError('wrong-password', 'decrypted key is not PKCS#8');
      throw new KeystoreError('corrupt', 'private key unreadable');
    }
  };
  const { friendlyName, localKeyId } = bag;
  return {
    ...(friendlyName !== undefined ? { friendlyName } : {}),
    ...(localKeyId ? { localKeyId } : {}),
    privateKey: () => (cached ??= decrypt()),
  };
}
