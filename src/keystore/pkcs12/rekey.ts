// Changing the password of a PKCS#12 file without losing anything this project does not model
// (JDK secret keys and trusted certificates, CRL bags, unknown bags and attributes, nested safes):
// what the password protects is decrypted and encrypted again, everything else is copied byte for
// byte, safes and bags in their order. A private key found in clear (a PKCS#8 keyBag) is the one
// exception: it is written shrouded under the new password, since after "password changed" no
// private key may be readable without it. `openPfx` gives the whole content with the password applied,
// and `sameContent` compares two such contents: the check that a rewritten file lost nothing.
import { isDeepStrictEqual } from 'node:util';
import { isDomainError } from '../../core/domainError';
import { KeystoreError } from '../errors';
import { BerReader, BerTag, encodeElement, octets, oidString, type BerElement } from './der';
import type { Deriver } from './kdf';
import { verifyMac, type MacScheme } from './mac';
import { newScheme, parsePbe, pbeDecrypt, pbeEncrypt, type PbeScheme } from './pbe';
import { maxSafeNesting, passwordDeriver, readEncryptedSafe, readStructure, safeBags, safesOf, unsupportedSafe, type SafeBagElement } from './reader';
import { oid } from './oids';
import { dataContent, encryptedContent, encryptedPrivateKeyInfo, macedPfx, protectionModes, type ProtectionMode } from './writer';

/** A bag's type OID and attribute SET, as encoded in the file. */
interface BagHead {
  id: Uint8Array;
  attributes?: Uint8Array;
}

/** What the password protects inside a bag: a PKCS#8 key (shrouded key bags, the JDK's secret keys); no scheme for a key found in clear. */
interface Shrouded {
  scheme?: PbeScheme;
  pkcs8: Uint8Array;
}

type Bag =
  /** Nothing protected inside: written back as it was. */
  | (BagHead & { kind: 'copied'; encoded: Uint8Array; value: Uint8Array })
  /** A shrouded key bag, or a clear keyBag (no `key.scheme`) that is written shrouded. */
  | (BagHead & { kind: 'shrouded'; key: Shrouded })
  /** SecretBag { secretTypeId pkcs8ShroudedKeyBag, secretValue [0] EXPLICIT OCTET STRING (EncryptedPrivateKeyInfo) }, as the JDK writes secret keys. */
  | (BagHead & { kind: 'secret'; secretTypeId: Uint8Array; key: Shrouded })
  | (BagHead & { kind: 'nested'; bags: Bag[] });

interface Safe {
  /** The scheme of an encrypted safe; undefined for a clear one. */
  scheme?: PbeScheme;
  bags: Bag[];
}

/** A PKCS#12 file opened with its password: every safe and bag, the protected parts decrypted. */
export interface OpenedPfx {
  mac?: MacScheme;
  mode: ProtectionMode;
  safes: Safe[];
}

/** Opens everything, all decryptions at once (the key derivations spread over the worker pool). */
export async function openPfx(bytes: Uint8Array, password: string, deriver: Deriver): Promise<OpenedPfx> {
  const structure = readStructure(bytes);
  deriver = await passwordDeriver(structure, password, deriver);
  const macCheck = structure.mac ? verifyMac(structure.mac, structure.authSafe, password, deriver) : Promise.resolve();
  const safes = Promise.all(
    [...safesOf(structure.authSafe)].map(async (info): Promise<Safe> => {
      if (info.type === oid.data) return { bags: await openBags(octets(info.content, 'SafeContents'), password, deriver) };
      if (info.type !== oid.encryptedData) throw unsupportedSafe(info.type);
      const { scheme, ciphertext } = readEncryptedSafe(info.content);
      return { scheme, bags: await openBags(await pbeDecrypt(scheme, ciphertext, password, deriver), password, deriver) };
    }),
  );
  const [mac, opened] = await Promise.allSettled([macCheck, safes]);
  if (mac.status === 'rejected') throw mac.reason;
  if (opened.status === 'rejected') {
    // With a verified MAC the password is right: what does not decrypt is damaged. Without a MAC,
    // garbage that happened to end in valid padding also means a wrong password.
    if (structure.mac && isDomainError(opened.reason, 'keystore', 'wrong-password')) throw new KeystoreError('corrupt', 'a bag does not decrypt');
    if (!structure.mac && isDomainError(opened.reason, 'keystore', 'corrupt')) throw new KeystoreError('wrong-password', 'decrypted bag is not ASN.1');
    throw opened.reason;
  }
  const pbes2 = opened.value.some(function usesPbes2(safe: Safe | Bag): boolean {
    if ('scheme' in safe && safe.scheme?.kind === 'pbes2') return true;
    if ('key' in safe) return safe.key.scheme?.kind === 'pbes2';
    return 'bags' in safe && safe.bags.some(usesPbes2);
  });
  return { ...(structure.mac ? { mac: structure.mac } : {}), mode: pbes2 ? 'modern' : 'compatible', safes: opened.value };
}

