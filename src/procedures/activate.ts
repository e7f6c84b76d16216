// Activate a renewal's ETK: eHealth keeps the replacement ETK on hold (ToBeActivated) until the
// holder says so, signed with the new authentication key; then the depot publishes it.
import { activateEtk as activateEtkOperation } from '../ra/etkra';
import type { ProcedureContext } from './context';
import { confirmIfProduction } from './environment';
import { authenticationSigner, etkPublished } from './etk';
import { openWithPassword } from './open';

export async function activateEtk(context: ProcedureContext, file: string): Promise<{ keystore: string; published: boolean }> {
  await confirmIfProduction(context.environment, context.prompter, 'activate');
  const { opened } = await openWithPassword(context, file, 'complete');
  context.prompter.progress({ step: 'asking-authority', operation: activateEtkOperation.name });
  await context.client.call(activateEtkOperation, undefined, authenticationSigner(opened.content));
  context.prompter.progress({ step: 'etk-activated' });
  const encryption = opened.content.encryption;
  return { keystore: file, published: await etkPublished(context, opened.holder, encryption[encryption.length - 1].certificate) };
}
