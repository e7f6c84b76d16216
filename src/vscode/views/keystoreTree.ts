// The "Keystores" tree: keystore folders, the keystore files in them (read from their names while
// locked), and, once a keystore is unlocked, its entries with their status.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readableDn } from '../../core/distinguishedName';
import { printable } from '../../core/printable';
import { readableHolder } from '../../core/readableIdentifier';
import { homeRelative, isRenewed, keystoreFolders, listKeystores, type FolderRequest } from '../../keystore/locate';
import type { Keystore, KeystoreEntry, KeystoreFile, KeystoreFolder, KeystoreHolder, KeystoreListing, KeystoreStatus } from '../../keystore/model';
import type { Translator } from '../../i18n';
import { tooltipRows } from './tooltipRows';
import { formatDate } from '../../i18n/dates';
import { entryText, folderStateText, holderText, keyText, statusText, warningText } from '../../i18n/keystoreText';
import type { HolderNames } from '../holderNames';
import type { KeystoreSession } from '../keystoreSession';
import { currentTranslator } from '../language';
import { isUnopenable, keystoreContextValue, type AuthorityAnswers } from './keystoreState';
import { setting } from '../settings';

export type KeystoreNode =
  | { kind: 'folder'; folder: KeystoreFolder }
  | { kind: 'keystore'; file: KeystoreFile }
  | { kind: 'entry'; file: KeystoreFile; entry: KeystoreEntry };

export class KeystoreTreeProvider implements vscode.TreeDataProvider<KeystoreNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private listing: Promise<KeystoreListing> | undefined;
  private watchers: vscode.Disposable[] = [];
  private watchedFolders = '';
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly sessionEvents: vscode.Disposable;
  /** One node per folder and file of a listing: revealing a keystore needs the very elements the tree was given. */
  private readonly nodes = new WeakMap<KeystoreFolder | KeystoreFile, KeystoreNode>();

  /** `answers`: what eHealth says of a keystore (revoked: no lifecycle action; its line in the loaded list: renewable, ETK active). */
  constructor(
    private readonly session: KeystoreSession,
    private readonly answers: (file: string) => AuthorityAnswers = () => ({ revoked: false }),
    private readonly names?: HolderNames,
  ) {
    this.sessionEvents = session.onDidChange(() => this.changed.fire());
  }

  /** The current listing, scanned once and kept until something changes. */
  keystores(): Promise<KeystoreListing> {
    this.listing ??= listKeystores(searchedFolders()).then((listing) => {
      this.watch(listing.folders.map((folder) => folder.path));
      this.openRemembered(listing);
      return listing;
    });
    return this.listing;
  }

  /** Draws the items again (their state or language changed), without scanning the folders. */
  redraw(): void {
    this.changed.fire();
  }

  refresh(): void {
    this.listing = undefined;
    this.changed.fire();
  }

  /** File events come in bursts (a rename is two); one refresh per burst is enough. */
  private refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 150);
  }

  /** Keystores whose password the user chose to keep are opened in the background. */
  private openRemembered(listing: KeystoreListing): void {
    for (const file of listing.folders.flatMap((folder) => folder.keystores)) {
      void this.session.unlockWithStoredPassword(file.path);
    }
  }

  async getChildren(node?: KeystoreNode): Promise<KeystoreNode[]> {
    if (!node) {
      const listing = await this.keystores();
      if (listing.folders.every((folder) => folder.keystores.length === 0)) return []; // shows the welcome view
      // The user's own folders always show; the eHealth and sandbox folders once they hold a keystore.
      return listing.folders.filter((folder) => folder.keystores.length > 0 || folder.origin === 'configured' || folder.origin === 'argument').map((folder) => this.node(folder));
    }
    if (node.kind === 'folder') return node.folder.keystores.map((file) => this.node(file));
    if (node.kind === 'keystore') return (this.session.get(node.file.path)?.entries ?? []).map((entry) => ({ kind: 'entry', file: node.file, entry }));
    return [];
  }

  async getParent(node: KeystoreNode): Promise<KeystoreNode | undefined> {
    if (node.kind === 'entry') return this.node(node.file);
    if (node.kind === 'folder') return undefined;
    const folder = (await this.keystores()).folders.find((candidate) => candidate.keystores.includes(node.file));
    return folder && this.node(folder);
  }

  /** The holder's name of a keystore: from its certificate while unlocked, else remembered from an unlock of the holder's keystores. */
  holderName(file: KeystoreFile): string | undefined {
    return this.session.get(file.path)?.holder?.name ?? (file.holder && this.names?.of(file.holder));
  }

  /** The tree's node of the keystore file at `file`, if the current listing has it. */
  async keystoreNode(file: string): Promise<KeystoreNode | undefined> {
    const found = (await this.keystores()).folders.flatMap((folder) => folder.keystores).find((candidate) => candidate.path === file);
    return found && this.node(found);
  }

  private node(item: KeystoreFolder | KeystoreFile): KeystoreNode {
    let node = this.nodes.get(item);
    if (!node) this.nodes.set(item, (node = 'keystores' in item ? { kind: 'folder', folder: item } : { kind: 'keystore', file: item }));
    return node;
  }

  getTreeItem(node: KeystoreNode): vscode.TreeItem {
    const t = currentTranslator();
    if (node.kind === 'folder') return folderItem(node.folder, t);
    if (node.kind === 'keystore') {
      const keystore = this.session.get(node.file.path);
      const item = keystoreItem(node.file, keystore, this.holderName(node.file), t);
      item.contextValue = keystoreContextValue(node.file, keystore, this.answers(node.file.path));
      return item;
    }
    return entryItem(node.file, node.entry, this.session.get(node.file.path)?.holder, t);
  }

  /** Watches each listed folder, including missing ones, so a folder created later shows up. */
  private watch(folders: string[]): void {
    const key = folders.join('\n');
    if (key === this.watchedFolders) return;
    this.disposeWatchers();
    this.watchedFolders = key;
    for (const folder of folders) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(folder)), `${path.basename(folder)}/**`));
      watcher.onDidCreate(() => this.refreshSoon());
      watcher.onDidDelete(() => this.refreshSoon());
      watcher.onDidChange(() => this.refreshSoon());
      this.watchers.push(watcher);
    }
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.disposeWatchers();
    this.sessionEvents.dispose();
    this.changed.dispose();
  }
}

