// Errors shown to the user: every engine error carries a message in the user's language
// (`userMessage`); anything else shows its own message. Logged without secrets, with a way to the log.
import * as vscode from 'vscode';
import { currentLanguage, currentTranslator } from './language';

interface Explained {
  userMessage(language: string): string;
}

export function userMessageOf(error: unknown): string {
  const explained = error as Partial<Explained> | undefined;
  if (typeof explained?.userMessage === 'function') return explained.userMessage(currentLanguage());
  return error instanceof Error ? error.message : String(error);
}

export async function showError(error: unknown, log: vscode.LogOutputChannel, context: string): Promise<void> {
  log.error(`${context}: ${error instanceof Error ? error.message : String(error)}`);
  const showOutput = currentTranslator()('view.action.show-output');
  if ((await vscode.window.showErrorMessage(userMessageOf(error), showOutput)) === showOutput) log.show();
}

/** Wraps a command so that any failure reaches the user as a clear message (and the command returns undefined). */
export const guarded =
  <A extends unknown[], R>(log: vscode.LogOutputChannel, name: string, handler: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R | undefined> => {
    try {
      return await handler(...args);
    } catch (error) {
      await showError(error, log, name);
      return undefined;
    }
  };
