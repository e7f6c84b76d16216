// Errors shown to the user: a domain error in the words of the faces' table (src/faces/errors.ts),
// which also says whether it is a plain cancel; anything else shows its own message. Logged
// without secrets. The notification offers what helps next: retry the command, open the guide of
// the procedure, show the log.
import * as vscode from 'vscode';
import { errorFace, errorMessage } from '../faces/errors';
import type { Explained } from '../i18n';
import { currentLanguage, currentTranslator } from './language';

export interface ErrorHelp {
  /** Runs the failed command again with the same arguments. */
  retry?: () => unknown;
  /** The guide that explains the procedure (a guide id). */
  guide?: string;
}

// The user stopped on purpose (Escape, "Decline", "No, stay where I am", Cancel at the last PIN
// try): nothing went wrong.
const declined = new Set(['cancelled', 'contract-declined', 'production-not-confirmed', 'pin-cancelled', 'pin-last-try-declined']);
const codeOf = (error: unknown) => String((error as { code?: unknown } | undefined)?.code ?? '');

export function userMessageOf(error: unknown): string {
  if (errorFace(error)) return errorMessage(error, currentLanguage());
  const explained = error as Partial<Explained> | undefined;
  if (typeof explained?.userMessage === 'function') return explained.userMessage(currentLanguage());
  return error instanceof Error ? error.message : String(error);
}

export async function showError(error: unknown, log: vscode.LogOutputChannel, context: string, help: ErrorHelp = {}): Promise<void> {
  const code = codeOf(error);
  if (declined.has(code)) {
    log.info(`${context}: ${code}`);
    if (code !== 'cancelled' && code !== 'pin-cancelled') void vscode.window.showInformationMessage(userMessageOf(error));
    return;
  }
  log.error(`${context}: ${error instanceof Error ? error.message : String(error)}`);
  const t = currentTranslator();
  const actions = [...(help.retry ? [t('view.action.retry')] : []), ...(help.guide ? [t('view.action.open-guide')] : []), t('view.action.show-output')];
  const chosen = await vscode.window.showErrorMessage(userMessageOf(error), ...actions);
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
