// What every part of the project says about a certificate, wherever it was read (a keystore entry,
// the authority's record of it): whose, from whom, which, and when it is valid. Dependency-free.

export interface CertificateSummary {
  /** Distinguished name, most specific first: `CN=SSIN\=79021802145, OU=..., C=BE`. */
  subject: string;
  issuer: string;
  /** Decimal, as eHealth names ETK aliases (the authority's records are read as written: docs/PROTOCOL.md). */
  serialNumber: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
}

/** Where a date stands in a certificate's validity period (the start of every status shown). */
export type CertificateValidity = 'not-yet-valid' | 'valid' | 'expired';

export function validityAt(certificate: Pick<CertificateSummary, 'notBefore' | 'notAfter'>, at: Date): CertificateValidity {
  const time = at.getTime();
  if (time < Date.parse(certificate.notBefore)) return 'not-yet-valid';
  return time > Date.parse(certificate.notAfter) ? 'expired' : 'valid';
}

/** A day in milliseconds: whole days are counted in these everywhere. */
export const day = 86_400_000;

/** Whole days from `at` to the end of the certificate's validity; negative once expired. */
export function daysLeftAt(certificate: Pick<CertificateSummary, 'notAfter'>, at: Date): number {
  return Math.floor((Date.parse(certificate.notAfter) - at.getTime()) / day);
}
