// `keystore check`, the expiry check integrators run in CI: for each keystore, whether its
// authentication certificate ends within the warning or the failure threshold. Among the keystores
// of one holder in one environment only the newest certificate counts: the older ones were renewed
// and are `superseded`. Codes, no words: the faces word each verdict and choose the exit code.
import * as path from 'node:path';
import { day } from '../core/certificate';
import { holderOf, type Holder } from '../core/holder';
import { authenticationExpiry } from './expiry';
import { parseKeystoreFileName } from './fileName';
import { renewalGroup } from './locate';
import type { Keystore, KeystoreEnvironment, KeystoreHolder } from './model';

/** Whole days: a certificate ending within `failDays` fails, within `warnDays` warns (failDays <= warnDays). */
export interface ExpiryThresholds {
  warnDays: number;
  failDays: number;
}

/**
 * ok: ends after the warning threshold; warn: within it; fail: within the failure threshold, or
 * ended; superseded: the holder has a newer certificate, which is the one that counts; pending: the
 * request waits for eHealth's certificate (the placeholder's dates mean nothing); not-checked: its
 * certificate could not be read.
 */
export type ExpiryVerdict = 'ok' | 'warn' | 'fail' | 'superseded' | 'pending' | 'not-checked';

/** Why a keystore was not checked: it could not be opened (`failure`), it is locked, it has no authentication certificate. */
export type NotChecked<F> = { reason: 'unreadable'; failure: F } | { reason: 'password-needed' } | { reason: 'no-authentication-certificate' };

/** A keystore file as opened for the check: its keystore, or why it could not be opened. */
export type CheckInput<F> = { file: string; keystore: Keystore } | { file: string; failure: F };

export interface ExpiryCheck<F> {
  file: string;
  verdict: ExpiryVerdict;
  /** From the certificate once opened, else from the file name. */
  holder?: Holder & { name?: string };
  environment: KeystoreEnvironment;
  /** The authentication certificate's end, ISO 8601 (not when pending or not checked). */
  notAfter?: string;
  /** Whole days left at the evaluation date; negative once ended. */
  daysLeft?: number;
  /** The file of the holder's newest certificate, when superseded. */
  supersededBy?: string;
  notChecked?: NotChecked<F>;
}

/** The verdict of every keystore, in the order given, at `at`. */
export function checkExpiries<F>(inputs: readonly CheckInput<F>[], thresholds: ExpiryThresholds, at: Date): ExpiryCheck<F>[] {
  const checks = inputs.map((input) => ('keystore' in input ? examine<F>(input.file, input.keystore, at) : unreadable(input.file, input.failure)));
  // The newest certificate (latest start, then latest end) of each holder and environment counts.
  const newest = new Map<string, Examined<F>>();
  for (const check of checks) {
    if (check.notBefore === undefined) continue;
    const best = newest.get(groupOf(check));
    if (!best || check.notBefore > best.notBefore! || (check.notBefore === best.notBefore && Date.parse(check.notAfter!) > Date.parse(best.notAfter!))) newest.set(groupOf(check), check);
  }
  const end = (days: number) => at.getTime() + days * day;
  return checks.map(({ notBefore, ...check }) => {
    if (notBefore === undefined) return check;
    const best = newest.get(groupOf(check))!;
    if (best.file !== check.file) return { ...check, verdict: 'superseded', supersededBy: best.file };
    const notAfter = Date.parse(check.notAfter!);
    return { ...check, verdict: notAfter <= end(thresholds.failDays) ? 'fail' : notAfter <= end(thresholds.warnDays) ? 'warn' : 'ok' };
  });
}

/** A keystore with its certificate's start while the newest of each holder is sought. */
type Examined<F> = ExpiryCheck<F> & { notBefore?: number };

/** One holder in one environment; a keystore whose holder is unknown stands alone. */
const groupOf = (check: ExpiryCheck<unknown>) => (check.holder ? renewalGroup(check.holder, check.environment) : `file|${check.file}`);

function examine<F>(file: string, keystore: Keystore, at: Date): Examined<F> {
  const { holder, environment } = keystore;
  const base = { file, environment, ...(holder ? { holder: withoutSource(holder) } : {}) };
  if (keystore.locked) return { ...base, verdict: 'not-checked', notChecked: { reason: 'password-needed' } };
  if (keystore.status === 'pending') return { ...base, verdict: 'pending' };
  const expiry = authenticationExpiry(keystore, at);
  const certificate = keystore.entries.find((entry) => entry.kind === 'authentication')?.certificate;
  if (!expiry || !certificate) return { ...base, verdict: 'not-checked', notChecked: { reason: 'no-authentication-certificate' } };
  // `ok` until the thresholds are applied, once the newest of each holder is known.
  return { ...base, verdict: 'ok', notAfter: certificate.notAfter, daysLeft: expiry.daysLeft, notBefore: Date.parse(certificate.notBefore) };
}

/** A file that could not be opened: its holder and environment as its name tells them (never its dates). */
function unreadable<F>(file: string, failure: F): Examined<F> {
  const name = parseKeystoreFileName(path.basename(file));
  return { file, environment: name.environment, ...(name.holder ? { holder: name.holder } : {}), verdict: 'not-checked', notChecked: { reason: 'unreadable', failure } };
}

/** The holder without where it was read from. */
const withoutSource = (holder: KeystoreHolder): Holder & { name?: string } => ({ ...holderOf(holder.type, holder.id, holder.applicationId), ...(holder.name ? { name: holder.name } : {}) });