/** The eHealth default folder, the configured ones, and the sandbox folder. */
export function searchedFolders(): FolderRequest[] {
  return keystoreFolders(setting('ehealth.keystore.folders'));
}

function folderItem(folder: KeystoreFolder, t: Translator): vscode.TreeItem {
  // The sandbox's keystores under a name that says what they are: rehearsals, never real keystores.
  const sandbox = folder.origin === 'sandbox';
  const item = new vscode.TreeItem(sandbox ? t('keystore.folder.sandbox') : printable(path.basename(folder.path) || folder.path), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `folder:${folder.path}`;
  item.contextValue = 'keystoreFolder';
  item.resourceUri = vscode.Uri.file(folder.path);
  item.iconPath = new vscode.ThemeIcon(folder.state !== 'ok' ? 'warning' : sandbox ? 'beaker' : 'folder');
  item.description = `${folderStateText(folder, t)} · ${printable(homeRelative(sandbox ? folder.path : path.dirname(folder.path)))}`;
  item.tooltip = sandbox ? `${t('keystore.folder.sandbox.about')}\n${folder.path}` : folder.path;
  return item;
}

const statusIcons: Record<KeystoreStatus, [string, string]> = {
  valid: ['pass', 'testing.iconPassed'],
  renewable: ['history', 'problemsWarningIcon.foreground'],
  expired: ['error', 'problemsErrorIcon.foreground'],
  incomplete: ['warning', 'problemsWarningIcon.foreground'],
  'not-yet-valid': ['clock', 'problemsWarningIcon.foreground'],
  pending: ['watch', 'problemsWarningIcon.foreground'],
};

/** `name`: the holder's name, from the unlocked certificate or remembered from the last unlock. */
function keystoreItem(file: KeystoreFile, keystore: Keystore | undefined, name: string | undefined, t: Translator): vscode.TreeItem {
  const holder = keystore?.holder ?? file.holder;
  // The holder's name once known, else the identifier; a file name (anyone's: a line feed or an
  // escape sequence in it is shown, not obeyed) when it names no holder.
  const label = name ?? (holder ? readableHolder(holder) : file.fileName);
  const item = new vscode.TreeItem(printable(label), keystore ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `keystore:${file.path}`;
  item.resourceUri = vscode.Uri.file(file.path);
  const details = [name && holder ? readableHolder(holder) : undefined, file.createdAt && formatDate(file.createdAt, t.language, 'short'), t(`environment.${keystore?.environment ?? file.environment}`)];
  if (isRenewed(file)) details.push(t('keystore.older.short'));
  details.push(keystore ? statusText(keystore, t, 'short') : t('view.locked'));
  item.description = details.filter(Boolean).join(' · ');
  if (file.problems.length) item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  else if (keystore?.status) item.iconPath = new vscode.ThemeIcon(statusIcons[keystore.status][0], new vscode.ThemeColor(statusIcons[keystore.status][1]));
  else item.iconPath = new vscode.ThemeIcon(isRenewed(file) ? 'history' : 'lock');
  if (!keystore && !isUnopenable(file)) {
    item.command = { command: 'ehealth.keystore.unlock', title: t('view.action.unlock'), arguments: [file.path] };
  }
  item.tooltip = keystoreTooltip(file, keystore, name, t);
  return item;
}

function keystoreTooltip(file: KeystoreFile, keystore: Keystore | undefined, name: string | undefined, t: Translator): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  const row = tooltipRows(tooltip, t);
  const holder = keystore?.holder ?? file.holder;
  if (holder) row(t('keystore.tooltip.holder'), printable(holderText(holder, name)));
  row(t('keystore.tooltip.environment'), t(`environment.${keystore?.environment ?? file.environment}`));
  if (keystore) row(t('cli.inspect.status'), statusText(keystore, t));
  if (file.createdAt) row(t('keystore.tooltip.created'), formatDate(file.createdAt, t.language, 'moment'));
  if (file.sizeBytes !== undefined) row(t('keystore.tooltip.size'), `${file.sizeBytes} B`);
  row(t('keystore.tooltip.path'), file.path);
  if (isRenewed(file)) tooltip.appendMarkdown('\n\n$(history) ').appendText(t('keystore.older'));
  for (const problem of file.problems) tooltip.appendMarkdown('\n\n$(warning) ').appendText(t(`keystore.problem.${problem.code}`, problem.params));
  for (const warning of keystore?.warnings ?? []) tooltip.appendMarkdown('\n\n$(warning) ').appendText(warningText(warning, t));
  tooltip.supportThemeIcons = true;
  return tooltip;
}

/** `holder`: the keystore's holder, whose name the authentication certificate carries. */
function entryItem(file: KeystoreFile, entry: KeystoreEntry, holder: KeystoreHolder | undefined, t: Translator): vscode.TreeItem {
  const item = new vscode.TreeItem(printable(entryText(entry, holder, t)), vscode.TreeItemCollapsibleState.None);
  item.id = `entry:${file.path}:${entry.alias}`;
  if (entry.kind === 'key-only') {
    // Not `keystoreEntry`: there is no certificate to export.
    item.contextValue = 'keystoreEntry.keyOnly';
    item.iconPath = new vscode.ThemeIcon('key', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.description = [t('keystore.kind.key-only'), keyText(entry.key)].join(' · ');
    item.tooltip = t('keystore.warning.key-without-certificate', { alias: entry.alias });
    return item;
  }
  item.contextValue = 'keystoreEntry';
  const icon = entry.kind === 'authentication' ? 'key' : entry.kind === 'encryption' ? 'lock' : 'file-certificate';
  item.iconPath = new vscode.ThemeIcon(icon);
  const { certificate } = entry;
  item.description = [t(`keystore.kind.${entry.kind}`), keyText(certificate.key), t('view.entry.until', { date: formatDate(certificate.notAfter, t.language, 'short') })].join(' · ');
  const tooltip = new vscode.MarkdownString();
  const row = tooltipRows(tooltip, t);
  row(t('cli.inspect.subject'), readableDn(certificate.subject));
  row(t('cli.inspect.issuer'), readableDn(certificate.issuer));
  row(t('cli.inspect.validity'), `${formatDate(certificate.notBefore, t.language)} – ${formatDate(certificate.notAfter, t.language)}`);
  row(t('view.details.serial-hex'), certificate.serialNumberHex);
  row(t('cli.inspect.serial'), certificate.serialNumber);
  row(t('cli.inspect.alias'), printable(entry.alias));
  item.tooltip = tooltip;
  return item;
}

