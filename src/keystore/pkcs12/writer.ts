// Writes PKCS#12 files: key bags in a clear SafeContents (each key shrouded on its own) and the
// certificates in one password-encrypted SafeContents, then the MAC, as the JDK lays them out.
// Two protection modes: `compatible` is what the official eHealth tool writes (3DES, SHA-1 MAC) and
// what Java 8-era software reads; its certificate bag uses 3DES instead of the JDK's RC2-40 so that
// OpenSSL 3 reads it without -legacy. `modern` is PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) with an
// HMAC-SHA256 MAC, as JDK 17 writes.
import { randomBytes, type KeyObject } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ContentInfo, EncryptedContent, EncryptedContentInfo } from '@peculiar/asn1-cms';
import { AuthenticatedSafe, CertBag, MacData, PFX, PKCS12Attribute, PKCS8ShroudedKeyBag, SafeBag, SafeContents } from '@peculiar/asn1-pfx';
import { EncryptedData as EncryptedKeyData } from '@peculiar/asn1-pkcs8';
import { DigestInfo } from '@peculiar/asn1-rsa';
import { AlgorithmIdentifier, DirectoryString } from '@peculiar/asn1-x509';
import { KeystoreError } from '../errors';
import type { Deriver } from './kdf';
import { computeMac, macDigests } from './mac';
import { oid } from './oids';
import { newScheme, pbeEncrypt, type PbeScheme, type WriteCipher } from './pbe';
import { EncryptedData, Pbes2Params, Pbkdf2Params, Pkcs12PbeParams } from './schemas';

export type ProtectionMode = 'compatible' | 'modern';

export const protectionModes: Record<ProtectionMode, { cipher: WriteCipher; iterations: number; mac: 'sha1' | 'sha256'; macIterations: number }> = {
  // The iteration counts of the official tool's keystores (see the real acceptance keystore).
  compatible: { cipher: 'pkcs12-3des', iterations: 50_000, mac: 'sha1', macIterations: 100_000 },
  // JDK 17's defaults.
  modern: { cipher: 'pbes2-aes256', iterations: 10_000, mac: 'sha256', macIterations: 10_000 },
};

export interface BagNames {
  friendlyName?: string;
  localKeyId?: Uint8Array;
}

export interface KeyToWrite extends BagNames {
  privateKey: KeyObject;
}

export interface CertificateToWrite extends BagNames {
  der: Uint8Array;
}

export interface Pkcs12Contents {
  keys: KeyToWrite[];
  certificates: CertificateToWrite[];
}

export interface WriteOptions {
  mode: ProtectionMode;
  /** Overrides the mode's iteration counts (tests that need speed; never lower for real files). */
  iterations?: number;
}

// PKCS12Attribute's constructor drops its parameters (asn1-pfx 2.11.1), hence Object.assign.
const attribute = (attrId: string, value: ArrayBuffer) => Object.assign(new PKCS12Attribute(), { attrId, attrValues: [value] });

function attributes(names: BagNames): PKCS12Attribute[] {
  const result: PKCS12Attribute[] = [];
  if (names.friendlyName !== undefined) {
    result.push(attribute(oid.friendlyName, AsnConvert.serialize(new DirectoryString({ bmpString: names.friendlyName }))));
  }
  if (names.localKeyId) result.push(attribute(oid.localKeyId, AsnConvert.serialize(new OctetString(names.localKeyId))));
  return result;
}

export const dataContent = (bytes: Uint8Array) => new ContentInfo({ contentType: oid.data, content: AsnConvert.serialize(new OctetString(bytes)) });

export async function writePkcs12(contents: Pkcs12Contents, password: string, options: WriteOptions, deriver: Deriver): Promise<Uint8Array> {
  const mode = protectionModes[options.mode];
  const iterations = options.iterations ?? mode.iterations;
  const keyBags = contents.keys.map(async (key) => {
    const scheme = newScheme(mode.cipher, iterations);
    const pkcs8 = key.privateKey.export({ type: 'pkcs8', format: 'der' });
    const shrouded = encryptedPrivateKeyInfo(scheme, await pbeEncrypt(scheme, pkcs8, password, deriver));
    return new SafeBag({ bagId: oid.pkcs8ShroudedKeyBag, bagValue: shrouded.buffer as ArrayBuffer, bagAttributes: attributes(key) });
  });
  const certificateBags = contents.certificates.map((certificate) => {
    const bag = new CertBag({ certId: oid.x509Certificate, certValue: AsnConvert.serialize(new OctetString(certificate.der)) });
    return new SafeBag({ bagId: oid.certBag, bagValue: AsnConvert.serialize(bag), bagAttributes: attributes(certificate) });
  });
  const certificateScheme = newScheme(mode.cipher, iterations);
  const certificatesPlain = new Uint8Array(AsnConvert.serialize(new SafeContents(certificateBags)));
  // Every bag is encrypted at once: the derivations spread over the worker pool.
  const [certificatesEncrypted, ...keys] = await Promise.all([pbeEncrypt(certificateScheme, certificatesPlain, password, deriver), ...keyBags]);
  const safes: ContentInfo[] = [];
  if (keys.length) safes.push(dataContent(new Uint8Array(AsnConvert.serialize(new SafeContents(keys)))));
  safes.push(encryptedContent(certificateScheme, certificatesEncrypted));
  return macedPfx(safes, mode.mac, options.iterations ?? mode.macIterations, password, deriver);
}

