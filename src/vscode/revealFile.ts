// Showing a file where the user can find it: in the system's file manager where VS Code runs on the
// machine holding the file (not in a browser, nor from a remote window); otherwise in the Explorer
// when it is in the workspace, else its full path, ready to copy. The button says which: the file
// manager's own name where it will open (faces/platformWords.ts).
import * as vscode from 'vscode';
import { revealLabelKey } from '../faces/platformWords';
import { currentTranslator } from './language';

const inFileManager = () => vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;

/** The words of a button that reveals a file, on this system. */
export const revealLabel = (): string => currentTranslator()(revealLabelKey(process.platform, inFileManager()));

export async function revealFile(file: string): Promise<void> {
  const uri = vscode.Uri.file(file);
  if (inFileManager()) {
    try {
      await vscode.commands.executeCommand('revealFileInOS', uri);
      return;
    } catch {
      // No file manager to open (a desktop without one): fall back to what works everywhere.
    }
  }
  if (vscode.workspace.getWorkspaceFolder(uri)) {
    await vscode.commands.executeCommand('revealInExplorer', uri);
    return;
  }
  const t = currentTranslator();
  const copy = t('backup.action.copy-path');
  if ((await vscode.window.showInformationMessage(t('backup.location', { path: file }), copy)) === copy) await vscode.env.clipboard.writeText(file);
}
