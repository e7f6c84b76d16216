// Who signs a registration request: the eID (Authentication or Signature key, RSA or EC P-384)
// or the eHealth authentication key from a keystore. The client only needs this shape.
import { sign, type KeyObject } from 'node:crypto';

export type SignatureAlgorithm = 'rsa-sha256' | 'ecdsa-sha384';

export interface Signer {
  algorithm: SignatureAlgorithm;
  /** DER certificates, leaf first; they go into the signature's KeyInfo. */
  certificateChain: Buffer[];
  /**
   * Signs `data` (hashing it with the algorithm's digest). For ECDSA the result is raw r||s, the
   * form XML-DSig requires, not DER.
   */
  sign(data: Buffer): Promise<Buffer>;
}

/** A Signer over a private key held in memory (a keystore's authentication key, or a test key). */
export function keySigner(privateKey: KeyObject, certificateChain: Buffer[]): Signer {
  const type = privateKey.asymmetricKeyType;
  if (type === 'rsa') {
    return { algorithm: 'rsa-sha256', certificateChain, sign: async (data) => sign('sha256', data, privateKey) };
  }
  if (type === 'ec' && privateKey.asymmetricKeyDetails?.namedCurve === 'secp384r1') {
    return {
      algorithm: 'ecdsa-sha384',
      certificateChain,
      sign: async (data) => sign('sha384', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
    };
  }
  throw new Error(`Unsupported signing key: ${type} ${privateKey.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
}
