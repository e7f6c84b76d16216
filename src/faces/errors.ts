// How both faces (the CLI and VS Code) tell a domain error: its words (a message key filled with the
// error's parameters), the CLI's exit code, and whether it is a plain cancel (the user stopped on
// purpose: nothing went wrong). One entry per code of every domain: a new code fails the build
// until it is given a face here.
import type { ContactProblem } from '../core/contactData';
import type { Environment } from '../core/environment';
import { DomainError, type DomainErrorKey } from '../core/domainError';
import { translator, type Language, type MessageKey, type Translator } from '../i18n';
import { formatDate } from '../i18n/dates';
import { cardSupportTargets } from '../eid/addon';
import type { OperatingSystem } from '../core/operatingSystem';
import { PasswordPolicyViolation } from '../keystore/errors';
import { contactProblemMessages } from './contactChecks';
import { holderProblemMessage } from './holderChecks';
import type { HolderProblem } from '../procedures';
import { ExitCode } from './exitCodes';

export interface ErrorFace {
  /** A message key filled with the error's parameters, or the words built from them (the few that need it). */
  message: MessageKey | ((error: DomainError, t: Translator) => string);
  exit: ExitCode;
  /** Not a failure: 'quiet' when the user knows already (Escape), 'notice' when a notice says what was (not) done. */
  cancel: false | 'quiet' | 'notice';
}

const failure = (message: ErrorFace['message'], exit: ExitCode): ErrorFace => ({ message, exit, cancel: false });
const cancel = (message: MessageKey, exit: ExitCode, kind: ErrorFace['cancel']): ErrorFace => ({ message, exit, cancel: kind });

