// Errors of the procedures themselves (the engines' errors - eID, keystore, registration - pass
// through unchanged): a code, parameters, and a user message in fr/nl/en/de.
import { translate, type Explained, type Language, type MessageKey, type MessageParams } from '../i18n';

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
  | 'etk-not-published'
  | 'not-an-ehealth-keystore'
  | 'request-outcome-unknown';

export class ProcedureError extends Error {
  constructor(
    readonly code: ProcedureErrorCode,
    readonly params: MessageParams = {},
    detail: string = code,
    /** An engine error whose own message completes ours as `{reason}`. */
    readonly reason?: Explained,
  ) {
    super(detail);
    this.name = 'ProcedureError';
  }

  userMessage(language: Language): string {
    const params = this.reason ? { ...this.params, reason: this.reason.userMessage(language) } : this.params;
    return translate(language, `procedures.error.${this.code}` as MessageKey, params);
  }
}

/** The answer to a question, or the procedure ends here ("cancelled"), nothing changed. */
export function answered<T>(value: T | undefined): T {
  if (value === undefined) throw new ProcedureError('cancelled');
  return value;
}
