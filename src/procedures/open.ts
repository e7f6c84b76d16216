// Every procedure on an existing request starts here: the keystore password, then the file read
// into where the request stands. The password lives only as long as the procedure's call.
import type { ProcedureContext } from './context';
import { answered, ProcedureError } from './errors';
import { openRequest, type OpenedRequest, type Stage } from './keystoreFile';

export async function openWithPassword(context: ProcedureContext, file: string, ...stages: Stage[]): Promise<{ opened: OpenedRequest; password: string }> {
  const password = answered(await context.prompter.keystorePassword(file));
  const opened = await openRequest(file, password, context.keystore ?? {});
  if (stages.length && !stages.includes(opened.stage)) throw new ProcedureError('wrong-stage', { file, stage: opened.stage, expected: stages.join(', ') });
  return { opened, password };
}
