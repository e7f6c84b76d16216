// Change a keystore's password: local only, through the keystore engine (policy, safe rewrite).
import { changePassword } from '../keystore/changePassword';
import type { RewriteResult } from '../keystore/safeRewrite';
import type { ProcedureContext } from './context';
import { answered } from './errors';
import { PASSWORD_RULES } from './submit';

export async function changeKeystorePassword(context: Pick<ProcedureContext, 'prompter' | 'keystore'>, file: string): Promise<RewriteResult> {
  const { prompter } = context;
  const current = answered(await prompter.keystorePassword(file));
  const next = answered(await prompter.newKeystorePassword(PASSWORD_RULES));
  const { iterations, deriver } = context.keystore ?? {};
  return changePassword(file, current, next, next, { ...(iterations ? { iterations } : {}), ...(deriver ? { deriver } : {}) });
}
