// The certificates a procedure makes itself, with @peculiar/x509 (set up once in ../sandbox/x509):
// the PKCS#10 request, the self-signed stand-in that holds the new key in the keystore until the
// certificate is delivered, and the self-issued ETK certificate of the EtkRA registration.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { keyIdentifier, randomSerial, RSA_SHA256, x509 } from '../sandbox/x509';

/** eHealth asks for RSA 2048 (PROTOCOL.md). */
export const newKeyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

const subtle = () => x509.cryptoProvider.get().subtle;

const signingKey = (privateKey: KeyObject) => subtle().importKey('pkcs8', privateKey.export({ format: 'der', type: 'pkcs8' }), RSA_SHA256, false, ['sign']);
/** SubjectPublicKeyInfo of a key pair's public half (createPublicKey takes only private keys). */
const spkiOf = (key: KeyObject) => (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'der', type: 'spki' });
const publicKeyOf = (key: KeyObject) => subtle().importKey('spki', spkiOf(key), RSA_SHA256, true, ['verify']);

/** A DN as the contract writes it (RFC 4514, CN first) in certificate order (C first). */
const certificateName = (dn: string) => new x509.Name(new x509.Name(dn).toJSON().reverse());

/** eHealth's PublicKeyIdentifier of a key: SHA-1 of its subjectPublicKey bits. */
export const publicKeyIdentifier = (key: KeyObject): string => keyIdentifier(spkiOf(key));

export async function certificateRequest(dn: string, privateKey: KeyObject): Promise<Buffer> {
  const keys = { privateKey: await signingKey(privateKey), publicKey: await publicKeyOf(privateKey) };
  const request = await x509.Pkcs10CertificateRequestGenerator.create({ name: certificateName(dn), keys, signingAlgorithm: RSA_SHA256 });
  return Buffer.from(request.rawData);
}

/**
 * A key entry needs a certificate (Java refuses a key without one), as the official tool does:
 * self-signed with the requested DN until the delivered chain replaces it.
 */
export async function standInCertificate(dn: string, privateKey: KeyObject, now: Date): Promise<Buffer> {
  const name = certificateName(dn);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial().toString('hex'),
    subject: name,
    issuer: name,
    notBefore: now,
    notAfter: new Date(now.getTime() + 365 * 86_400_000),
    signingAlgorithm: RSA_SHA256,
    publicKey: await publicKeyOf(privateKey),
    signingKey: await signingKey(privateKey),
  });
  return Buffer.from(certificate.rawData);
}

/** Self-signed: the stand-in of a request whose certificate is not installed yet. */
export function isSelfIssued(der: Buffer): boolean {
  const certificate = new x509.X509Certificate(new Uint8Array(der));
  return certificate.subject === certificate.issuer;
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
