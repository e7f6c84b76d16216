// The PKCS#12 integrity MAC (RFC 7292 section 5): HMAC over the authenticated safe with a key
// derived from the password. A mismatch is how a wrong password shows. Written by writer.ts
// (createMac), which brings the ASN.1 schema library that reading does without.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { KeystoreError } from '../errors';
import { bmpPassword, KdfPurpose, type Deriver } from './kdf';
import { algorithmIdentifier, BerReader, BerTag, integer, octets, type BerElement } from './der';
import { checkSalt, iterationCount } from './limits';

/** The MAC digests by OID: Node's name and the length of the MAC. */
export const macDigests: Record<string, { name: string; length: number }> = {
  '1.3.14.3.2.26': { name: 'sha1', length: 20 },
  '2.16.840.1.101.3.4.2.4': { name: 'sha224', length: 28 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', length: 32 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', length: 48 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', length: 64 },
};

export interface MacScheme {
  digest: string;
  length: number;
  salt: Uint8Array;
  iterations: number;
  expected: Uint8Array;
}

/** MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 } */
export function parseMac(element: BerElement): MacScheme {
  const macData = BerReader.inside(element, 'MacData');
  // DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET STRING }
  const digestInfo = BerReader.inside(macData.next(BerTag.sequence), 'MacData');
  const { algorithm } = algorithmIdentifier(digestInfo.next(BerTag.sequence), 'MacData');
  const digest = macDigests[algorithm];
  if (!digest) throw new KeystoreError('unsupported', `MAC digest ${algorithm}`, { algorithm });
  const expected = octets(digestInfo.next(), 'MAC');
  const salt = checkSalt(new Uint8Array(octets(macData.next(), 'MAC salt')).buffer);
  const iterations = macData.optional(BerTag.integer);
  return {
    digest: digest.name,
    length: digest.length,
    salt,
    // RFC 7292: the iteration count defaults to 1 when absent.
    iterations: iterationCount(iterations ? integer(iterations, 'MAC iterations') : 1),
    expected,
  };
}

/** What `inspect` reports: `HMAC-SHA1`, `HMAC-SHA256`, ... */
export function macAlgorithmName(scheme: Pick<MacScheme, 'digest'>): string {
  return `HMAC-${scheme.digest.toUpperCase()}`;
}

export async function computeMac(digest: string, length: number, salt: Uint8Array, iterations: number, content: Uint8Array, password: string, deriver: Deriver): Promise<Uint8Array> {
  const key = await deriver.derive({ hash: digest, password: bmpPassword(password), salt, iterations, purpose: KdfPurpose.mac, length });
  return createHmac(digest, key).update(content).digest();
}

export async function verifyMac(scheme: MacScheme, content: Uint8Array, password: string, deriver: Deriver): Promise<void> {
  const actual = await computeMac(scheme.digest, scheme.length, scheme.salt, scheme.iterations, content, password, deriver);
  if (actual.length !== scheme.expected.length || !timingSafeEqual(actual, scheme.expected)) throw new KeystoreError('wrong-password', 'MAC mismatch');
}
