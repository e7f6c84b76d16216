// Errors of the procedures themselves (the engines' errors - eID, keystore, registration - pass
// through unchanged): a code and parameters, no words (the faces word them from src/faces/errors.ts).
import { errorsOf, type ErrorParams } from '../core/domainError';
import { BACK, type Back } from './prompter';

export type ProcedureErrorCode =
  | 'cancelled'
  | 'contract-declined'
  | 'production-not-confirmed'
  | 'not-authorized'
  | 'invalid-holder'
  | 'application-id-in-use'
  | 'invalid-contact-data'
  | 'wrong-stage'
  | 'not-yet-delivered'
  | 'request-refused'
  | 'wrong-certificate'
  | 'not-replaceable'
  | 'renewal-not-open-yet'
  | 'etk-not-published'
  | 'not-an-ehealth-keystore'
  | 'keystore-of-other-environment'
  | 'etk-not-found'
  | 'etk-ambiguous'
  | 'request-outcome-unknown'
  | 'invalid-public-key-id';

declare module '../core/domainError' {
  interface DomainErrorCodes {
    procedure: ProcedureErrorCode;
  }
}

export class ProcedureError<C extends ProcedureErrorCode = ProcedureErrorCode> extends errorsOf('procedure')<C> {
  constructor(
    code: C,
    params: ErrorParams = {},
    detail: string = code,
    /** `cause`: an engine error whose words complete ours as `{reason}`. */
    options?: { cause?: unknown },
  ) {
    super(code, detail, params, options);
  }
}

/** The answer to a question, or the procedure ends here ("cancelled"), nothing changed; Back, outside a request's steps, cancels too. */
export function answered<T>(value: T | Back | undefined): T {
  if (value === undefined || value === BACK) throw new ProcedureError('cancelled');
  return value;
}
