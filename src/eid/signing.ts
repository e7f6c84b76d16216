// Signing with the card's Authentication or Signature key. RSA keys sign with CKM_SHA256_RSA_PKCS;
// EC P-384 keys (recent cards) get a SHA-384 digest made on the host and sign it with raw CKM_ECDSA
// (r||s, converted to DER when the caller wants DER). The PIN is asked for each signature through
// the Prompter on the caller's thread and travels to the PKCS#11 worker only with each C_Login;
// it is dropped once the call returns; the session is logged out and closed afterwards.
// The PIN is the card's life (three wrong ones block it): the card's PIN state is read again just
// before asking, a locked card is not asked, the last try is presented only with the Prompter's
// consent, and what cannot be an eID PIN never reaches the card.
import { createHash } from 'node:crypto';
import type { SignatureAlgorithm, Signer } from '../core/signer';
import { EidError, eidErrorOf, NotAnEid } from './errors';
import { eidPinPattern, type EidCard, type KeyUse, type PinRequest, type Prompter } from './model';
import type { SessionHandle } from './pkcs11Protocol';
import type { Pkcs11Thread } from './pkcs11Thread';
import { withSession } from './session';
import { pinStateIn } from './slots';

export const keyLabels: Record<KeyUse, string> = { authentication: 'Authentication', signature: 'Signature' };

/** ECDSA signature encoding, as Node's crypto names it: DER (openssl, CMS) or r||s (XML-DSig, JOSE). */
export type DsaEncoding = 'der' | 'ieee-p1363';

export interface SignerContext {
  pkcs11: Pkcs11Thread;
  slot: Buffer;
  card: EidCard;
  /** The key's certificate first, then its issuers up to the root. */
  certificateChain: Buffer[];
  algorithm: SignatureAlgorithm;
}

export function createSigner(context: SignerContext, key: KeyUse, prompter: Prompter, dsaEncoding: DsaEncoding = 'der'): Signer {
  return {
    certificateChain: context.certificateChain,
    algorithm: context.algorithm,
    sign: (data) =>
      authenticated(context, key, prompter, async (session, pin, request) => {
        const { pkcs11 } = context;
        const [privateKey] = await pkcs11.call('find', session, 'private-key', keyLabels[key]);
        if (!privateKey) throw new NotAnEid(context.card.label);
        const ec = context.algorithm === 'ecdsa-sha384';
        await pkcs11.call('signInit', session, ec ? 'ecdsa' : 'sha256-rsa-pkcs', privateKey);
        if (await pkcs11.call('alwaysAuthenticate', session, privateKey)) await login(pkcs11, session, pin, request, prompter, true);
        const signature = await pkcs11.call('sign', session, ec ? createHash('sha384').update(data).digest() : Buffer.from(data));
        return ec && dsaEncoding === 'der' ? ecdsaToDer(signature) : signature;
      }),
  };
}

/** Checks the PIN with the card (a login), nothing else. */
export function verifyPin(context: Pick<SignerContext, 'pkcs11' | 'slot' | 'card'>, prompter: Prompter): Promise<void> {
  return authenticated(context, undefined, prompter, async () => undefined);
}

/**
 * Opens a session, asks the PIN (or the pinpad) and logs in, runs the work with the PIN still at
 * hand for a per-signature login, then logs out and closes. PKCS#11 failures become domain errors.
 */
async function authenticated<T>(
  context: Pick<SignerContext, 'pkcs11' | 'slot' | 'card'>,
  key: KeyUse | undefined,
  prompter: Prompter,
  work: (session: SessionHandle, pin: string | null, request: PinRequest) => Promise<T>,
): Promise<T> {
  const { pkcs11, slot, card } = context;
  try {
    // Fresh: another program, or an earlier wrong PIN of ours, may have used tries since the card was found.
    const pinState = await pinStateIn(pkcs11, slot);
    const request: PinRequest = { card: { ...card, pin: pinState }, key, pinpad: pinState.pinpad };
    if (pinState.status === 'locked') throw new EidError('pin-locked', 'PIN locked');
    if (pinState.status === 'final-try' && !(await prompter.confirmLastTry(request))) throw new EidError('pin-last-try-declined', 'one PIN try left: the PIN was not presented');
    const pin = request.pinpad ? null : await prompter.askPin(request);
    if (pin === undefined) throw new EidError('pin-cancelled', 'PIN entry cancelled');
    if (pin !== null && !eidPinPattern.test(pin)) throw new EidError('pin-format', 'not an eID PIN (4 to 12 digits): not presented to the card');
    return await withSession(pkcs11, slot, async (session, loggedIn) => {
      if (await login(pkcs11, session, pin, request, prompter, false)) loggedIn();
      return work(session, pin, request);
    });
  } catch (error) {
    throw await eidErrorOf(error, pkcs11.modulePath, () => triesLeft(pkcs11, slot));
  }
}

/**
 * The notice stays up while the worker waits for the user at the reader's pinpad. True when this
 * call logged in; false when it shares a login made before (by another operation or extension of
 * this process), which is then not this operation's to undo.
 */
async function login(pkcs11: Pkcs11Thread, session: SessionHandle, pin: string | null, request: PinRequest, prompter: Prompter, perSignature: boolean): Promise<boolean> {
  const hide = pin === null ? prompter.showPinpadNotice(request) : undefined;
  try {
    await pkcs11.call('login', session, pin, perSignature);
    return true;
  } catch (error) {
    if ((error as { ckr?: string }).ckr !== 'CKR_USER_ALREADY_LOGGED_IN') throw error;
    return false;
  } finally {
    hide?.();
  }
}

async function triesLeft(pkcs11: Pkcs11Thread, slot: Buffer): Promise<number | undefined> {
  try {
    return (await pinStateIn(pkcs11, slot)).triesLeft;
  } catch {
    return undefined;
  }
}

/** r||s (two equal halves) -> DER SEQUENCE { INTEGER r, INTEGER s }. */
export function ecdsaToDer(raw: Buffer): Buffer {
  const half = raw.length / 2;
  const integer = (bytes: Buffer) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmedBytes = bytes.subarray(start);
    const body = trimmedBytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmedBytes]) : trimmedBytes;
    return Buffer.concat([Buffer.from([0x02, body.length]), body]);
  };
  const content = Buffer.concat([integer(raw.subarray(0, half)), integer(raw.subarray(half))]);
  const length = content.length < 0x80 ? Buffer.from([content.length]) : Buffer.from([0x81, content.length]);
  return Buffer.concat([Buffer.from([0x30]), length, content]);
}
