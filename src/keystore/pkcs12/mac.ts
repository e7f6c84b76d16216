// The PKCS#12 integrity MAC (RFC 7292 section 5): HMAC over the authenticated safe with a key
// derived from the password. A mismatch is how a wrong password shows.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { DigestInfo } from '@peculiar/asn1-rsa';
import { MacData } from '@peculiar/asn1-pfx';
import { KeystoreError } from '../errors';
import { bmpPassword, KdfPurpose, type Deriver } from './kdf';
import { algorithmIdentifier, BerReader, BerTag, integer, octets, type BerElement } from './der';
import { checkSalt, iterationCount } from './limits';

const digests: Record<string, { name: string; length: number }> = {
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
  const digest = digests[algorithm];
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

async function computeMac(digest: string, length: number, salt: Uint8Array, iterations: number, content: Uint8Array, password: string, deriver: Deriver): Promise<Uint8Array> {
  const key = await deriver.derive({ hash: digest, password: bmpPassword(password), salt, iterations, purpose: KdfPurpose.mac, length });
  return createHmac(digest, key).update(content).digest();
}

export async function verifyMac(scheme: MacScheme, content: Uint8Array, password: string, deriver: Deriver): Promise<void> {
  const actual = await computeMac(scheme.digest, scheme.length, scheme.salt, scheme.iterations, content, password, deriver);
  if (actual.length !== scheme.expected.length || !timingSafeEqual(actual, scheme.expected)) throw new KeystoreError('wrong-password', 'MAC mismatch');
}

/** A MAC with `digest` (sha1, sha256, ... as `parseMac` names them) and a salt as long as the digest. */
export async function createMac(digest: string, iterations: number, content: Uint8Array, password: string, deriver: Deriver): Promise<MacData> {
  const entry = Object.entries(digests).find(([, candidate]) => candidate.name === digest);
  if (!entry) throw new KeystoreError('unsupported', `MAC digest ${digest}`, { algorithm: digest });
  const salt = randomBytes(entry[1].length);
  const mac = await computeMac(digest, entry[1].length, salt, iterations, content, password, deriver);
  return new MacData({
    mac: new DigestInfo({ digestAlgorithm: new AlgorithmIdentifier({ algorithm: entry[0], parameters: null }), digest: new OctetString(mac) }),
    macSalt: new OctetString(salt),
    iterations,
  });
}
