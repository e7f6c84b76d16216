// The status bar item with the nearest expiry among the opened keystores (the newest keystore of
// each holder only: an older one was renewed). Warning colours from 90 days, error once expired.
import * as vscode from 'vscode';
import { nearestExpiry, renewalWindowDays } from '../../keystore/expiry';
import { formatHolder } from '../../core/holder';
import type { KeystoreSession } from '../keystoreSession';
import type { KeystoreTreeProvider } from './keystoreTree';
import { currentTranslator } from '../language';

export class ExpiryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ehealth.expiry', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly session: KeystoreSession,
    private readonly tree: KeystoreTreeProvider,
  ) {
    this.item.name = 'eHealth';
    this.item.command = 'ehealth.keystores.focus';
    this.subscriptions = [session.onDidChange(() => void this.update()), tree.onDidChangeTreeData(() => void this.update())];
  }

  async update(now: Date = new Date()): Promise<void> {
    const latest = new Set((await this.tree.keystores()).folders.flatMap((folder) => folder.keystores).filter((file) => file.latest).map((file) => file.path));
    const expiry = nearestExpiry(this.session.all().filter((keystore) => keystore.file !== undefined && latest.has(keystore.file)), now);
    if (!expiry) {
      this.item.hide();
      return;
    }
    const t = currentTranslator();
    const expired = expiry.daysLeft < 0;
    this.item.text = `$(shield) ${expired ? t('view.statusbar.expired') : t('view.statusbar.days', { count: expiry.daysLeft })}`;
    this.item.tooltip = t('view.statusbar.tooltip', {
      holder: expiry.keystore.holder ? formatHolder(expiry.keystore.holder) : (expiry.keystore.file ?? ''),
      date: expiry.notAfter.toISOString().slice(0, 10),
      environment: t(`environment.${expiry.keystore.environment}`),
    });
    this.item.backgroundColor = expired
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : expiry.daysLeft <= renewalWindowDays
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
