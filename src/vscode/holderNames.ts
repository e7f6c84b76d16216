// The holder's name of each keystore file, remembered from its last unlock, so a locked keystore
// reads "BRYAN EDUARD BROUCKAERT" rather than a number from one session to the next. Only the name
// the certificate states is kept (in VS Code's globalState, never a secret), by file path.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { KeystoreSession } from './keystoreSession';

const key = 'ehealth.keystore.holderNames';

export class HolderNames implements vscode.Disposable {
  private readonly unlocked: vscode.Disposable;

  constructor(
    private readonly memory: vscode.Memento,
    session: KeystoreSession,
  ) {
    this.unlocked = session.onDidChange((file) => {
      const holder = session.get(file)?.holder;
      if (holder?.source === 'certificate' && holder.name) void this.remember(file, holder.name);
    });
  }

  /** The name last read in the keystore at `file`; undefined if it was never unlocked here. */
  of(file: string): string | undefined {
    return this.names()[path.resolve(file)];
  }

  private async remember(file: string, name: string): Promise<void> {
    const names = this.names();
    if (names[path.resolve(file)] === name) return;
    await this.memory.update(key, { ...names, [path.resolve(file)]: name });
  }

  private names(): Record<string, string> {
    return this.memory.get<Record<string, string>>(key, {});
  }

  dispose(): void {
    this.unlocked.dispose();
  }
}
