// Every backup the extension makes (a completion, a password change) is told in the result, with
// "Reveal" (in the file manager's own words: revealFile.ts) and "Delete backup": a copy of a keystore
// left unsaid is a key the user never knew they had (and after a password change, one that still
// opens with the old password).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { errorMessage } from '../faces/errors';
import { confirmPick } from './confirmPick';
import { currentLanguage, currentTranslator } from './language';
import { revealFile, revealLabel } from './revealFile';

/** Shows `message` (which names the backup) with its two actions; settles once the user has answered or dismissed it. */
export async function showBackupNotice(message: string, backup: string, keystore: string): Promise<void> {
  const t = currentTranslator();
  const reveal = revealLabel();
  const remove = t('backup.action.delete');
  const answer = await vscode.window.showInformationMessage(message, reveal, remove);
  try {
    if (answer === reveal) await revealFile(backup);
    else if (answer === remove) await deleteBackup(backup, keystore);
  } catch (error) {
    // The notice is gone once answered: what went wrong must be told, not lost.
    void vscode.window.showErrorMessage(t('backup.action.failed', { backup: path.basename(backup), reason: errorMessage(error, currentLanguage()) }));
  }
}

/** Deletes the backup file, that file only, once the user confirms. */
async function deleteBackup(backup: string, keystore: string): Promise<void> {
  const t = currentTranslator();
  const name = path.basename(backup);
  const confirmed = await confirmPick({
    title: t('backup.delete.title', { backup: name }),
    cancel: t('backup.delete.keep'),
    confirm: t('backup.delete.confirm'),
    detail: t('backup.delete.detail', { keystore: path.basename(keystore) }),
  });
  if (!confirmed) return;
  // Already gone (deleted by hand meanwhile) is as good as deleted.
  await fs.rm(backup, { force: true });
  void vscode.window.showInformationMessage(t('backup.deleted', { backup: name }));
}
