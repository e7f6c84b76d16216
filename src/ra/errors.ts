// Errors of the registration client: values with a code, parameters and a message in the user's
// language. `Error.message` is for developers (English, never a secret); faces show `userMessage`.
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n';

export type RaErrorCode =
  | 'authority'
  | 'not-yet-delivered'
  | 'soap-fault'
  | 'http'
  | 'redirect'
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'too-large'
  | 'malformed'
  | 'hostile';

export abstract class RaError extends Error {
  abstract readonly code: RaErrorCode;

  constructor(
    detail: string,
    readonly params: MessageParams = {},
  ) {
    super(detail);
  }

  userMessage(language: Language): string {
    return translate(language, `ra.error.${this.code}` as MessageKey, this.params);
  }
}

/** One entry of `EteeStatusDetail/Errors` (or an EtkDepot `Error`). */
export interface AuthorityErrorDetail {
  code: string;
  message: string;
  parameters: Record<string, string>;
}

/** The authority answered with a non-success status; `errors` holds its error codes, if any. */
export class AuthorityError extends RaError {
  readonly code: 'authority' | 'not-yet-delivered' = 'authority';

  constructor(
    readonly status: string,
    readonly errors: AuthorityErrorDetail[],
    statusMessage = '',
  ) {
    const first = errors[0];
    const summary = first ? `${first.code}: ${first.message}` : statusMessage || status;
    super(`The authority refused the request (${status}): ${summary}`, {
      code: first?.code ?? status,
      message: first?.message || statusMessage || status,
    });
  }

  has(code: string): boolean {
    return this.errors.some((error) => error.code === code);
  }
}

/** GetCertificate before the CA issued the certificate: retry later (seconds or days). */
export class CertificateNotYetDelivered extends AuthorityError {
  override readonly code = 'not-yet-delivered';
}

export class SoapFault extends RaError {
  readonly code = 'soap-fault';
}

/** An HTTP status other than 200 (and other than a SOAP fault's 500). */
export class HttpStatusError extends RaError {
  readonly code = 'http';
}

/** Redirects are never followed: a registration request must reach the authority it names. */
export class RedirectRefused extends RaError {
  readonly code = 'redirect';
}

export class AuthorityUnreachable extends RaError {
  readonly code = 'unreachable';
}

/** The server's TLS certificate is not trusted (corporate proxy, wrong host, expired). */
export class TlsRefused extends RaError {
  readonly code = 'tls';
}

export class Timeout extends RaError {
  readonly code = 'timeout';
}

export class AnswerTooLarge extends RaError {
  readonly code = 'too-large';
}

/** Not the XML we expect: not XML, wrong namespace, wrong element, missing or invalid field. */
export class MalformedAnswer extends RaError {
  readonly code = 'malformed';
}

/** XML that tries something: a DTD, entity declarations or references. Refused before any use. */
export class HostileAnswer extends RaError {
  readonly code = 'hostile';
}

// Connection failures that happen before a byte of the request leaves the machine.
const NOT_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT)$/;

/**
 * Whether the authority may have received (and acted on) a request that ended in `error`: no
 * answer in time, a connection cut after sending, or an answer we refused to read. A refusal,
 * a fault or a connection that never opened means it did not.
 */
export function requestMayHaveArrived(error: unknown): error is RaError {
  if (error instanceof Timeout || error instanceof AnswerTooLarge || error instanceof MalformedAnswer || error instanceof HostileAnswer) return true;
  return error instanceof AuthorityUnreachable && !NOT_SENT.test(String(error.params.reason ?? ''));
}