async function openBags(safeContents: Uint8Array | BerElement, password: string, deriver: Deriver, depth = 0): Promise<Bag[]> {
  if (depth > maxSafeNesting) throw new KeystoreError('corrupt', 'safeContents nested too deep');
  return Promise.all([...safeBags(safeContents)].map((bag) => openBag(bag, password, deriver, depth)));
}

async function openBag(bag: SafeBagElement, password: string, deriver: Deriver, depth: number): Promise<Bag> {
  const head: BagHead = { id: bag.id, ...(bag.attributes ? { attributes: bag.attributes.encoded } : {}) };
  if (bag.bagId === oid.pkcs8ShroudedKeyBag) return { ...head, kind: 'shrouded', key: await openShrouded(bag.value, password, deriver) };
  if (bag.bagId === oid.keyBag) return { ...head, kind: 'shrouded', key: { pkcs8: bag.value.encoded } };
  if (bag.bagId === oid.safeContentsBag) return { ...head, kind: 'nested', bags: await openBags(bag.value, password, deriver, depth + 1) };
  if (bag.bagId === oid.secretBag) {
    const secret = BerReader.inside(bag.value, 'secret bag', BerTag.sequence);
    const typeId = secret.next(BerTag.oid);
    if (oidString(typeId) === oid.pkcs8ShroudedKeyBag) {
      const shrouded = octets(BerReader.inside(secret.next(BerTag.context0), 'secret bag').next(), 'secret bag');
      const key = await openShrouded(BerReader.read(shrouded, 'secret bag'), password, deriver);
      return { ...head, kind: 'secret', secretTypeId: typeId.encoded, key };
    }
  }
  return { ...head, kind: 'copied', encoded: bag.encoded, value: bag.value.encoded };
}

/** EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm, encryptedData OCTET STRING } */
async function openShrouded(element: BerElement, password: string, deriver: Deriver): Promise<Shrouded> {
  const shrouded = BerReader.inside(element, 'key bag', BerTag.sequence);
  const scheme = parsePbe(shrouded.next(BerTag.sequence));
  const pkcs8 = await pbeDecrypt(scheme, octets(shrouded.next(), 'key bag'), password, deriver);
  // A PKCS#8 structure, or the password was wrong (files without a MAC).
  BerReader.read(pkcs8, 'PKCS#8', BerTag.sequence);
  return { scheme, pkcs8 };
}

/** DER of the pkcs8ShroudedKeyBag OID (1.2.840.113549.1.12.10.1.2): what a clear key bag becomes. */
const shroudedKeyBagId = Buffer.from('060b2a864886f70d010c0a0102', 'hex');

export interface RekeyOptions {
  /** Iteration count of every new scheme and the MAC; for tests that need speed only. */
  iterations?: number;
}

/**
 * The same file under `password`. Each protected part keeps its family of scheme with a fresh salt:
 * PBES2 stays PBES2 (PBKDF2-HMAC-SHA256, AES-256), the PKCS#12 ciphers become PKCS#12 3DES (RC2
 * cannot be written, and OpenSSL 3 reads 3DES without -legacy). The MAC keeps its digest; a file
 * without a MAC gets one of its mode (SHA-1 or SHA-256): every reader accepts a MAC, and it is what
 * tells a wrong password from a damaged file.
 */
