// Errors shown to the user: a domain error in the words of the faces' table (src/faces/errors.ts),
// which also says whether it is a plain cancel; anything else shows its own message. Logged
// without secrets. The notification offers what helps next: retry the command, open the guide of
// the procedure, show the log; for a build without eID card support, the package that has it.
import * as vscode from 'vscode';
import { DomainError } from '../core/domainError';
import { errorFace, errorMessage } from '../faces/errors';
import { currentLanguage, currentTranslator } from './language';
import { releasesPage } from './releasesPage';

export interface ErrorHelp {
  /** Runs the failed command again with the same arguments. */
  retry?: () => unknown;
  /** The guide that explains the procedure (a guide id). */
  guide?: string;
}

export async function showError(error: unknown, log: vscode.LogOutputChannel, context: string, help: ErrorHelp = {}): Promise<void> {
  const face = errorFace(error);
  const message = errorMessage(error, currentLanguage());
  if (face?.cancel) {
    // The user stopped on purpose (Escape, "Decline", "No, stay where I am", No at the last PIN try).
    log.info(`${context}: ${(error as DomainError).key}`);
    if (face.cancel === 'notice') void vscode.window.showInformationMessage(message);
    return;
  }
  log.error(`${context}: ${error instanceof Error ? error.message : String(error)}`);
  const t = currentTranslator();
  // A build without eID card support stays so: no retry, the package that has it instead.
  if (error instanceof DomainError && error.key === 'eid/card-support-missing') {
    const chosen = await vscode.window.showErrorMessage(message, t('eidview.card-support.get'), t('view.action.show-output'));
    if (chosen === t('eidview.card-support.get')) void vscode.env.openExternal(releasesPage());
    else if (chosen === t('view.action.show-output')) log.show();
    return;
  }
  const actions = [...(help.retry ? [t('view.action.retry')] : []), ...(help.guide ? [t('view.action.open-guide')] : []), t('view.action.show-output')];
  const chosen = await vscode.window.showErrorMessage(message, ...actions);
  if (chosen === t('view.action.retry')) void help.retry?.();
  else if (chosen === t('view.action.open-guide')) void vscode.commands.executeCommand('ehealth.guides.open', help.guide);
  else if (chosen === t('view.action.show-output')) log.show();
}

/**
 * Wraps a command so that any failure reaches the user as a clear message (and the command
 * returns undefined). With `guide`, the message offers that guide and a retry.
 */
export function guarded<A extends unknown[], R>(log: vscode.LogOutputChannel, name: string, handler: (...args: A) => Promise<R>, guide?: string) {
  const attempt = async (...args: A): Promise<R | undefined> => {
    try {
      return await handler(...args);
    } catch (error) {
      // Not awaited: the command ends now; the notification stays until the user answers it.
      void showError(error, log, name, guide ? { guide, retry: () => attempt(...args) } : {});
      return undefined;
    }
  };
  return attempt;
}
