// The ETK as the depot publishes it: CMS SignedData whose content is the DER ETK certificate. The
// real depot's token is signed by the holder's authentication key, which never leaves the user's
// keystore; the sandbox signs it with its issuing CA instead (and includes the authentication
// certificate, as the real token does), so the content and certificates are what users will find.
import {
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  id_data,
  id_signedData,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate } from '@peculiar/asn1-x509';
import type { SandboxCa } from './ca';
import { RSA_SHA256, x509 } from './x509';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

/** SignedData over `etk` without signed attributes (the signature covers the content itself). */
export async function etkToken(ca: SandboxCa, etk: Buffer, authentication: Buffer): Promise<Buffer> {
  const signer = AsnConvert.parse(ca.issuing.certificate.rawData, Certificate);
  const signature = await x509.cryptoProvider.get().subtle.sign(RSA_SHA256, ca.issuing.key, new Uint8Array(etk));
  const signedData = new SignedData({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new AlgorithmIdentifier({ algorithm: SHA256 })]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data, eContent: new EncapsulatedContent({ single: new OctetString(new Uint8Array(etk)) }) }),
    certificates: new CertificateSet(
      [new Uint8Array(authentication), new Uint8Array(ca.issuing.certificate.rawData)].map((der) => new CertificateChoices({ certificate: AsnConvert.parse(der, Certificate) })),
    ),
    signerInfos: new SignerInfos([
      new SignerInfo({
        version: CMSVersion.v1,
        sid: new SignerIdentifier({ issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer: signer.tbsCertificate.issuer, serialNumber: signer.tbsCertificate.serialNumber }) }),
        digestAlgorithm: new AlgorithmIdentifier({ algorithm: SHA256 }),
        signatureAlgorithm: new AlgorithmIdentifier({ algorithm: SHA256_WITH_RSA, parameters: null }),
        signature: new OctetString(signature),
      }),
    ]),
  });
  return Buffer.from(AsnConvert.serialize(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) })));
}
