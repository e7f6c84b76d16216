// @peculiar/x509 behind one door: its reflect polyfill and Node's webcrypto are set up here once,
// with the few certificate facts the sandbox reads (key usage, key identifier, names).
import 'reflect-metadata';
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };

export const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** SHA-1 of the subjectPublicKey bits: eHealth's PublicKeyIdentifier (lower-case hex). */
export function keyIdentifier(spki: ArrayBuffer | Uint8Array): string {
  const info = AsnConvert.parse(spki, SubjectPublicKeyInfo);
  return createHash('sha1').update(Buffer.from(info.subjectPublicKey)).digest('hex');
}

export function keyUsages(certificate: x509.X509Certificate): number {
  return certificate.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
}

/** A random positive serial number of 16 bytes (top bit cleared), as hex. */
export function randomSerial(): Buffer {
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  return serial;
}

/** A name as [type, value] pairs in certificate order (C first), for exact comparisons. */
export function nameAttributes(name: x509.Name): [string, string][] {
  return name.toJSON().flatMap((rdn) => Object.entries(rdn).flatMap(([type, values]) => values.map((value): [string, string] => [type, value])));
}

export function sameBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  return Buffer.from(a instanceof ArrayBuffer ? new Uint8Array(a) : a).equals(Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b));
}
