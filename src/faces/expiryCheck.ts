// The expiry check (`keystore check`) as the faces tell it: each verdict's word, the days left in
// words, and the exit code of a run, where the worst verdict wins (not checked, then fail, then warn).
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

/** "12 days left", "ended 3 days ago". */
export const daysLeftText = (daysLeft: number, t: Translator): string =>
  daysLeft < 0 ? t('keystore.expiry-check.ended', { count: -daysLeft }) : t('keystore.expiry-check.days-left', { count: daysLeft });
