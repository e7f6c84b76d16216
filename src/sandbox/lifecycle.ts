// The life of a requested certificate: pending until validated (polls, manual delay, the validator's
// approval), issued on the first look after that, expired by the clock, replaceable in its last 90 days.
import { X509Certificate } from 'node:crypto';
import { issueAuthenticationCertificate } from './ca';
import type { SandboxContext } from './context';
import { REPLACEMENT_PERIOD_DAYS } from './options';
import { holderKey, sameHolder, type CertificateRecord, type CertificateStatus, type EtkStatus, type Holder } from './state';
import { x509 } from './x509';

const DAY_MS = 86_400_000;

export function issuedCertificate(record: CertificateRecord): X509Certificate | undefined {
  return record.certificate ? new X509Certificate(Buffer.from(record.certificate, 'base64')) : undefined;
}

export function effectiveStatus(record: CertificateRecord, now: Date): CertificateStatus {
  const certificate = issuedCertificate(record);
  if (record.status === 'VALID_ACTIVE' && certificate && new Date(certificate.validTo) < now) return 'EXPIRED';
  return record.status;
}

/** An ETK has its certificate's validity (EtkRA checks it): a registered one expires with it. Revoke revokes it. */
export function effectiveEtkStatus(record: CertificateRecord, now: Date): EtkStatus {
  const registered = record.etk.status === 'IN_REQUEST' || record.etk.status === 'WAIT_FOR_ACTIVATION' || record.etk.status === 'VALID_ACTIVE';
  return registered && effectiveStatus(record, now) === 'EXPIRED' ? 'EXPIRED' : record.etk.status;
}

export function replacementStart(certificate: X509Certificate): Date {
  return new Date(new Date(certificate.validTo).getTime() - REPLACEMENT_PERIOD_DAYS * DAY_MS);
}

const newestFirst = (a: CertificateRecord, b: CertificateRecord) => b.requestedAt.localeCompare(a.requestedAt);

/** Each holder's certificate in use (issued, not revoked, not expired), the newest if several; by holderKey. */
export function activeCertificates(records: CertificateRecord[], now: Date): Map<string, CertificateRecord> {
  const active = new Map<string, CertificateRecord>();
  for (const record of records.filter((candidate) => effectiveStatus(candidate, now) === 'VALID_ACTIVE').sort(newestFirst)) {
    if (!active.has(holderKey(record.holder))) active.set(holderKey(record.holder), record);
  }
  return active;
}

/** The holder's certificate in use, as activeCertificates finds it. */
export function activeCertificate(context: SandboxContext, holder: Holder, now: Date): CertificateRecord | undefined {
  return activeCertificates(context.state.certificates().filter((record) => sameHolder(record.holder, holder)), now).get(holderKey(holder));
}

/**
 * Whether a request for the holder made now would replace this certificate (GenerateCertificate's
 * rule, certra core XSD `Replaceable`): it is the holder's active one (`active`) and in its
 * replacement period. An older certificate whose renewal was delivered is not: a request would
 * replace the renewal.
 */
export function isReplaceable(record: CertificateRecord, active: CertificateRecord | undefined, now: Date): boolean {
  const certificate = issuedCertificate(record);
  return certificate !== undefined && active === record && now >= replacementStart(certificate);
}

/** Issues the certificate of a pending request once it is due (no polls left, validation time passed, and not awaiting the validator). */
export async function deliverIfDue(context: SandboxContext, record: CertificateRecord, now: Date): Promise<void> {
  if (record.status !== 'IN_PROGRESS' || record.manualValidation === 'pending' || record.pendingPolls > 0 || now < new Date(record.deliverableFrom) || !record.csr) return;
  const csr = new x509.Pkcs10CertificateRequest(Buffer.from(record.csr, 'base64'));
  const certificate = await issueAuthenticationCertificate(context.ca, csr, now, context.validityDays);
  record.certificate = Buffer.from(certificate.rawData).toString('base64');
  record.status = 'VALID_ACTIVE';
  delete record.csr;
  context.state.save();
}
