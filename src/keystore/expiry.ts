// When the certificates of opened keystores run out: the status bar and the guide checks ask here.
import { daysLeftAt } from '../core/certificate';
import type { Keystore } from './model';

/** eHealth accepts a renewal from 3 months (90 days) before the certificate expires. */
export const renewalWindowDays = 90;

export interface Expiry {
  keystore: Keystore;
  notAfter: Date;
  /** Whole days left; negative once expired. */
  daysLeft: number;
}

/** Undefined without an authentication certificate, or while pending (the placeholder's dates mean nothing). */
export function authenticationExpiry(keystore: Keystore, now: Date): Expiry | undefined {
  const entry = keystore.entries.find((candidate) => candidate.kind === 'authentication');
  if (!entry || keystore.status === 'pending') return undefined;
  return { keystore, notAfter: new Date(entry.certificate.notAfter), daysLeft: daysLeftAt(entry.certificate, now) };
}

/** The keystore whose authentication certificate ends first (expired ones included). */
export function nearestExpiry(keystores: readonly Keystore[], now: Date): Expiry | undefined {
  return keystores
    .map((keystore) => authenticationExpiry(keystore, now))
    .filter((expiry): expiry is Expiry => expiry !== undefined)
    .sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime())[0];
}