export async function rekeyPfx(opened: OpenedPfx, password: string, deriver: Deriver, options: RekeyOptions = {}): Promise<Uint8Array> {
  const encrypt = async (old: PbeScheme | undefined, plain: Uint8Array) => {
    const family = (old ? old.kind === 'pbes2' : opened.mode === 'modern') ? protectionModes.modern : protectionModes.compatible;
    const scheme = newScheme(family.cipher, options.iterations ?? family.iterations);
    return { scheme, ciphertext: await pbeEncrypt(scheme, plain, password, deriver) };
  };
  const shroud = async (key: Shrouded) => {
    const { scheme, ciphertext } = await encrypt(key.scheme, key.pkcs8);
    return encryptedPrivateKeyInfo(scheme, ciphertext);
  };
  const encodeBags = async (bags: Bag[]): Promise<Uint8Array> => encodeElement(BerTag.sequence, ...(await Promise.all(bags.map(encodeBag))));
  const encodeBag = async (bag: Bag): Promise<Uint8Array> => {
    if (bag.kind === 'copied') return bag.encoded;
    const value =
      bag.kind === 'shrouded'
        ? await shroud(bag.key)
        : bag.kind === 'secret'
          ? encodeElement(BerTag.sequence, bag.secretTypeId, encodeElement(BerTag.context0, encodeElement(BerTag.octetString, await shroud(bag.key))))
          : await encodeBags(bag.bags);
    const id = bag.kind === 'shrouded' ? shroudedKeyBagId : bag.id;
    return encodeElement(BerTag.sequence, id, encodeElement(BerTag.context0, value), ...(bag.attributes ? [bag.attributes] : []));
  };
  const safes = await Promise.all(
    opened.safes.map(async (safe) => {
      const safeContents = await encodeBags(safe.bags);
      if (!safe.scheme) return dataContent(safeContents);
      const { scheme, ciphertext } = await encrypt(safe.scheme, safeContents);
      return encryptedContent(scheme, ciphertext);
    }),
  );
  const mode = protectionModes[opened.mode];
  return macedPfx(safes, opened.mac?.digest ?? mode.mac, options.iterations ?? mode.macIterations, password, deriver);
}

/**
 * Plain data to compare: bag types, attributes and values in hex, keys by their decrypted PKCS#8 and
 * whether they are shrouded (a key in clear before the change is shrouded after it, never the reverse).
 */
function canonical(safes: Safe[], clearKeysShrouded: boolean) {
  const hex = (bytes?: Uint8Array) => (bytes ? Buffer.from(bytes).toString('hex') : undefined);
  const bag = (item: Bag): unknown => ({
    kind: item.kind,
    id: item.kind === 'shrouded' ? undefined : hex(item.id),
    ...(item.kind === 'shrouded' ? { shrouded: clearKeysShrouded || item.key.scheme !== undefined } : {}),
    attributes: hex(item.attributes),
    ...(item.kind === 'copied' ? { value: hex(item.value) } : {}),
    ...(item.kind === 'shrouded' || item.kind === 'secret' ? { key: hex(item.key.pkcs8) } : {}),
    ...(item.kind === 'secret' ? { secretTypeId: hex(item.secretTypeId) } : {}),
    ...(item.kind === 'nested' ? { bags: item.bags.map(bag) } : {}),
  });
  return safes.map((safe) => ({ encrypted: safe.scheme !== undefined, bags: safe.bags.map(bag) }));
}

/**
 * True when `rekeyed` holds the same safes and bags as `original`, in the same order, with the same
 * attributes and keys, every key shrouded.
 */
export function sameContent(original: OpenedPfx, rekeyed: OpenedPfx): boolean {
  return isDeepStrictEqual(canonical(original.safes, true), canonical(rekeyed.safes, false));
}
