// What crosses between the caller's thread and the PKCS#11 worker (pkcs11Worker.ts): one request per
// PKCS#11 operation, answered by a result or a failure. Handles travel as Buffers; the worker keeps
// no state of its own beyond the loaded module, so a restarted worker needs nothing replayed.
import type { DataObject, Mechanism, ObjectKind, SlotInfo, TokenInfo } from './pkcs11';

export type SlotId = Buffer;
export type SessionHandle = Buffer;
export type ObjectHandle = Buffer;

/** The operations the worker runs, each a call (or a short sequence) of pkcs11.ts. */
export interface Pkcs11Operations {
  /** Loads and initialises the module (every other operation does so too, when needed). */
  open(): void;
  libraryDescription(): string;
  slots(tokenPresent: boolean): SlotId[];
  slotInfo(slot: SlotId): SlotInfo;
  tokenInfo(slot: SlotId): TokenInfo;
  /** Read-only: the engine never writes to a card. */
  openSession(slot: SlotId): SessionHandle;
  /** `pin` null: the reader's pinpad; `context`: CKU_CONTEXT_SPECIFIC (per-signature) login. */
  login(session: SessionHandle, pin: string | null, context: boolean): void;
  logout(session: SessionHandle): void;
  closeSession(session: SessionHandle): void;
  find(session: SessionHandle, kind: ObjectKind, label?: string): ObjectHandle[];
  labelAndValue(session: SessionHandle, object: ObjectHandle): { label: string; value: Buffer };
  dataObjects(session: SessionHandle): DataObject[];
  alwaysAuthenticate(session: SessionHandle, key: ObjectHandle): boolean;
  signInit(session: SessionHandle, mechanism: Mechanism, key: ObjectHandle): void;
  sign(session: SessionHandle, data: Buffer): Promise<Buffer>;
  /** Finalises (if this worker initialised it) and unloads the module. */
  close(): void;
}

export type Operation = keyof Pkcs11Operations;
export type OperationResult<O extends Operation> = Awaited<ReturnType<Pkcs11Operations[O]>>;

export interface Pkcs11Request<O extends Operation = Operation> {
  operation: O;
  args: Parameters<Pkcs11Operations[O]>;
}

/** A Pkcs11Failure as it crosses between the threads. */
export interface Pkcs11FailureData {
  ckr: string;
  method: string;
  message: string;
}

/**
 * A PKCS#11 return value other than CKR_OK, a failure of the binding itself (ckr 'NATIVE'), or no
 * binding at all (ckr `noCardSupport`: the addon is missing or cannot load on this system).
 */
export class Pkcs11Failure extends Error {
  static readonly noCardSupport = 'NO_CARD_SUPPORT';

  constructor(
    readonly ckr: string,
    readonly method: string,
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs11Failure';
  }
}

/**
 * A message as received, with its Buffers back: structured cloning delivers a Buffer as a plain
 * Uint8Array, which pkcs11js and the engine (`toString('hex')`, `equals`) do not take.
 */
export function withBuffers<T>(value: T): T {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength) as T;
  if (Array.isArray(value)) return value.map(withBuffers) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withBuffers(item)])) as T;
  return value;
}