export const errorFaces: Record<DomainErrorKey, ErrorFace> = {
  'keystore/wrong-password': failure('keystore.error.wrong-password', ExitCode.wrongPassword),
  'keystore/corrupt': failure('keystore.error.corrupt', ExitCode.damaged),
  'keystore/unsupported': failure('keystore.error.unsupported', ExitCode.unsupported),
  'keystore/too-costly': failure('keystore.error.too-costly', ExitCode.unsupported),
  'keystore/not-ehealth': failure('keystore.error.not-ehealth', ExitCode.unsupported),
  'keystore/not-found': failure('keystore.error.not-found', ExitCode.notFound),
  // No keystore file at that path: a folder, a pipe, a device, a link loop.
  'keystore/is-directory': failure('keystore.error.is-directory', ExitCode.notFound),
  'keystore/is-fifo': failure('keystore.error.is-fifo', ExitCode.notFound),
  'keystore/is-device': failure('keystore.error.is-device', ExitCode.notFound),
  'keystore/not-a-file': failure('keystore.error.not-a-file', ExitCode.notFound),
  'keystore/symlink-loop': failure('keystore.error.symlink-loop', ExitCode.notFound),
  'keystore/too-large': failure('keystore.error.too-large', ExitCode.damaged),
  'keystore/permission-denied': failure('keystore.error.permission-denied', ExitCode.unreadable),
  'keystore/unreadable': failure('keystore.error.unreadable', ExitCode.unreadable),
  'keystore/entry-not-found': failure('keystore.error.entry-not-found', ExitCode.notFound),
  // No certificate under that alias, only a key.
  'keystore/entry-without-certificate': failure('keystore.error.entry-without-certificate', ExitCode.notFound),
  'keystore/password-policy': failure((error, t) => {
    const failures = error instanceof PasswordPolicyViolation ? error.failures : [];
    return t('keystore.error.password-policy', { failures: failures.map((rule) => t(`keystore.policy.${rule}`)).join('; ') });
  }, ExitCode.usage),
  // A password change to the same password: refused, nothing written.
  'keystore/same-password': failure('keystore.error.same-password', ExitCode.usage),
  'keystore/rewrite-failed': failure('keystore.error.rewrite-failed', ExitCode.failure),
  'keystore/busy': failure('keystore.error.busy', ExitCode.keystoreBusy),
  'keystore/changed': failure('keystore.error.changed', ExitCode.keystoreBusy),
  'keystore/read-only': failure('keystore.error.read-only', ExitCode.readOnly),
  'keystore/output-exists': failure('keystore.error.output-exists', ExitCode.outputExists),
  'keystore/output-is-keystore': failure('keystore.error.output-is-keystore', ExitCode.outputIsKeystore),

  'eid/pin-incorrect': failure((error, t) => (error.params.tries === undefined ? t('eid.error.pin-incorrect') : t('eid.error.pin-incorrect-tries', { count: error.params.tries })), ExitCode.pinIncorrect),
  'eid/pin-locked': failure('eid.error.pin-locked', ExitCode.pinLocked),
  'eid/pin-cancelled': cancel('eid.error.pin-cancelled', ExitCode.failure, 'quiet'),
  'eid/pin-format': failure('eid.error.pin-format', ExitCode.pinFormat),
  'eid/pin-last-try-declined': cancel('eid.error.pin-last-try-declined', ExitCode.pinLastTry, 'notice'),
  'eid/card-removed': failure('eid.error.card-removed', ExitCode.noCard),
  'eid/no-reader': failure('eid.error.no-reader', ExitCode.noCard),
  'eid/no-card': failure('eid.error.no-card', ExitCode.noCard),
  // The user stopped waiting for the card to be inserted: they know.
  'eid/card-wait-cancelled': cancel('eid.error.card-wait-cancelled', ExitCode.noCard, 'quiet'),
  'eid/not-an-eid': failure('eid.error.not-an-eid', ExitCode.noCard),
  // Where to get the middleware depends on the operating system.
  'eid/middleware-missing': failure((error, t) => t(`eid.error.middleware-missing.${error.params.os as OperatingSystem}`, error.params), ExitCode.middlewareMissing),
  'eid/middleware-broken': failure('eid.error.middleware-broken', ExitCode.middlewareMissing),
  // The build, not the eID software: which package has card support for this system, if one does.
  'eid/card-support-missing': failure((error, t) => {
    const params = { ...error.params, targets: cardSupportTargets.join(', ') };
    if (error.params.released !== 'true') return t('eid.error.card-support-unreleased', params);
    return `${t(error.params.detail === undefined ? 'eid.error.card-support-missing' : 'eid.error.card-support-broken', params)} ${t('eid.card-support.install', params)}`;
  }, ExitCode.cardSupportMissing),

  'ra/authority': failure('ra.error.authority', ExitCode.authority),
  'ra/not-yet-delivered': failure('ra.error.not-yet-delivered', ExitCode.notYetDelivered),
  'ra/soap-fault': failure('ra.error.soap-fault', ExitCode.authority),
  'ra/http': failure('ra.error.http', ExitCode.authority),
  'ra/redirect': failure('ra.error.redirect', ExitCode.authority),
  'ra/unreachable': failure('ra.error.unreachable', ExitCode.authority),
  'ra/tls': failure('ra.error.tls', ExitCode.authority),
  'ra/timeout': failure('ra.error.timeout', ExitCode.authority),
  'ra/too-large': failure('ra.error.too-large', ExitCode.authority),
  'ra/malformed': failure('ra.error.malformed', ExitCode.authority),
  'ra/hostile': failure('ra.error.hostile', ExitCode.authority),
  'ra/trace-refused': failure('ra.trace.refused', ExitCode.failure),

  // The user stopped on purpose: Escape (they know), "Decline" or "No" (told what was not done).
  'procedure/cancelled': cancel('procedures.error.cancelled', ExitCode.failure, 'quiet'),
  'procedure/contract-declined': cancel('procedures.error.contract-declined', ExitCode.contractDeclined, 'notice'),
  'procedure/production-not-confirmed': cancel('procedures.error.production-not-confirmed', ExitCode.productionNotConfirmed, 'notice'),
  'procedure/not-authorized': failure('procedures.error.not-authorized', ExitCode.authority),
  // The problem in the words the input boxes and --holder's check use.
  'procedure/invalid-holder': failure(
    (error, t) => t('procedures.error.invalid-holder', { holder: error.params.holder, problem: holderProblemMessage(t, error.params.problem as HolderProblem, String(error.params.type)) }),
    ExitCode.usage,
  ),
  'procedure/application-id-in-use': failure('procedures.error.application-id-in-use', ExitCode.failure),
  // In the words the input box and the terminal use for the same problem.
  'procedure/invalid-contact-data': failure((error, t) => t(contactProblemMessages[error.params.problem as ContactProblem]), ExitCode.usage),
  'procedure/wrong-stage': failure('procedures.error.wrong-stage', ExitCode.failure),
  'procedure/not-yet-delivered': failure('procedures.error.not-yet-delivered', ExitCode.notYetDelivered),
  'procedure/request-refused': failure('procedures.error.request-refused', ExitCode.authority),
  'procedure/wrong-certificate': failure('procedures.error.wrong-certificate', ExitCode.failure),
  // Not failures: eHealth says when renewal opens (too early), or that this certificate cannot be
  // renewed (its status); told as information, with no Retry that could not help.
  'procedure/not-replaceable': { message: 'procedures.error.not-replaceable', exit: ExitCode.authority, cancel: 'notice' },
  'procedure/renewal-not-open-yet': {
    message: (error, t) => t('procedures.notice.renew-too-early', { date: formatDate(String(error.params.from), t.language) }),
    exit: ExitCode.authority,
    cancel: 'notice',
  },
  'procedure/etk-not-published': failure('procedures.error.etk-not-published', ExitCode.failure),
  'procedure/not-an-ehealth-keystore': failure('procedures.error.not-an-ehealth-keystore', ExitCode.unsupported),
  // The environment given (or told by the file's name) is not the one that issued the certificate: --env answers it.
  'procedure/keystore-of-other-environment': failure(
    (error, t) =>
      t('procedures.error.keystore-of-other-environment', {
        file: error.params.file,
        keystore: t(`environment.${error.params.keystore as Environment}`),
        environment: t(`environment.${error.params.environment as Environment}`),
        value: error.params.keystore,
      }),
    ExitCode.usage,
  ),
  'procedure/etk-not-found': failure((error, t) => t('procedures.error.etk-not-found', { holder: error.params.holder, environment: t(`environment.${error.params.environment as Environment}`) }), ExitCode.notFound),
  'procedure/etk-ambiguous': failure('procedures.error.etk-ambiguous', ExitCode.usage),
  'procedure/request-outcome-unknown': failure('procedures.error.request-outcome-unknown', ExitCode.failure),
  'procedure/invalid-public-key-id': failure('procedures.error.invalid-public-key-id', ExitCode.usage),
};

/** The face of a domain error; undefined for anything else (Node's own errors, a bug). */
export function errorFace(error: unknown): ErrorFace | undefined {
  return error instanceof DomainError ? errorFaces[error.key] : undefined;
}

/**
 * What to tell the user, in `language`: a domain error's words (a DomainError cause worded into
 * `{reason}`), else the error's own message.
 */
export function errorMessage(error: unknown, language: Language): string {
  if (!(error instanceof DomainError)) return error instanceof Error ? error.message : String(error);
  const { message } = errorFaces[error.key];
  const t = translator(language);
  if (typeof message === 'function') return message(error, t);
  const { cause } = error;
  return t(message, cause instanceof DomainError ? { ...error.params, reason: errorMessage(cause, language) } : error.params);
}
