// What signs for the user: the eID's Authentication or Signature key (RSA, or EC P-384 on recent
// cards), or the eHealth authentication key of a keystore. The registration client's XML-DSig and
// the eID commands take any of them. Dependency-free.

export type SignatureAlgorithm = 'rsa-sha256' | 'ecdsa-sha384';

export interface Signer {
  algorithm: SignatureAlgorithm;
  /** DER certificates, the key's own first, then its issuers up to the root when known. */
  certificateChain: Uint8Array[];
  /**
   * Signs `data`, hashing it with the algorithm's digest. An ECDSA signature is DER or raw r||s
   * (what XML-DSig requires), as the signer was made.
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}
