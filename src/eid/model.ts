// The eID domain as the engine hands it to faces: readers, the card, its holder, its certificates,
// and what signing needs. Plain data (JSON-friendly), no PKCS#11 handles.
import type { CertificateValidity } from '../core/certificate';

export interface Reader {
  /** Opaque slot id (hex), stable while the reader stays connected. */
  slot: string;
  description: string;
  cardPresent: boolean;
}

export type PinStatus = 'ok' | 'count-low' | 'final-try' | 'locked';

export interface PinState {
  status: PinStatus;
  /** Known only when the card warns (eID: 2 on count low, 1 on final try, 0 when locked). */
  triesLeft?: number;
  /** The reader has its own keypad: the PIN is typed there, never in the application. */
  pinpad: boolean;
}

export interface EidCard {
  reader: Reader;
  /** Token label: `BELPIC` on a Belgian eID. */
  label: string;
  serialNumber: string;
  model: string;
  pin: PinState;
}

export interface Address {
  streetAndNumber: string;
  zip: string;
  municipality: string;
}

export interface Identity {
  surname: string;
  firstNames: string;
  /** First letter of the third given name, as printed on the card. */
  thirdInitial?: string;
  nationalNumber: string;
  /** The national number's checksum holds (SSIN rules, both centuries, BIS months). */
  nationalNumberValid: boolean;
  cardNumber: string;
  /** ISO `YYYY-MM-DD` when the card's date could be read, otherwise the raw text. */
  birthDate: string;
  birthPlace?: string;
  nationality?: string;
  gender?: 'male' | 'female';
  validityBegin?: string;
  validityEnd?: string;
  issuingMunicipality?: string;
  documentType?: string;
  address?: Address;
}

export type CertificateRole = 'authentication' | 'signature' | 'ca' | 'root';
export type KeyUse = 'authentication' | 'signature';

export type KeyInfo = { type: 'rsa'; bits: number } | { type: 'ec'; curve: string };

/** A certificate's validity, `valid` told apart from `expiring-soon` (within `expiringSoonDays`). */
export type ValidityStatus = CertificateValidity | 'expiring-soon';

export interface EidCertificate {
  role: CertificateRole;
  /** The PKCS#11 label: Authentication, Signature, CA, Root. */
  label: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  validity: ValidityStatus;
  daysLeft: number;
  key: KeyInfo;
  /** Signed by the next certificate up (CA for the holder's, Root for CA, itself for Root). */
  chainValid: boolean;
  der: Buffer;
}

export interface PinRequest {
  /** The card, its `pin` state read from the token just before asking (not when the card was found). */
  card: EidCard;
  /** The key about to be used, or undefined when only the PIN is checked. */
  key?: KeyUse;
  /** The reader has a keypad: show a notice, do not ask. */
  pinpad: boolean;
}

/** What a card is wanted for: signing with one of its keys, or checking its PIN. */
export type CardPurpose = KeyUse | 'check';

/** A Belgian eID PIN: 4 to 12 digits. Anything else is refused before it reaches the card. */
export const eidPinPattern = /^\d{4,12}$/;

/** How the engine asks for the PIN: a face's input box or terminal prompt. The PIN is never kept. */
export interface Prompter {
  /**
   * The card has one PIN try left (`card.pin.status` is `final-try`): a wrong PIN blocks it. Asked
   * before the PIN or the pinpad notice; true to go on, false to stop with nothing presented.
   */
  confirmLastTry(request: PinRequest): Promise<boolean>;
  /** The PIN, or undefined when the user cancels. */
  askPin(request: PinRequest): Promise<string | undefined>;
  /** Tell the user to type the PIN on the reader; the returned function hides the notice. */
  showPinpadNotice(request: PinRequest): () => void;
  /**
   * No eID in the reader when one is needed for `purpose`: tell the user to insert it, until
   * `signal` aborts (the card is there). Settling before that means the user gave up. A face that
   * cannot wait (a script) leaves it out: a missing card is then eid/no-card at once.
   */
  waitForCard?(purpose: CardPurpose, signal: AbortSignal): Promise<void>;
}
