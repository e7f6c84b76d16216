// Errors of the eID engine: a stable code and parameters, no words (the faces word them from
// src/faces/errors.ts). PKCS#11 return values are mapped here, once.
import { errorsOf } from '../core/domainError';
import type { OperatingSystem } from '../core/operatingSystem';
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
  | 'card-wait-cancelled'
  | 'not-an-eid'
  | 'middleware-missing'
  | 'middleware-broken'
  | 'card-support-missing';

declare module '../core/domainError' {
  interface DomainErrorCodes {
    eid: EidErrorCode;
  }
}

/**
 * pin-cancelled: the user (or the pinpad) cancelled the PIN entry. pin-format: not 4 to 12 digits,
 * so it cannot be an eID PIN and was not presented (it would only cost a try). pin-last-try-declined:
 * one try left and the user (or a script without consent) did not go on, the PIN was not presented.
 * card-wait-cancelled: no card in the reader, and the user stopped waiting for one.
 */
export class EidError<C extends EidErrorCode = EidErrorCode> extends errorsOf('eid')<C> {}

/** Wrong PIN; `triesLeft` when the card tells (eID: 2 = count low, 1 = final try). */
export class PinIncorrect extends EidError<'pin-incorrect'> {
  constructor(readonly triesLeft?: number) {
    super('pin-incorrect', `PIN incorrect${triesLeft === undefined ? '' : `, ${triesLeft} tries left`}`, triesLeft === undefined ? {} : { tries: triesLeft });
  }
}

export class NotAnEid extends EidError<'not-an-eid'> {
  constructor(readonly label: string) {
    super('not-an-eid', `the card "${label}" is not a Belgian eID`, { label });
  }
}

/** No PKCS#11 module where it was looked for; the words depend on the `os` (where to get one). */
export class MiddlewareMissing extends EidError<'middleware-missing'> {
  constructor(
    readonly os: OperatingSystem,
    readonly searched: string[],
  ) {
    super('middleware-missing', `eID middleware not found (searched: ${searched.join(', ')})`, { os, searched: searched.join(', ') });
  }
}

export class MiddlewareBroken extends EidError<'middleware-broken'> {
  constructor(modulePath: string, detail: string) {
    super('middleware-broken', `eID middleware ${modulePath} failed: ${detail}`, { module: modulePath, detail });
  }
}

/**
 * This build has no eID card support for the system it runs on (`target`, e.g. win32-x64): the
 * universal package, or an addon for another system or Node. `released`: a package with card
 * support exists for that target. `detail`: why the addon that is there did not load.
 */
export class CardSupportMissing extends EidError<'card-support-missing'> {
  constructor(
    readonly target: string,
    readonly released: boolean,
    readonly detail?: string,
  ) {
    super('card-support-missing', `no eID card support for ${target} in this build${detail ? ` (${detail})` : ''}`, { target, released: String(released), ...(detail ? { detail } : {}) });
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
      return new EidError('pin-locked', 'PIN locked');
    case 'CKR_FUNCTION_CANCELED':
      return new EidError('pin-cancelled', 'PIN entry cancelled');
    case 'CKR_TOKEN_NOT_RECOGNIZED':
      return new NotAnEid('?');
    default:
      return removal.has(error.ckr) ? new EidError('card-removed', 'card removed during the operation') : new MiddlewareBroken(modulePath, `${error.method}: ${error.ckr}`);
  }
}
