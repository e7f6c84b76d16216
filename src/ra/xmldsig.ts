// Enveloped XML-DSig over a request element, with xml-crypto doing canonicalization and digests
// and our Signer (eID or keystore key, possibly asynchronous) producing the signature value.
import { SignedXml } from 'xml-crypto';
import type { SignatureAlgorithm, Signer } from '../core/signer';
import { pemBlock } from '../pki/pem';

const SIGNATURE_URIS: Record<SignatureAlgorithm, string> = {
  'rsa-sha256': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'ecdsa-sha384': 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384',
};
const EXCLUSIVE_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** xml-crypto's signature-algorithm hook, handing the canonical SignedInfo to the Signer. */
function signerAlgorithm(signer: Signer) {
  return class {
    getAlgorithmName() {
      return SIGNATURE_URIS[signer.algorithm];
    }

    getSignature(signedInfo: string | Buffer, _key: unknown, callback?: (error: Error | null, value?: string) => void): string {
      if (!callback) throw new Error('The Signer is asynchronous: sign through the callback form.');
      signer.sign(Buffer.from(signedInfo)).then(
        (value) => callback(null, Buffer.from(value).toString('base64')),
        (error: Error) => callback(error),
      );
      return '';
    }

    verifySignature(): boolean {
      throw new Error('Request signatures are made here, never verified here.');
    }
  };
}

/**
 * Appends an enveloped signature as the last child of the element `name` in namespace `ns`
 * (which must carry an `Id`): Reference `#Id`, enveloped + exclusive c14n, SHA-256 digest, KeyInfo
 * with the Signer's chain.
 */
export function signEnveloped(xml: string, ns: string, name: string, signer: Signer): Promise<string> {
  const target = `//*[local-name()='${name}' and namespace-uri()='${ns}']`;
  const signed = new SignedXml({
    idAttribute: 'Id',
    // The Signer holds the key (possibly on a card); xml-crypto only checks that one is set.
    privateKey: Buffer.alloc(0),
    publicCert: signer.certificateChain.map((der) => pemBlock('CERTIFICATE', der)).join(''),
    signatureAlgorithm: SIGNATURE_URIS[signer.algorithm],
    canonicalizationAlgorithm: EXCLUSIVE_C14N,
  });
  signed.SignatureAlgorithms = { [SIGNATURE_URIS[signer.algorithm]]: signerAlgorithm(signer) };
  signed.addReference({ xpath: target, transforms: [ENVELOPED, EXCLUSIVE_C14N], digestAlgorithm: SHA256 });
  return new Promise((resolve, reject) => {
    signed.computeSignature(xml, { prefix: 'ds', location: { reference: target, action: 'append' } }, (error) =>
      error ? reject(error) : resolve(signed.getSignedXml()),
    );
  });
}
