// Checks a signed request as eHealth does: the enveloped XML-DSig over the request (Reference
// `#Id`, exclusive c14n, SHA-256; rsa-sha256 or ecdsa-sha384 with raw r||s), the signer's chain
// from KeyInfo up to a trusted root, and which key signed: eID Signature, eID Authentication, or an
// eHealth authentication key issued by this sandbox.
import { verify as verifySignature, X509Certificate, type KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { NS } from '../protocol/namespaces';
import { checkSsin } from './holders';
import type { SigningKey } from './operations';
import { InvalidRequest, Refusal } from './refusal';
import { keyIdentifier, keyUsages, x509 } from './x509';
import { elements } from './xml';

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const ECDSA_SHA384 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384';
const EXCLUSIVE_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const MAX_CHAIN = 5;

export interface TrustAnchors {
  /** Roots of eID certificates (Belgian eID roots, the virtual eID's test root, `--trust`). */
  eid: X509Certificate[];
  /** The sandbox's own root, for requests signed with an eHealth authentication key it issued. */
  sandbox: X509Certificate;
}

export interface VerifiedSigner {
  key: SigningKey;
  certificate: X509Certificate;
  /** From the eID certificate's serialNumber attribute. */
  ssin?: string;
  /** From the eID certificate's GN and SN attributes. */
  names?: { givenNames: string; surname: string };
  /** Of an eHealth authentication certificate. */
  publicKeyIdentifier?: string;
}

function one(parent: Element, name: string): Element {
  const [found, extra] = elements(parent, NS.ds, name);
  if (!found || extra) throw new InvalidRequest(`The signature must have exactly one ${name}.`);
  return found;
}

const algorithmOf = (element: Element) => element.getAttribute('Algorithm') ?? '';

/** The signature's form is the protocol's, and it covers the whole request (no wrapping). */
function checkSignedInfo(signature: Element, requestId: string): void {
  const info = one(signature, 'SignedInfo');
  if (algorithmOf(one(info, 'CanonicalizationMethod')) !== EXCLUSIVE_C14N) throw new Refusal('INVALID_SIGNATURE', 'The signature must use exclusive canonicalization.');
  if (![RSA_SHA256, ECDSA_SHA384].includes(algorithmOf(one(info, 'SignatureMethod')))) throw new Refusal('INVALID_SIGNATURE', 'The signature must be rsa-sha256 or ecdsa-sha384.');
  const reference = one(info, 'Reference');
  if (!requestId || reference.getAttribute('URI') !== `#${requestId}`) throw new Refusal('INVALID_SIGNATURE', 'The signature must reference the request by its Id.');
  if (algorithmOf(one(reference, 'DigestMethod')) !== SHA256) throw new Refusal('INVALID_SIGNATURE', 'The signature must use a SHA-256 digest.');
  const transforms = elements(one(reference, 'Transforms'), NS.ds, 'Transform').map(algorithmOf);
  if (transforms.join(' ') !== `${ENVELOPED} ${EXCLUSIVE_C14N}`) throw new Refusal('INVALID_SIGNATURE', 'The signature must be enveloped with exclusive canonicalization.');
}

function keyInfoCertificates(signature: Element): X509Certificate[] {
  const keyInfo = one(signature, 'KeyInfo');
  const certificates = elements(keyInfo, NS.ds, 'X509Data').flatMap((data) => elements(data, NS.ds, 'X509Certificate'));
  if (!certificates.length) throw new Refusal('INVALID_SIGNATURE', 'The signature carries no certificate.');
  try {
    return certificates.map((element) => new X509Certificate(Buffer.from((element.textContent ?? '').replace(/\s+/g, ''), 'base64')));
  } catch {
    throw new Refusal('INVALID_SIGNATURE', 'A certificate of the signature cannot be read.');
  }
}

/** xml-crypto's hook for the two algorithms; ECDSA values are raw r||s as XML-DSig requires. */
function verifier(hash: 'sha256' | 'sha384', uri: string, dsaEncoding?: 'ieee-p1363') {
  return class {
    getAlgorithmName = () => uri;
    getSignature(): string {
      throw new Error('The sandbox only verifies request signatures.');
    }
    verifySignature(material: string, key: KeyObject | string, signatureValue: string): boolean {
      return verifySignature(hash, Buffer.from(material), dsaEncoding ? { key: key as KeyObject, dsaEncoding } : key, Buffer.from(signatureValue, 'base64'));
    }
  };
}

function checkSignatureValue(xml: string, signature: Element, leaf: X509Certificate): void {
  // xml-crypto finds Id among its default id attributes (naming it again would count it twice).
  const signed = new SignedXml({ publicCert: leaf.publicKey, getCertFromKeyInfo: () => null });
  signed.SignatureAlgorithms = { [RSA_SHA256]: verifier('sha256', RSA_SHA256), [ECDSA_SHA384]: verifier('sha384', ECDSA_SHA384, 'ieee-p1363') };
  let valid = false;
  try {
    signed.loadSignature(signature);
    valid = signed.checkSignature(xml);
  } catch {
    valid = false;
  }
  if (!valid) throw new Refusal('INVALID_SIGNATURE', 'The signature does not verify.');
}

function valid(certificate: X509Certificate, now: Date): boolean {
  return new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);
}

