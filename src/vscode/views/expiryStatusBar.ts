// The status bar item: what it counts ("eHealth: valid until 2 déc. 2029", the nearest end among the
// opened keystores, the newest keystore of each holder only: an older one was renewed), each of them
// in the tooltip, nearest first. Folders named in `ehealth.statusBar.excludeFolders` are left out
// (test keystores, a colleague's), and so are sandbox rehearsals unless the sandbox is the
// environment. Warning colours from 90 days, error once expired.
import * as vscode from 'vscode';
import { authenticationExpiry, countedKeystores, nearestExpiry, renewalWindowDays, type Expiry } from '../../keystore/expiry';
import { statusBarRows, statusBarText } from '../../i18n/expiryText';
import { currentEnvironment } from '../environment';
import type { KeystoreSession } from '../keystoreSession';
import type { KeystoreTreeProvider } from './keystoreTree';
import { currentTranslator, onDidChangeLanguage } from '../language';
import { affects, setting } from '../settings';

export class ExpiryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ehealth.expiry', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly session: KeystoreSession,
    private readonly tree: KeystoreTreeProvider,
  ) {
    this.item.name = 'eHealth';
    this.item.command = 'ehealth.keystores.focus';
    this.subscriptions = [
      session.onDidChange(() => void this.update()),
      tree.onDidChangeTreeData(() => void this.update()),
      onDidChangeLanguage(() => void this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => affects(event, 'ehealth.statusBar.excludeFolders', 'ehealth.environment') && void this.update()),
    ];
  }

  async update(now: Date = new Date()): Promise<void> {
    const excluded = setting('ehealth.statusBar.excludeFolders');
    const keystores = countedKeystores(await this.tree.keystores(), this.session.all(), { excluded, environment: currentEnvironment() });
    const nearest = nearestExpiry(keystores, now);
    if (!nearest) {
      this.item.hide();
      return;
    }
    const t = currentTranslator();
    this.item.text = `$(shield) ${statusBarText(nearest, t)}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(t('view.statusbar.tooltip.title')).appendMarkdown('\n\n');
    const expiries = keystores.map((keystore) => authenticationExpiry(keystore, now)).filter((expiry): expiry is Expiry => expiry !== undefined);
    for (const row of statusBarRows(expiries, t)) tooltip.appendMarkdown('- ').appendText(row).appendMarkdown('\n');
    tooltip.appendMarkdown('\n').appendText(t('view.statusbar.tooltip.click'));
    this.item.tooltip = tooltip;
    this.item.backgroundColor =
      nearest.daysLeft < 0
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : nearest.daysLeft <= renewalWindowDays
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
