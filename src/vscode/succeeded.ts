// Walkthrough steps complete once what they ask has succeeded, never when a command merely started:
// the extension sets the step's context key (named in src/guides/manifest.ts) after a procedure or
// the eID self-test succeeded.
import * as vscode from 'vscode';
import { succeededContextKey, type Succeeded } from '../guides/manifest';

export function markSucceeded(what: Succeeded): void {
  void vscode.commands.executeCommand('setContext', succeededContextKey(what), true);
}
