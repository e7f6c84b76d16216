// The card's four certificates (Authentication, Signature, CA, Root): parsed with Node's X509,
// chain checked (holder's -> CA -> Root -> itself) and validity reported.
import { X509Certificate } from 'node:crypto';
import { daysLeftAt, validityAt } from '../core/certificate';
import type { CertificateRole, EidCertificate, KeyInfo, ValidityStatus } from './model';

const roles: Record<string, CertificateRole> = { Authentication: 'authentication', Signature: 'signature', CA: 'ca', Root: 'root' };
const issuerRole: Record<CertificateRole, CertificateRole> = { authentication: 'ca', signature: 'ca', ca: 'root', root: 'root' };

/** Days before expiry from which a certificate is reported as expiring soon. */
export const expiringSoonDays = 90;

const curves: Record<string, string> = { secp384r1: 'P-384', prime256v1: 'P-256', secp521r1: 'P-521' };

export function keyInfoOf(certificate: X509Certificate): KeyInfo {
  const key = certificate.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') return { type: 'ec', curve: curves[details.namedCurve ?? ''] ?? details.namedCurve ?? 'unknown' };
  return { type: 'rsa', bits: details.modulusLength ?? 0 };
}

function validityOf(certificate: X509Certificate, now: Date): { notBefore: string; notAfter: string; validity: ValidityStatus; daysLeft: number } {
  const period = { notBefore: new Date(certificate.validFrom).toISOString(), notAfter: new Date(certificate.validTo).toISOString() };
  const daysLeft = daysLeftAt(period, now);
  const validity = validityAt(period, now);
  return { ...period, validity: validity === 'valid' && daysLeft <= expiringSoonDays ? 'expiring-soon' : validity, daysLeft };
}

const issuedBy = (certificate: X509Certificate, issuer: X509Certificate | undefined) =>
  issuer !== undefined && certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);

/** Certificates as labelled on the card; unknown labels are left out. Ordered holder's first, Root last. */
export function certificatesOf(objects: { label: string; value: Buffer }[], now = new Date()): EidCertificate[] {
  const parsed = objects
    .filter((object) => object.label in roles)
    .map((object) => ({ role: roles[object.label], label: object.label, x509: new X509Certificate(object.value), der: object.value }));
  const byRole = (role: CertificateRole) => parsed.find((candidate) => candidate.role === role)?.x509;
  const order: CertificateRole[] = ['authentication', 'signature', 'ca', 'root'];
  return parsed
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map(({ role, label, x509, der }) => ({
      role,
      label,
      subject: x509.subject.split('\n').join(', '),
      issuer: x509.issuer.split('\n').join(', '),
      serialNumber: x509.serialNumber,
      ...validityOf(x509, now),
      key: keyInfoOf(x509),
      chainValid: issuedBy(x509, byRole(issuerRole[role])),
      der,
    }));
}
