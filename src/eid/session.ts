// Sessions are short: opened for one operation, logged out (when logged in) and closed afterwards,
// whatever happens, so the card never stays unlocked behind the user's back.
import type { SessionHandle } from './pkcs11Protocol';
import type { Pkcs11Thread } from './pkcs11Thread';

export async function withSession<T>(pkcs11: Pkcs11Thread, slot: Buffer, work: (session: SessionHandle) => Promise<T>): Promise<T> {
  const session = await pkcs11.call('openSession', slot, false);
  try {
    return await work(session);
  } finally {
    await closeQuietly(pkcs11, session);
  }
}

/** Logout and close; a card already removed makes both fail, which changes nothing for the caller. */
async function closeQuietly(pkcs11: Pkcs11Thread, session: SessionHandle): Promise<void> {
  // Not logged in, or the card is gone.
  await pkcs11.call('logout', session).catch(() => undefined);
  // The session died with the card.
  await pkcs11.call('closeSession', session).catch(() => undefined);
}
