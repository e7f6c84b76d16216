// A card asked for while the reader is empty is waited for, not a failure: the user took the card
// out to read the contract, or has not put it in yet. The Prompter tells them to insert it; the
// readers are looked at until an eID is there, or the user gives up (eid/card-wait-cancelled).
import { setTimeout as delay } from 'node:timers/promises';
import { isDomainError } from '../core/domainError';
import { EidError } from './errors';
import type { CardPurpose, Prompter } from './model';

/** No eID to work with yet: nothing in the reader, no reader, or the card went while it was read. */
const absent = (error: unknown) => isDomainError(error, 'eid', 'no-card') || isDomainError(error, 'eid', 'no-reader') || isDomainError(error, 'eid', 'card-removed');

/**
 * What `look` finds (it throws eID errors, mapped). Without a card, and when the Prompter can wait,
 * looks again every `intervalMs` while the Prompter shows its message; the Prompter's answer
 * settling first means the user gave up.
 */
export async function cardOrWait<T>(look: () => Promise<T>, prompter: Prompter, purpose: CardPurpose, intervalMs: number): Promise<T> {
  try {
    return await look();
  } catch (error) {
    if (!absent(error) || !prompter.waitForCard) throw error;
  }
  const arrived = new AbortController();
  let gaveUp = false;
  const answer = prompter.waitForCard(purpose, arrived.signal).then(() => void (gaveUp = true));
  try {
    for (;;) {
      // The pause ends with the wait, so no timer is left behind.
      await Promise.race([answer, delay(intervalMs, undefined, { signal: arrived.signal }).catch(() => undefined)]);
      if (gaveUp) throw new EidError('card-wait-cancelled', 'the user stopped waiting for the card');
      try {
        return await look();
      } catch (error) {
        if (!absent(error)) throw error;
      }
    }
  } finally {
    // Hides the Prompter's message; its answer after this is not a cancel.
    arrived.abort();
  }
}
