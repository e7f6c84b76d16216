// Sessions are short: opened for one operation, logged out (when the operation logged in) and
// closed afterwards, whatever happens, so the card never stays unlocked behind the user's back.
// PKCS#11 logs in per process, not per session: a C_Logout from a session that never logged in
// would end the login of another extension of the host, or of another operation of ours.
import type { SessionHandle } from './pkcs11Protocol';
import type { Pkcs11Thread } from './pkcs11Thread';

/** `loggedIn` tells withSession that this operation's own C_Login succeeded: that login is undone at the end. */
export async function withSession<T>(pkcs11: Pkcs11Thread, slot: Buffer, work: (session: SessionHandle, loggedIn: () => void) => Promise<T>): Promise<T> {
  const session = await pkcs11.call('openSession', slot);
  let ownLogin = false;
  try {
    return await work(session, () => (ownLogin = true));
  } finally {
    await closeQuietly(pkcs11, session, ownLogin);
  }
}

/** Logout and close; a card already removed makes both fail, which changes nothing for the caller. */
async function closeQuietly(pkcs11: Pkcs11Thread, session: SessionHandle, logout: boolean): Promise<void> {
  // The card is gone, or already logged out.
  if (logout) await pkcs11.call('logout', session).catch(() => undefined);
  // The session died with the card.
  await pkcs11.call('closeSession', session).catch(() => undefined);
}
