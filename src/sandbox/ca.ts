// The sandbox's test PKI, kept in its data folder: a root (`ca.pem`, the certificate users may
// trust) and an issuing CA that signs the authentication certificates, as eHealth's Zetes PKI
// does. Every name says "Sandbox" so that no one mistakes what it issues for a real certificate.
import { join } from 'node:path';
import { readTextIfExists, writeFileAtomic } from './store';
import { keyIdentifier, randomSerial, RSA_SHA256, x509 } from './x509';

const RSA_KEY = { ...RSA_SHA256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
const ROOT_NAME = 'CN=eHealth Certificates Sandbox root CA, O=eHealth Certificates sandbox, C=BE';
const ISSUING_NAME = 'CN=eHealth Certificates Sandbox issuing CA, O=eHealth Certificates sandbox, C=BE';
const DAY_MS = 86_400_000;

export interface CaLevel {
  certificate: x509.X509Certificate;
  key: CryptoKey;
}

export interface SandboxCa {
  root: CaLevel;
  issuing: CaLevel;
}

const webcryptoSubtle = () => x509.cryptoProvider.get().subtle;

const files = (folder: string, name: string) => ({ certificate: join(folder, `${name}.pem`), key: join(folder, `${name}-key.pem`) });

async function load(folder: string, name: string): Promise<CaLevel | undefined> {
  const paths = files(folder, name);
  const certificatePem = readTextIfExists(paths.certificate);
  const keyPem = readTextIfExists(paths.key);
  if (!certificatePem || !keyPem) return undefined;
  const der = x509.PemConverter.decodeFirst(keyPem);
  const key = await webcryptoSubtle().importKey('pkcs8', der, RSA_SHA256, false, ['sign']);
  return { certificate: new x509.X509Certificate(certificatePem), key };
}


async function save(folder: string, name: string, level: CaLevel, keyPair: CryptoKeyPair): Promise<void> {
  const paths = files(folder, name);
  const pkcs8 = await webcryptoSubtle().exportKey('pkcs8', keyPair.privateKey);
  writeFileAtomic(paths.key, x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'), 0o600);
  writeFileAtomic(paths.certificate, level.certificate.toString('pem'), 0o644);
}

async function caExtensions(publicKey: CryptoKey, issuerKey: CryptoKey, pathLength: number): Promise<x509.Extension[]> {
  return [
    new x509.BasicConstraintsExtension(true, pathLength, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuerKey),
  ];
}

async function create(now: Date): Promise<{ root: CaLevel; issuing: CaLevel; keys: CryptoKeyPair[] }> {
  const subtle = webcryptoSubtle();
  const rootKeys = (await subtle.generateKey(RSA_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
  const issuingKeys = (await subtle.generateKey(RSA_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial().toString('hex'),
    name: ROOT_NAME,
    notBefore: now,
    notAfter: new Date(now.getTime() + 20 * 365 * DAY_MS),
    signingAlgorithm: RSA_SHA256,
    keys: rootKeys,
    extensions: await caExtensions(rootKeys.publicKey, rootKeys.publicKey, 1),
  });
  const issuing = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial().toString('hex'),
    subject: ISSUING_NAME,
    issuer: root.subjectName,
    notBefore: now,
    notAfter: new Date(now.getTime() + 15 * 365 * DAY_MS),
    signingAlgorithm: RSA_SHA256,
    publicKey: issuingKeys.publicKey,
    signingKey: rootKeys.privateKey,
    extensions: await caExtensions(issuingKeys.publicKey, rootKeys.publicKey, 0),
  });
  return { root: { certificate: root, key: rootKeys.privateKey }, issuing: { certificate: issuing, key: issuingKeys.privateKey }, keys: [rootKeys, issuingKeys] };
}

/** The CA of the data folder `folder`, created on first use. */
export async function openCa(folder: string, now = new Date()): Promise<SandboxCa> {
  const root = await load(folder, 'ca');
  const issuing = await load(folder, 'issuing-ca');
  if (root && issuing) return { root, issuing };
  const made = await create(now);
  await save(folder, 'issuing-ca', made.issuing, made.keys[1]);
  await save(folder, 'ca', made.root, made.keys[0]);
  return { root: made.root, issuing: made.issuing };
}

/**
 * An eHealth authentication certificate for `csr` (already checked): the CSR's subject and key,
 * KeyUsage digitalSignature + nonRepudiation + keyEncipherment, EKU clientAuth + emailProtection,
 * SKI = SHA-1 of the key bits (the PublicKeyIdentifier).
 */
export async function issueAuthenticationCertificate(ca: SandboxCa, csr: x509.Pkcs10CertificateRequest, notBefore: Date, validityDays: number): Promise<x509.X509Certificate> {
  const { digitalSignature, nonRepudiation, keyEncipherment } = x509.KeyUsageFlags;
  return x509.X509CertificateGenerator.create({
    serialNumber: randomSerial().toString('hex'),
    subject: csr.subjectName,
    issuer: ca.issuing.certificate.subjectName,
    notBefore,
    notAfter: new Date(notBefore.getTime() + validityDays * DAY_MS),
    signingAlgorithm: RSA_SHA256,
    publicKey: csr.publicKey,
    signingKey: ca.issuing.key,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(digitalSignature | nonRepudiation | keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth, x509.ExtendedKeyUsage.emailProtection]),
      new x509.SubjectKeyIdentifierExtension(keyIdentifier(csr.publicKey.rawData)),
      await x509.AuthorityKeyIdentifierExtension.create(ca.issuing.certificate.publicKey),
    ],
  });
}
