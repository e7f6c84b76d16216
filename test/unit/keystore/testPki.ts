// eHealth-like certificates and keystores made in the test run (in process, nothing stored): a
// sandbox-named CA, authentication certificates and ETKs, so that a test can break one thing at a
// time (who signed, which key, which validity) and watch the inspection notice.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { ehealthLayout, type EhealthKeystoreContent } from '../../../src/keystore/layout';
import { writePkcs12, type Pkcs12Contents } from '../../../src/keystore/pkcs12/writer';
import { sharedKdfPool } from '../../../src/keystore/workerPool';
import { randomSerial, RSA_SHA256, x509 } from '../../../src/sandbox/x509';

const day = 86_400_000;
export const testPassword = 'Test_2024x';
/** eHealth's authentication DN for a test citizen (RFC 4514, CN first). */
export const authDn = 'CN=SSIN\\=79021802145, OU=eHealth-platform Belgium, OU=TEST PERSON, OU=SSIN\\=79021802145, O=Federal Government, C=BE';
export const rootDn = 'CN=Keystore Tests Sandbox root CA, O=eHealth Certificates sandbox, C=BE';
export const issuingDn = 'CN=Keystore Tests Sandbox issuing CA, O=eHealth Certificates sandbox, C=BE';
/** The start of every test certificate; tests evaluate the status a year later. */
export const notBefore = new Date('2024-01-01T00:00:00Z');
export const evaluatedAt = new Date('2025-01-01T00:00:00Z');

export const newKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

const subtle = () => x509.cryptoProvider.get().subtle;
const signingKey = (key: KeyObject) => subtle().importKey('pkcs8', key.export({ type: 'pkcs8', format: 'der' }), RSA_SHA256, false, ['sign']);
const publicKey = (key: KeyObject) => subtle().importKey('spki', createPublicKey(key).export({ type: 'spki', format: 'der' }), RSA_SHA256, true, ['verify']);
/** In certificate order (C first), as eHealth encodes its names. */
const certificateName = (dn: string) => new x509.Name(new x509.Name(dn).toJSON().reverse());

export interface Issue {
  subject: string;
  /** The key the certificate is for. */
  key: KeyObject;
  /** Who signs: the issuer's DN and key (self-signed when left out). */
  issuer?: { dn: string; key: KeyObject };
  days?: number;
  serialHex?: string;
  ca?: boolean;
  /** The start of validity (default: `notBefore`, 2024-01-01). */
  from?: Date;
}

export async function issue({ subject, key, issuer, days = 1096, serialHex, ca = false, from = notBefore }: Issue): Promise<Uint8Array> {
  const { keyCertSign, cRLSign, digitalSignature, nonRepudiation, keyEncipherment } = x509.KeyUsageFlags;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialHex ?? randomSerial().toString('hex'),
    subject: certificateName(subject),
    issuer: certificateName(issuer?.dn ?? subject),
    notBefore: from,
    notAfter: new Date(from.getTime() + days * day),
    signingAlgorithm: RSA_SHA256,
    publicKey: await publicKey(key),
    signingKey: await signingKey(issuer?.key ?? key),
    extensions: [
      new x509.BasicConstraintsExtension(ca, undefined, true),
      new x509.KeyUsagesExtension(ca ? keyCertSign | cRLSign : digitalSignature | nonRepudiation | keyEncipherment, true),
    ],
  });
  return new Uint8Array(certificate.rawData);
}

/** The parts of a complete eHealth keystore: root and issuing CA, authentication, one ETK. */
export interface TestPki {
  rootKey: KeyObject;
  root: Uint8Array;
  issuingKey: KeyObject;
  issuing: Uint8Array;
  authKey: KeyObject;
  auth: Uint8Array;
  etkKey: KeyObject;
  etk: Uint8Array;
}

export async function makePki(): Promise<TestPki> {
  const [rootKey, issuingKey, authKey, etkKey] = [newKey(), newKey(), newKey(), newKey()];
  const root = await issue({ subject: rootDn, key: rootKey, ca: true, days: 3650 });
  const issuing = await issue({ subject: issuingDn, key: issuingKey, issuer: { dn: rootDn, key: rootKey }, ca: true, days: 3650 });
  const auth = await issue({ subject: authDn, key: authKey, issuer: { dn: issuingDn, key: issuingKey } });
  const etk = await etkOf(authKey, etkKey);
  return { rootKey, root, issuingKey, issuing, authKey, auth, etkKey, etk };
}

/** An ETK as EtkRA makes it: issuer = subject = the authentication DN, signed by `signer`. */
export const etkOf = (signer: KeyObject, etkKey: KeyObject, serialHex = '0E5C49B2E38708C8458463E343AABD91') =>
  issue({ subject: authDn, key: etkKey, issuer: { dn: authDn, key: signer }, serialHex });

/** The keystore bytes, with few iterations: these tests are about the contents, not the protection. */
export const writeKeystore = (contents: Pkcs12Contents | EhealthKeystoreContent): Promise<Uint8Array> =>
  writePkcs12('keys' in contents ? contents : ehealthLayout(contents), testPassword, { mode: 'modern', iterations: 1_000 }, sharedKdfPool());
