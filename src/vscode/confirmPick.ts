// How the extension confirms what is at stake (production, a revocation, the PIN's last try): a
// quick pick rather than a modal dialog, the answer that cancels first, so that an Enter typed out
// of habit confirms nothing and the title keeps the stake in sight.
import * as vscode from 'vscode';

export interface Confirmation {
  title: string;
  cancel: string;
  /** Shown with a warning icon. */
  confirm: string;
  /** What confirming does, under it. */
  detail?: string;
}

/** True only when the user picks the confirming answer. */
export async function confirmPick({ title, cancel, confirm, detail }: Confirmation): Promise<boolean> {
  const no = { label: cancel, confirmed: false };
  const yes = { label: `$(warning) ${confirm}`, ...(detail ? { detail } : {}), confirmed: true };
  const picked = await vscode.window.showQuickPick([no, yes], { title, ignoreFocusOut: true });
  return picked?.confirmed === true;
}
