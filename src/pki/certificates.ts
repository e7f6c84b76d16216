// The client's public-key infrastructure, below the procedures: the key pairs and the certificates
// the client makes itself, with @peculiar/x509 (set up once in ./x509): the PKCS#10 request, the
// placeholder that holds the new key in the keystore until the certificate is delivered, the
// self-issued ETK certificate of the EtkRA registration, and eHealth's key identifier. Imports no
// code of ours but src/core; the sandbox has its own (it is an oracle for this code).
import { createHash, createPublicKey, generateKeyPairSync, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  Certificate,
  Extension,
  Extensions,
  id_ce_keyUsage,
  KeyUsage,
  KeyUsageFlags,
  Name,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';
import { RSA_SHA256, x509 } from './x509';

/** eHealth asks for RSA 2048 (PROTOCOL.md). */
export const newKeyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

const subtle = () => x509.cryptoProvider.get().subtle;

const signingKey = (privateKey: KeyObject) => subtle().importKey('pkcs8', privateKey.export({ format: 'der', type: 'pkcs8' }), RSA_SHA256, false, ['sign']);
/** SubjectPublicKeyInfo of a key pair's public half (createPublicKey takes only private keys). */
const spkiOf = (key: KeyObject) => (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'der', type: 'spki' });
const publicKeyOf = (key: KeyObject) => subtle().importKey('spki', spkiOf(key), RSA_SHA256, true, ['verify']);

/** A DN as the contract writes it (RFC 4514, CN first) in certificate order (C first). */
const certificateName = (dn: string) => new x509.Name(new x509.Name(dn).toJSON().reverse());

/** eHealth's PublicKeyIdentifier of a key: SHA-1 of its subjectPublicKey bits (lower-case hex). */
export function publicKeyIdentifier(key: KeyObject): string {
  const { subjectPublicKey } = AsnConvert.parse(spkiOf(key), SubjectPublicKeyInfo);
  return createHash('sha1').update(Buffer.from(subjectPublicKey)).digest('hex');
}

/** `certificate` (DER) certifies `privateKey`'s public half: a delivered certificate is for our key. */
export function certifiesKey(certificate: Uint8Array, privateKey: KeyObject): boolean {
  return new X509Certificate(certificate).publicKey.export({ format: 'der', type: 'spki' }).equals(spkiOf(privateKey));
}

export async function certificateRequest(dn: string, privateKey: KeyObject): Promise<Buffer> {
  const keys = { privateKey: await signingKey(privateKey), publicKey: await publicKeyOf(privateKey) };
  const request = await x509.Pkcs10CertificateRequestGenerator.create({ name: certificateName(dn), keys, signingAlgorithm: RSA_SHA256 });
  return Buffer.from(request.rawData);
}

const minute = 60_000;
const sha256WithRsa = new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.11', parameters: null });
const arrayBuffer = (bytes: Uint8Array) => Uint8Array.from(bytes).buffer;

/**
 * A key entry needs a certificate (Java refuses a key without one). Written as the official tool
 * writes it (CertificateUtils.generateCert): subject = issuer = C=Dummy, serial 0, one minute long
 * a day ago, critical keyEncipherment + dataEncipherment, signed by the key itself. Already
 * expired, so no software mistakes a pending keystore for a usable one; the delivered chain
 * replaces it. Built field by field: @peculiar/x509's generator turns serial 0 into a random one.
 */
export function placeholderCertificate(privateKey: KeyObject, now: Date): Buffer {
  const dummy = AsnConvert.parse(new x509.Name('C=Dummy').toArrayBuffer(), Name);
  const notBefore = new Date(now.getTime() - 1440 * minute);
  const usages = new KeyUsage(KeyUsageFlags.keyEncipherment | KeyUsageFlags.dataEncipherment);
  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: arrayBuffer(new Uint8Array([0])),
    signature: sha256WithRsa,
    issuer: dummy,
    subject: dummy,
    validity: new Validity({ notBefore, notAfter: new Date(notBefore.getTime() + minute) }),
    subjectPublicKeyInfo: AsnConvert.parse(spkiOf(privateKey), SubjectPublicKeyInfo),
    extensions: new Extensions([new Extension({ extnID: id_ce_keyUsage, critical: true, extnValue: new OctetString(AsnConvert.serialize(usages)) })]),
  });
  const signature = sign('sha256', Buffer.from(AsnConvert.serialize(tbsCertificate)), privateKey);
  return Buffer.from(AsnConvert.serialize(new Certificate({ tbsCertificate, signatureAlgorithm: sha256WithRsa, signatureValue: arrayBuffer(signature) })));
}

/**
 * EtkRA step 2 (PROTOCOL.md): issuer = subject = the authentication DN, the challenge's serial, the
 * authentication certificate's validity, keyEncipherment + dataEncipherment, signed by the
 * authentication key.
 */
export async function etkCertificate(authentication: Buffer, authenticationKey: KeyObject, serial: Buffer, encryptionKey: KeyObject): Promise<Buffer> {
  const auth = new x509.X509Certificate(new Uint8Array(authentication));
  const { keyEncipherment, dataEncipherment } = x509.KeyUsageFlags;
  const etk = await x509.X509CertificateGenerator.create({
    serialNumber: serial.toString('hex'),
    subject: auth.subjectName,
    issuer: auth.subjectName,
    notBefore: auth.notBefore,
    notAfter: auth.notAfter,
    signingAlgorithm: RSA_SHA256,
    publicKey: await publicKeyOf(encryptionKey),
    signingKey: await signingKey(authenticationKey),
    extensions: [new x509.KeyUsagesExtension(keyEncipherment | dataEncipherment, true)],
  });
  return Buffer.from(etk.rawData);
}
