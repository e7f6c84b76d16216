// Errors of the eID engine as typed values: a stable code for faces and exit codes, parameters, and
// a user message in fr/nl/en/de that says what to do. PKCS#11 return values are mapped here, once.
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n';
import { Pkcs11Failure } from './pkcs11Protocol';

export type EidErrorCode =
  | 'pin-incorrect'
  | 'pin-locked'
  | 'pin-cancelled'
  | 'pin-format'
  | 'pin-last-try-declined'
  | 'card-removed'
  | 'no-reader'
  | 'no-card'
  | 'not-an-eid'
  | 'middleware-missing'
  | 'middleware-broken';

export type OperatingSystem = 'linux' | 'windows' | 'macos';

export abstract class EidError extends Error {
  abstract readonly code: EidErrorCode;

  protected constructor(
    message: string,
    private readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  userMessage(language: Language): string {
    return translate(language, this.messageKey, this.params);
  }
}

/** Wrong PIN; `triesLeft` when the card tells (eID: 2 = count low, 1 = final try). */
export class PinIncorrect extends EidError {
  readonly code = 'pin-incorrect';
  constructor(readonly triesLeft?: number) {
    super(`PIN incorrect${triesLeft === undefined ? '' : `, ${triesLeft} tries left`}`, triesLeft === undefined ? 'eid.error.pin-incorrect' : 'eid.error.pin-incorrect-tries', triesLeft === undefined ? {} : { tries: triesLeft });
  }
}

export class PinLocked extends EidError {
  readonly code = 'pin-locked';
  constructor() {
    super('PIN locked', 'eid.error.pin-locked');
  }
}

export class PinCancelled extends EidError {
  readonly code = 'pin-cancelled';
  constructor() {
    super('PIN entry cancelled', 'eid.error.pin-cancelled');
  }
}

/** Not 4 to 12 digits: cannot be an eID PIN, so it was not presented (it would only cost a try). */
export class PinFormat extends EidError {
  readonly code = 'pin-format';
  constructor() {
    super('not an eID PIN (4 to 12 digits): not presented to the card', 'eid.error.pin-format');
  }
}

/** One try left and the user (or a script without consent) did not go on: the PIN was not presented. */
export class LastTryDeclined extends EidError {
  readonly code = 'pin-last-try-declined';
  constructor() {
    super('one PIN try left: the PIN was not presented', 'eid.error.pin-last-try-declined');
  }
}

export class CardRemoved extends EidError {
  readonly code = 'card-removed';
  constructor() {
    super('card removed during the operation', 'eid.error.card-removed');
  }
}

export class NoReader extends EidError {
  readonly code = 'no-reader';
  constructor() {
    super('no card reader', 'eid.error.no-reader');
  }
}

export class NoCard extends EidError {
  readonly code = 'no-card';
  constructor() {
    super('no card in the reader', 'eid.error.no-card');
  }
}

export class NotAnEid extends EidError {
  readonly code = 'not-an-eid';
  constructor(readonly label: string) {
    super(`the card "${label}" is not a Belgian eID`, 'eid.error.not-an-eid', { label });
  }
}

export class MiddlewareMissing extends EidError {
  readonly code = 'middleware-missing';
  constructor(
    readonly os: OperatingSystem,
    readonly searched: string[],
  ) {
    super(`eID middleware not found (searched: ${searched.join(', ')})`, `eid.error.middleware-missing.${os}`, { searched: searched.join(', ') });
  }
}

export class MiddlewareBroken extends EidError {
  readonly code = 'middleware-broken';
  constructor(
    readonly modulePath: string,
    readonly detail: string,
  ) {
    super(`eID middleware ${modulePath} failed: ${detail}`, 'eid.error.middleware-broken', { module: modulePath, detail });
  }
}

const removal = new Set(['CKR_DEVICE_REMOVED', 'CKR_TOKEN_NOT_PRESENT', 'CKR_SESSION_HANDLE_INVALID', 'CKR_SESSION_CLOSED', 'CKR_SLOT_ID_INVALID', 'CKR_DEVICE_ERROR']);

/**
 * The domain error for a PKCS#11 failure. `triesLeft` reads the card's PIN state after a wrong PIN
 * (the card may also be gone by then).
 */
export async function eidErrorOf(error: unknown, modulePath: string, triesLeft: () => Promise<number | undefined> = async () => undefined): Promise<Error> {
  if (error instanceof EidError || !(error instanceof Pkcs11Failure)) return error as Error;
  switch (error.ckr) {
    case 'CKR_PIN_INCORRECT':
      return new PinIncorrect(await triesLeft());
    case 'CKR_PIN_LOCKED':
      return new PinLocked();
    case 'CKR_FUNCTION_CANCELED':
      return new PinCancelled();
    case 'CKR_TOKEN_NOT_RECOGNIZED':
      return new NotAnEid('?');
    default:
      return removal.has(error.ckr) ? new CardRemoved() : new MiddlewareBroken(modulePath, `${error.method}: ${error.ckr}`);
  }
}
