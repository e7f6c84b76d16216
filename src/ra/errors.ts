// Errors of the registration client: a code and parameters, no words (the faces word them from
// src/faces/errors.ts). `Error.message` is for developers (English, never a secret).
import { errorsOf } from '../core/domainError';

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
  | 'hostile'
  | 'trace-refused';

declare module '../core/domainError' {
  interface DomainErrorCodes {
    ra: RaErrorCode;
  }
}

/**
 * soap-fault: a SOAP fault (`fault`, `reason`). http: an HTTP status other than 200 (and other than a
 * SOAP fault's 500). redirect: never followed, a registration request must reach the authority it
 * names. unreachable: no connection (`host`, `reason`). tls: the server's TLS certificate is not
 * trusted (corporate proxy, wrong host, expired). malformed: not the XML we expect (not XML, wrong
 * namespace, wrong element, missing or invalid field: `detail`). hostile: XML that tries something
 * (a DTD, entity declarations or references), refused before any use. trace-refused: see TraceRefused.
 */
export class RaError<C extends RaErrorCode = RaErrorCode> extends errorsOf('ra')<C> {}

/** One entry of `EteeStatusDetail/Errors` (or an EtkDepot `Error`). */
export interface AuthorityErrorDetail {
  code: string;
  message: string;
  parameters: Record<string, string>;
}

/**
 * The authority answered with a non-success status; `errors` holds its error codes, if any.
 * not-yet-delivered: GetCertificate before the CA issued the certificate, retry later (seconds or days).
 */
export class AuthorityError extends RaError<'authority' | 'not-yet-delivered'> {
  constructor(
    readonly status: string,
    readonly errors: AuthorityErrorDetail[],
    statusMessage = '',
  ) {
    const first = errors[0];
    const summary = first ? `${first.code}: ${first.message}` : statusMessage || status;
    super(errors.some((error) => error.code === 'CERT_NOT_YET_DELIVERED') ? 'not-yet-delivered' : 'authority', `The authority refused the request (${status}): ${summary}`, {
      code: first?.code ?? status,
      message: first?.message || statusMessage || status,
    });
  }

  has(code: string): boolean {
    return this.errors.some((error) => error.code === code);
  }
}

// No complete answer in time, or an answer we refused to read.
const answeredButUnread: ReadonlySet<RaErrorCode> = new Set(['timeout', 'too-large', 'malformed', 'hostile']);
// Connection failures that happen before a byte of the request leaves the machine.
const NOT_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT)$/;

/**
 * Whether the authority may have received (and acted on) a request that ended in `error`: no
 * answer in time, a connection cut after sending, or an answer we refused to read. A refusal,
 * a fault or a connection that never opened means it did not.
 */
export function requestMayHaveArrived(error: unknown): error is RaError {
  if (!(error instanceof RaError)) return false;
  if (answeredButUnread.has(error.code)) return true;
  return error.code === 'unreachable' && !NOT_SENT.test(String(error.params.reason ?? ''));
}
