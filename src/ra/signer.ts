// A Signer (src/core/signer.ts) over a key in memory, for requests signed with a keystore's key.
import { sign, type KeyObject } from 'node:crypto';
import type { Signer } from '../core/signer';

/** A Signer over a private key held in memory (a keystore's authentication key, or a test key); ECDSA signatures raw r||s, for XML-DSig. */
export function keySigner(privateKey: KeyObject, certificateChain: Uint8Array[]): Signer {
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
