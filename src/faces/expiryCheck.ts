// The expiry check (`keystore check`) as the faces tell it: each verdict's word, the days left in
// words, and the exit code of a run, where the worst verdict wins (not checked, then fail, then warn).
import { day } from '../core/certificate';
import type { Translator } from '../i18n';
import type { ExpiryCheck, ExpiryVerdict } from '../keystore/expiryCheck';
import { ExitCode } from './exitCodes';

/** Superseded and pending keystores never change the outcome: the newest certificate of the holder counts. */
export const verdictExit: Readonly<Record<ExpiryVerdict, ExitCode>> = {
  ok: ExitCode.ok,
  warn: ExitCode.expiryWarning,
  fail: ExitCode.expiryFailure,
  'not-checked': ExitCode.notChecked,
  superseded: ExitCode.ok,
  pending: ExitCode.ok,
};

/** The worst verdict's code: 25 > 24 > 23 > 0 (the codes are ordered by how bad they are). */
export const expiryCheckExit = (checks: readonly ExpiryCheck<unknown>[]): ExitCode => Math.max(ExitCode.ok, ...checks.map((check) => verdictExit[check.verdict])) as ExitCode;

export const verdictWord = (verdict: ExpiryVerdict, t: Translator): string => t(`keystore.expiry-check.${verdict}`);

/** "12 days left" (whole days, as `daysLeft` counts them), "ended 3 days ago" (whole days since the end, at `at`), "ended today". */
export function daysLeftText(daysLeft: number, notAfter: string, at: Date, t: Translator): string {
  if (daysLeft >= 0) return t('keystore.expiry-check.days-left', { count: daysLeft });
  const since = Math.floor((at.getTime() - Date.parse(notAfter)) / day);
  return since === 0 ? t('keystore.expiry-check.ended-today') : t('keystore.expiry-check.ended', { count: since });
}
