// What a keystore tells about its keys without its password: the certificates some writers keep
// outside the encrypted safe (OpenSSL with -certpbe NONE, some Java versions) name the keys they
// certify. The official tool's files encrypt them: then nothing is learnt here.
import { X509Certificate } from 'node:crypto';
import { publicKeyIdentifier } from '../pki/certificates';
import { readStructure } from './pkcs12/reader';

/** eHealth PublicKeyIdentifiers of the keys certified in clear; empty when none is readable. */
export function clearPublicKeyIdentifiers(bytes: Uint8Array): string[] {
  const identifiers = new Set<string>();
  for (const bag of readStructure(bytes).certificates) {
    try {
      identifiers.add(publicKeyIdentifier(new X509Certificate(bag.der).publicKey));
    } catch {
      // A certificate we cannot parse names no key: the others still may.
    }
  }
  return [...identifiers];
}