function signs(issuer: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** The trusted root the chain leads to, leaf first through the KeyInfo certificates. */
function anchorOf(chain: X509Certificate[], roots: X509Certificate[], now: Date): X509Certificate {
  let current = chain[0];
  const pool = chain.slice(1);
  for (let depth = 0; depth < MAX_CHAIN; depth += 1) {
    if (!valid(current, now)) throw new Refusal('UNTRUSTED_CERTIFICATE', `The certificate ${current.subject.replace(/\n/g, ', ')} is expired or not yet valid.`);
    const root = roots.find((candidate) => candidate.fingerprint256 === current.fingerprint256 || (signs(candidate, current) && valid(candidate, now)));
    if (root) return root;
    const issuer = pool.find((candidate) => candidate.ca && signs(candidate, current));
    if (!issuer) break;
    current = issuer;
  }
  throw new Refusal('UNTRUSTED_CERTIFICATE', 'The signing certificate does not chain to a trusted root.');
}

const subjectField = (certificate: X509Certificate, oid: string) => new x509.X509Certificate(certificate.raw).subjectName.getField(oid)[0];

const SERIAL_NUMBER = '2.5.4.5';
const SURNAME = '2.5.4.4';
const GIVEN_NAME = '2.5.4.42';

/** Which key made the signature, from the anchor and the leaf's key usage (eID: Signature = nonRepudiation). */
function signerOf(leaf: X509Certificate, anchor: X509Certificate, anchors: TrustAnchors): VerifiedSigner {
  if (anchor.fingerprint256 === anchors.sandbox.fingerprint256) {
    return { key: 'ehealth-authentication', certificate: leaf, publicKeyIdentifier: keyIdentifier(leaf.publicKey.export({ format: 'der', type: 'spki' })) };
  }
  const usages = keyUsages(new x509.X509Certificate(leaf.raw));
  const key: SigningKey | undefined =
    usages & x509.KeyUsageFlags.nonRepudiation ? 'eid-signature' : usages & x509.KeyUsageFlags.digitalSignature ? 'eid-authentication' : undefined;
  if (!key) throw new Refusal('WRONG_SIGNING_KEY', 'The signing certificate is neither an eID Signature nor an eID Authentication certificate.');
  const [givenNames, surname] = [subjectField(leaf, GIVEN_NAME), subjectField(leaf, SURNAME)];
  return { key, certificate: leaf, ssin: checkSsin(subjectField(leaf, SERIAL_NUMBER), 'signer'), ...(givenNames && surname ? { names: { givenNames, surname } } : {}) };
}

/** Verifies the signature of `request` (the last child) within `xml`, and that `expected` made it. */
export function verifySignedRequest(xml: string, request: Element, expected: SigningKey, anchors: TrustAnchors, now: Date): VerifiedSigner {
  const signature = elements(request).at(-1);
  if (!signature || signature.namespaceURI !== NS.ds || signature.localName !== 'Signature') throw new InvalidRequest('A signed request ends with its ds:Signature.');
  checkSignedInfo(signature, request.getAttribute('Id') ?? '');
  const chain = keyInfoCertificates(signature);
  checkSignatureValue(xml, signature, chain[0]);
  const anchor = anchorOf(chain, [...anchors.eid, anchors.sandbox], now);
  const signer = signerOf(chain[0], anchor, anchors);
  if (signer.key !== expected) {
    throw new Refusal('WRONG_SIGNING_KEY', `This request must be signed with the ${expected} key, not the ${signer.key} key.`, { expected, received: signer.key });
  }
  return signer;
}
