// When the certificates of opened keystores run out: the status bar and the guide checks ask here.
import { daysLeftAt } from '../core/certificate';
import type { Environment } from '../core/environment';
import { folderKey, isRenewed } from './locate';
import type { Keystore, KeystoreListing } from './model';

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

/**
 * The opened keystores the status bar counts: the newest of each holder (an older one was renewed,
 * in its folder or another), outside the folders the user left out (written as they like: `~`, a
 * trailing separator, another case on Windows and macOS); sandbox rehearsals (their folder, or a
 * sandbox issuer or suffix) only while the sandbox is the environment, since they say nothing of
 * real certificates.
 */
export function countedKeystores(
  listing: KeystoreListing,
  opened: readonly Keystore[],
  options: { excluded: readonly string[]; environment: Environment; platform?: NodeJS.Platform; home?: string },
): Keystore[] {
  const key = (folder: string) => folderKey(folder, options.platform, options.home);
  const excluded = new Set(options.excluded.filter((folder) => folder.trim()).map(key));
  const rehearsals = options.environment === 'sandbox';
  const files = listing.folders
    .filter((folder) => !excluded.has(key(folder.path)) && (rehearsals || folder.origin !== 'sandbox'))
    .flatMap((folder) => folder.keystores)
    .filter((file) => !isRenewed(file) && (rehearsals || file.environment !== 'sandbox'));
  const counted = new Set(files.map((file) => file.path));
  return opened.filter((keystore) => keystore.file !== undefined && counted.has(keystore.file) && (rehearsals || keystore.environment !== 'sandbox'));
}
