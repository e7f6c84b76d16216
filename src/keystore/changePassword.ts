// Changing a keystore's password: check the eHealth policy and that the password changes, open
// everything with the old password, encrypt what the password protects again under the new one and
// copy the rest (pkcs12/rekey.ts), check that the new file holds exactly the same content, and
// replace the file safely.
import { KeystoreError } from './errors';
import { readKeystoreFile } from './keystoreFileAccess';
import { checkNewPassword } from './passwordPolicy';
import type { Deriver } from './pkcs12/kdf';
import { openPfx, rekeyPfx, sameContent } from './pkcs12/rekey';
import { safeRewrite, type RewriteResult } from './safeRewrite';
import { sharedKdfPool } from './workerPool';

export interface ChangePasswordOptions {
  deriver?: Deriver;
  now?: Date;
  /** Iteration count of the rewritten file; for tests that need speed only. */
  iterations?: number;
}

export async function changePassword(file: string, oldPassword: string, newPassword: string, confirmation: string, options: ChangePasswordOptions = {}): Promise<RewriteResult> {
  checkNewPassword(newPassword, confirmation);
  const deriver = options.deriver ?? sharedKdfPool();
  // These bytes are the ones the rewrite checks are still on disk before replacing them.
  const original = await readKeystoreFile(file);
  // A wrong current password is told as such first, even when the new one equals it.
  const opened = await openPfx(original, oldPassword, deriver);
  // A "change" that changes nothing would still make a backup and leave the user believing the old password is gone.
  if (newPassword === oldPassword) throw new KeystoreError('same-password', 'the new password is the current one');
  const bytes = await rekeyPfx(opened, newPassword, deriver, options.iterations ? { iterations: options.iterations } : {});
  const verify = async (written: Uint8Array) => {
    // Every bag, attribute and decrypted key, in order: anything else and the original stays.
    if (!sameContent(opened, await openPfx(written, newPassword, deriver))) throw new Error('the rewritten keystore does not hold the same content');
  };
  return safeRewrite(file, original, bytes, verify, options.now);
}
