// Which keystore a command works on: the tree node it was invoked on, a path (guides and tests pass
// one), or the user's pick among the keystores found.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { printable } from '../core/printable';
import { namedHolder } from '../core/readableIdentifier';
import { isUnopenable } from './views/keystoreState';
import type { KeystoreNode, KeystoreTreeProvider } from './views/keystoreTree';

export type KeystoreTarget = KeystoreNode | string | vscode.Uri | undefined;

export async function pickKeystore(tree: KeystoreTreeProvider, target: KeystoreTarget, title: string): Promise<string | undefined> {
  if (typeof target === 'string') return target;
  if (target instanceof vscode.Uri) return target.fsPath;
  if (target && target.kind !== 'folder') return target.file.path;
  const files = (await tree.keystores()).folders.flatMap((folder) => folder.keystores).filter((file) => !isUnopenable(file));
  const picked = await vscode.window.showQuickPick(
    files.map((file) => ({ label: printable(file.holder ? namedHolder(file.holder, tree.holderName(file)) : file.fileName), description: printable(file.fileName), detail: printable(path.dirname(file.path)), file: file.path })),
    { title, ignoreFocusOut: true },
  );
  return picked?.file;
}
