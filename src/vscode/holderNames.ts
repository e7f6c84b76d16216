// The name of each holder, remembered from the last unlock of one of their keystores, so a locked
// keystore reads "BRYAN EDUARD BROUCKAERT" rather than a number from one session to the next. Only
// the name the certificate states is kept (in VS Code's globalState, never a secret), by holder
// (`SSIN=...`): the holder's older keystores get it too, and a file replaced at the same path by
// someone else's keystore never shows the first holder's name.
import type * as vscode from 'vscode';
import { formatHolder, type Holder } from '../core/holder';
import type { KeystoreSession } from './keystoreSession';

const key = 'ehealth.holderNames';

export class HolderNames implements vscode.Disposable {
  private readonly unlocked: vscode.Disposable;

  constructor(
    private readonly memory: vscode.Memento,
    session: KeystoreSession,
  ) {
    this.unlocked = session.onDidChange((file) => {
      const holder = session.get(file)?.holder;
      if (holder?.source === 'certificate' && holder.name) void this.remember(holder, holder.name);
    });
  }

  /** The name last read in a keystore of `holder`; undefined if none was unlocked here. */
  of(holder: Holder): string | undefined {
    return this.names()[formatHolder(holder)];
  }

  private async remember(holder: Holder, name: string): Promise<void> {
    const names = this.names();
    if (names[formatHolder(holder)] === name) return;
    await this.memory.update(key, { ...names, [formatHolder(holder)]: name });
  }

  private names(): Record<string, string> {
    return this.memory.get<Record<string, string>>(key, {});
  }

  dispose(): void {
    this.unlocked.dispose();
  }
}