/** EncryptedPrivateKeyInfo: a shrouded key bag's value (and a JDK secret key's). */
export function encryptedPrivateKeyInfo(scheme: PbeScheme, ciphertext: Uint8Array): Uint8Array {
  return new Uint8Array(AsnConvert.serialize(new PKCS8ShroudedKeyBag({ encryptionAlgorithm: schemeAlgorithm(scheme), encryptedData: new EncryptedKeyData(ciphertext) })));
}

/** A password-encrypted safe: EncryptedData around the encrypted SafeContents. */
export function encryptedContent(scheme: PbeScheme, ciphertext: Uint8Array): ContentInfo {
  const encrypted = new EncryptedData({
    version: 0,
    encryptedContentInfo: new EncryptedContentInfo({
      contentType: oid.data,
      contentEncryptionAlgorithm: schemeAlgorithm(scheme),
      encryptedContent: new EncryptedContent({ value: new OctetString(ciphertext) }),
    }),
  });
  return new ContentInfo({ contentType: oid.encryptedData, content: AsnConvert.serialize(encrypted) });
}

/** A bag's AlgorithmIdentifier: the scheme's cipher and its parameters. */
export function schemeAlgorithm(scheme: PbeScheme): AlgorithmIdentifier {
  if (scheme.kind === 'pkcs12') {
    const params = new Pkcs12PbeParams({ salt: new OctetString(scheme.salt), iterations: scheme.iterations });
    return new AlgorithmIdentifier({ algorithm: scheme.oid, parameters: AsnConvert.serialize(params) });
  }
  const kdf = new Pbkdf2Params({
    salt: new OctetString(scheme.salt),
    iterationCount: scheme.iterations,
    prf: new AlgorithmIdentifier({ algorithm: '1.2.840.113549.2.9', parameters: null }),
  });
  const params = new Pbes2Params({
    keyDerivationFunc: new AlgorithmIdentifier({ algorithm: oid.pbkdf2, parameters: AsnConvert.serialize(kdf) }),
    encryptionScheme: new AlgorithmIdentifier({ algorithm: '2.16.840.1.101.3.4.1.42', parameters: AsnConvert.serialize(new OctetString(scheme.iv)) }),
  });
  return new AlgorithmIdentifier({ algorithm: oid.pbes2, parameters: AsnConvert.serialize(params) });
}

/** A MAC with `digest` (sha1, sha256, ... as `parseMac` names them) and a salt as long as the digest. */
export async function createMac(digest: string, iterations: number, content: Uint8Array, password: string, deriver: Deriver): Promise<MacData> {
  const entry = Object.entries(macDigests).find(([, candidate]) => candidate.name === digest);
  if (!entry) throw new KeystoreError('unsupported', `MAC digest ${digest}`, { algorithm: digest });
  const salt = randomBytes(entry[1].length);
  const mac = await computeMac(digest, entry[1].length, salt, iterations, content, password, deriver);
  return new MacData({
    mac: new DigestInfo({ digestAlgorithm: new AlgorithmIdentifier({ algorithm: entry[0], parameters: null }), digest: new OctetString(mac) }),
    macSalt: new OctetString(salt),
    iterations,
  });
}

/** The PFX of these safes, with a MAC over them. */
export async function macedPfx(safes: ContentInfo[], digest: string, iterations: number, password: string, deriver: Deriver): Promise<Uint8Array> {
  const authSafe = new Uint8Array(AsnConvert.serialize(new AuthenticatedSafe(safes)));
  const macData = await createMac(digest, iterations, authSafe, password, deriver);
  return new Uint8Array(AsnConvert.serialize(new PFX({ version: 3, authSafe: dataContent(authSafe), macData })));
}
