// Readers (PKCS#11 slots) and the card in them: which slot holds a Belgian eID, and its PIN state.
import { EidError, NotAnEid } from './errors';
import type { EidCard, PinState, Reader } from './model';
import type { TokenInfo } from './pkcs11';
import type { Pkcs11Thread } from './pkcs11Thread';

/** Token flags (PKCS#11 CKF_*) the engine reads. */
const TokenFlag = {
  protectedAuthenticationPath: 0x100,
  userPinCountLow: 0x10000,
  userPinFinalTry: 0x20000,
  userPinLocked: 0x40000,
} as const;

/** The token label of every Belgian eID card. */
export const eidTokenLabel = 'BELPIC';

export async function listReaders(pkcs11: Pkcs11Thread): Promise<Reader[]> {
  const slots = await pkcs11.call('slots', false);
  return Promise.all(
    slots.map(async (slot) => {
      const info = await pkcs11.call('slotInfo', slot);
      return { slot: slot.toString('hex'), description: info.description, cardPresent: info.tokenPresent };
    }),
  );
}

export function pinStateOf(flags: number): PinState {
  const pinpad = (flags & TokenFlag.protectedAuthenticationPath) !== 0;
  if (flags & TokenFlag.userPinLocked) return { status: 'locked', triesLeft: 0, pinpad };
  if (flags & TokenFlag.userPinFinalTry) return { status: 'final-try', triesLeft: 1, pinpad };
  if (flags & TokenFlag.userPinCountLow) return { status: 'count-low', triesLeft: 2, pinpad };
  return { status: 'ok', pinpad };
}

function cardOf(reader: Reader, token: TokenInfo): EidCard {
  return { reader, label: token.label, serialNumber: token.serialNumber, model: token.model, pin: pinStateOf(token.flags) };
}

export interface LocatedCard {
  slot: Buffer;
  card: EidCard;
}

/**
 * The eID card to work with: in the given reader, or the first reader holding one. eid/no-reader,
 * eid/no-card or NotAnEid (another smart card) otherwise.
 */
export async function findEid(pkcs11: Pkcs11Thread, readerSlot?: string): Promise<LocatedCard> {
  const readers = (await listReaders(pkcs11)).filter((reader) => readerSlot === undefined || reader.slot === readerSlot);
  if (readers.length === 0) throw new EidError('no-reader', 'no card reader');
  const withCard = readers.filter((reader) => reader.cardPresent);
  if (withCard.length === 0) throw new EidError('no-card', 'no card in the reader');
  const cards = await Promise.all(
    withCard.map(async (reader) => {
      const slot = Buffer.from(reader.slot, 'hex');
      return { slot, card: cardOf(reader, await pkcs11.call('tokenInfo', slot)) };
    }),
  );
  const eid = cards.find(({ card }) => card.label === eidTokenLabel);
  if (!eid) throw new NotAnEid(cards[0].card.label);
  return eid;
}

/** The card's PIN state now (after a wrong PIN: how many tries are left). */
export async function pinStateIn(pkcs11: Pkcs11Thread, slot: Buffer): Promise<PinState> {
  return pinStateOf((await pkcs11.call('tokenInfo', slot)).flags);
}
