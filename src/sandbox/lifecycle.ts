// The life of a requested certificate: pending until validated (polls, manual delay, the validator's
// approval), issued on
// the first look after that, expired by the clock, replaceable in its last 90 days.
import { X509Certificate } from 'node:crypto';
import { issueAuthenticationCertificate } from './ca';
import type { SandboxContext } from './context';
import { REPLACEMENT_PERIOD_DAYS } from './options';
import { sameHolder, type CertificateRecord, type CertificateStatus, type EtkStatus, type Holder } from './state';
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

/** The holder's certificate in use (issued, not revoked, not expired), the newest if several. */
export function activeCertificate(context: SandboxContext, holder: Holder, now: Date): CertificateRecord | undefined {
  return context.state
    .certificates()
    .filter((record) => sameHolder(record.holder, holder) && effectiveStatus(record, now) === 'VALID_ACTIVE')
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0];
}

/**
 * Whether a request for the holder made now would replace this certificate (GenerateCertificate's
 * rule, certra core XSD `Replaceable`): it is the holder's active one and in its replacement period.
 * An older certificate whose renewal was delivered is not: a request would replace the renewal.
 */
export function isReplaceable(context: SandboxContext, record: CertificateRecord, now: Date): boolean {
  const certificate = issuedCertificate(record);
  return certificate !== undefined && activeCertificate(context, record.holder, now) === record && now >= replacementStart(certificate);
}

/** Issues the certificate of a pending request once it is due (no polls left, validation time passed). */
export async function deliverIfDue(context: SandboxContext, record: CertificateRecord, now: Date): Promise<void> {
  if (record.status !== 'IN_PROGRESS' || record.manualValidation === 'pending' || record.pendingPolls > 0 || now < new Date(record.deliverableFrom) || !record.csr) return;
  const csr = new x509.Pkcs10CertificateRequest(Buffer.from(record.csr, 'base64'));
  const certificate = await issueAuthenticationCertificate(context.ca, csr, now, context.validityDays);
  record.certificate = Buffer.from(certificate.rawData).toString('base64');
  record.status = 'VALID_ACTIVE';
  delete record.csr;
  context.state.save();
}
