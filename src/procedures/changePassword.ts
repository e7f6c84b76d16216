// Change a keystore's password: local only, through the keystore engine (policy, safe rewrite). The
// one implementation behind `ehealth keystore passwd` (alias `cert change-password`) and VS Code's
// command: it asks only the two passwords, so a face passes just those questions.
import { changePassword } from '../keystore/changePassword';
import type { RewriteResult } from '../keystore/safeRewrite';
import { answered } from './errors';
import type { KeystoreWriting } from './keystoreFile';
import type { Prompter } from './prompter';
import { PASSWORD_RULES } from './submit';

export interface PasswordChange {
  prompter: Pick<Prompter, 'keystorePassword' | 'newKeystorePassword'>;
  keystore?: KeystoreWriting;
}

export async function changeKeystorePassword(context: PasswordChange, file: string): Promise<RewriteResult> {
  const { prompter } = context;
  const current = answered(await prompter.keystorePassword(file));
  const next = answered(await prompter.newKeystorePassword(PASSWORD_RULES));
  const { iterations, deriver } = context.keystore ?? {};
  return changePassword(file, current, next, next, { ...(iterations ? { iterations } : {}), ...(deriver ? { deriver } : {}) });
}
