// Every procedure on an existing request starts here: the keystore password, then the file read
// into where the request stands. The password lives only as long as the procedure's call.
import type { ProcedureContext } from './context';
import { keystoreEnvironments } from './environment';
import { answered, ProcedureError } from './errors';
import { openRequest, type OpenedRequest, type Stage } from './keystoreFile';

export async function openWithPassword(context: ProcedureContext, file: string, ...stages: Stage[]): Promise<{ opened: OpenedRequest; password: string }> {
  const password = answered(await context.prompter.keystorePassword(file));
  const opened = await openRequest(file, password, context.keystore ?? {});
  checkIssuer(context, opened);
  if (stages.length && !stages.includes(opened.stage)) throw new ProcedureError('wrong-stage', { file, stage: opened.stage, expected: stages.join(', ') });
  return { opened, password };
}

/**
 * The certificate's issuer has the last word on a keystore's environment: its procedures run at the
 * authority that issued it, never at another one that would not know it (an older sandbox keystore
 * named `.acc-p12` is the sandbox's; a real acceptance one is never sent to the sandbox). A pending
 * request names no issuer yet: its name tells, an `.acc-p12` possibly an older sandbox one. Not with
 * an authority at another address (`raUrl`): whoever points there chose it.
 */
function checkIssuer(context: ProcedureContext, opened: OpenedRequest): void {
  if (context.raUrl !== undefined || opened.environment === 'unknown') return;
  const expected = opened.stage === 'pending' ? keystoreEnvironments(context.environment) : [context.environment];
  if (!expected.includes(opened.environment)) {
    throw new ProcedureError('keystore-of-other-environment', { file: opened.file, keystore: opened.environment, environment: context.environment });
  }
}
