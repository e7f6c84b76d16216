// The "Certificates at eHealth" view: what eHealth last said of the user's certificates (the
// session store, filled on demand with the eID), grouped by holder, the person first, then each
// organisation. A certificate shows its status, expiry and ETK, and links to the local keystore
// holding its key; its menu offers what applies to it (authorityActions.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatHolder, SSIN_TYPE } from '../../core/holder';
import { printable } from '../../core/printable';
import { readableHolder } from '../../core/readableIdentifier';
import type { Translator } from '../../i18n';
import { tooltipRows } from './tooltipRows';
import { formatDate } from '../../i18n/dates';
import { holderText } from '../../i18n/keystoreText';
import type { AuthorityCertificate } from '../../procedures';
import type { AuthorityCertificateStatus } from '../../ra/model';
import type { AuthorityCertificates, AuthorityListing } from '../authorityCertificates';
import { certificateActions } from './authorityActions';
import type { KeystoreTreeProvider } from './keystoreTree';
import { currentEnvironment } from '../environment';
import { currentTranslator, onDidChangeLanguage } from '../language';
import { affects } from '../settings';

export type AuthorityNode =
  | { kind: 'stale'; listing: AuthorityListing }
  | { kind: 'holder'; holder: string; readable: string; name: string; person: boolean; certificates: AuthorityCertificate[] }
  | { kind: 'certificate'; certificate: AuthorityCertificate }
  | { kind: 'keystore'; certificate: AuthorityCertificate; keystore: string };

export function registerAuthorityView(store: AuthorityCertificates, keystores: KeystoreTreeProvider): vscode.Disposable[] {
  const provider = new AuthorityTreeProvider(store, keystores);
  const view = vscode.window.createTreeView('ehealth.authority', { treeDataProvider: provider });
  const show = () => {
    const listing = store.current(currentEnvironment());
    const t = currentTranslator();
    view.message = listing ? t('authority.read-at', { time: formatDate(listing.readAt, t.language, 'time'), environment: t(`environment.${listing.environment}`) }) : undefined;
    // The welcome view tells "not read yet" from "eHealth has none".
    void vscode.commands.executeCommand('setContext', 'ehealth.authority.listed', listing !== undefined);
    provider.refresh();
  };
  show();
  return [
    view,
    provider,
    store.onDidChange(show),
    keystores.onDidChangeTreeData(() => provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Another environment is another authority: what this one said may be outdated when the user comes back.
      if (!affects(event, 'ehealth.environment')) return;
      store.markStale();
      show();
    }),
    onDidChangeLanguage(show),
  ];
}

class AuthorityTreeProvider implements vscode.TreeDataProvider<AuthorityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: AuthorityCertificates,
    private readonly keystores: KeystoreTreeProvider,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: AuthorityNode): Promise<AuthorityNode[]> {
    if (!node) {
      const listing = this.store.current(currentEnvironment());
      if (!listing) return []; // the welcome view and its button
      return [...(listing.stale ? [{ kind: 'stale', listing } as const] : []), ...holderGroups(await this.withKeystoresHere(listing.certificates))];
    }
    if (node.kind === 'holder') return node.certificates.map((certificate) => ({ kind: 'certificate', certificate }));
    if (node.kind === 'certificate' && node.certificate.keystore) return [{ kind: 'keystore', certificate: node.certificate, keystore: node.certificate.keystore }];
    return [];
  }

  /**
   * The keystore links follow the Keystores view, not the moment eHealth was read: a file moved or
   * deleted since is no longer linked, nor offered to Complete or Renew.
   */
  private async withKeystoresHere(certificates: readonly AuthorityCertificate[]): Promise<AuthorityCertificate[]> {
    return Promise.all(
      certificates.map(async (certificate) => {
        if (!certificate.keystore || (await this.keystores.keystoreNode(certificate.keystore))) return certificate;
        const elsewhere = { ...certificate };
        delete elsewhere.keystore;
        delete elsewhere.keystoreMatchedBy;
        return elsewhere;
      }),
    );
  }

  getTreeItem(node: AuthorityNode): vscode.TreeItem {
    const t = currentTranslator();
    if (node.kind === 'stale') return staleItem(t);
    if (node.kind === 'holder') return holderItem(node);
    if (node.kind === 'certificate') return certificateItem(node.certificate, t);
    return keystoreItem(node.certificate, node.keystore, t);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The person first, then the organisations by name; each holder's certificates newest first, as listed. */
function holderGroups(certificates: readonly AuthorityCertificate[]): AuthorityNode[] {
  const groups = new Map<string, Extract<AuthorityNode, { kind: 'holder' }>>();
  for (const certificate of certificates) {
    const holder = formatHolder(certificate.holder);
    const group = groups.get(holder) ?? { kind: 'holder', holder, readable: readableHolder(certificate.holder), name: certificate.name, person: certificate.holder.type === SSIN_TYPE, certificates: [] };
    group.certificates.push(certificate);
    groups.set(holder, group);
  }
  return [...groups.values()].sort((a, b) => Number(b.person) - Number(a.person) || a.name.localeCompare(b.name) || a.holder.localeCompare(b.holder));
}

function staleItem(t: Translator): vscode.TreeItem {
  const item = new vscode.TreeItem(t('authority.stale'), vscode.TreeItemCollapsibleState.None);
  item.id = 'stale';
  item.description = t('authority.stale.description');
  item.tooltip = t('authority.stale.tooltip');
  item.iconPath = new vscode.ThemeIcon('refresh', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.command = { command: 'ehealth.authority.refresh', title: t('authority.stale') };
  return item;
}

function holderItem(node: Extract<AuthorityNode, { kind: 'holder' }>): vscode.TreeItem {
  // Names come from the authority's answer: shown, never interpreted.
  const item = new vscode.TreeItem(printable(node.name) || node.readable, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `holder:${node.holder}`;
  item.description = node.readable;
  item.tooltip = node.holder;
  item.iconPath = new vscode.ThemeIcon(node.person ? 'person' : 'organization');
  item.contextValue = 'authorityHolder';
  return item;
}

const statusIcons: Record<AuthorityCertificateStatus, [string, string]> = {
  VALID_ACTIVE: ['pass', 'testing.iconPassed'],
  IN_PROGRESS: ['watch', 'problemsWarningIcon.foreground'],
  REVOKED: ['circle-slash', 'problemsErrorIcon.foreground'],
  EXPIRED: ['error', 'problemsErrorIcon.foreground'],
  REFUSED: ['close', 'problemsErrorIcon.foreground'],
};
const renewableIcon: [string, string] = ['history', 'problemsWarningIcon.foreground'];

function renewable(certificate: AuthorityCertificate): boolean {
  return certificate.status === 'VALID_ACTIVE' && certificate.replaceable;
}

function statusText(certificate: AuthorityCertificate, t: Translator): string {
  return renewable(certificate) ? t('authority.status.renewable') : t(`authority.status.${certificate.status}`);
}

function certificateItem(certificate: AuthorityCertificate, t: Translator): vscode.TreeItem {
  const actionable = certificate.status === 'VALID_ACTIVE' || certificate.status === 'IN_PROGRESS';
  const collapsible = !certificate.keystore ? vscode.TreeItemCollapsibleState.None : actionable ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(statusText(certificate, t), collapsible);
  item.id = `certificate:${certificate.publicKeyIdentifier}`;
  // `local`: a keystore holds its key (the keystore row below shows it).
  item.contextValue = ['authorityCertificate', ...certificateActions(certificate), ...(certificate.keystore ? ['local'] : [])].join(' ');
  const [icon, color] = renewable(certificate) ? renewableIcon : statusIcons[certificate.status];
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
  const when = certificate.notAfter ? t('authority.until', { date: formatDate(certificate.notAfter, t.language, 'short') }) : t('authority.requested-on', { date: formatDate(certificate.requestedAt, t.language, 'short') });
  item.description = [when, t(`authority.etk.${certificate.etkStatus}`), ...(certificate.automaticallyValidated ? [] : [t('authority.manual')])].join(' · ');
  item.tooltip = certificateTooltip(certificate, t);
  return item;
}

function certificateTooltip(certificate: AuthorityCertificate, t: Translator): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  const row = tooltipRows(tooltip, t);
  row(t('keystore.tooltip.holder'), printable(holderText(certificate.holder, certificate.name)));
  row(t('authority.tooltip.status'), `${statusText(certificate, t)} · ${t(`authority.etk.${certificate.etkStatus}`)}`);
  const date = (iso: string) => formatDate(iso, t.language);
  row(t('authority.tooltip.requested'), formatDate(certificate.requestedAt, t.language, 'moment'));
  if (certificate.notBefore && certificate.notAfter) row(t('authority.tooltip.validity'), `${date(certificate.notBefore)} – ${date(certificate.notAfter)}`);
  if (certificate.replacementPeriodStart) row(t('authority.tooltip.renewable-from'), date(certificate.replacementPeriodStart));
  row(t('authority.tooltip.public-key-identifier'), certificate.publicKeyIdentifier);
  if (certificate.keystore) row(t('authority.tooltip.keystore'), `${certificate.keystore} (${t(`authority.keystore.${certificate.keystoreMatchedBy ?? 'file-name'}`)})`);
  else tooltip.appendMarkdown('\n$(info) ').appendText(t('authority.keystore.none'));
  if (!certificate.automaticallyValidated) tooltip.appendMarkdown('\n\n$(person) ').appendText(t('authority.manual'));
  tooltip.supportThemeIcons = true;
  return tooltip;
}

function keystoreItem(certificate: AuthorityCertificate, keystore: string, t: Translator): vscode.TreeItem {
  const item = new vscode.TreeItem(printable(path.basename(keystore)), vscode.TreeItemCollapsibleState.None);
  item.id = `keystore:${certificate.publicKeyIdentifier}`;
  item.description = t('authority.keystore');
  item.tooltip = `${keystore}\n${t(`authority.keystore.${certificate.keystoreMatchedBy ?? 'file-name'}`)}`;
  item.iconPath = new vscode.ThemeIcon('file-symlink-file');
  item.contextValue = 'authorityKeystore local';
  item.command = { command: 'ehealth.authority.showKeystore', title: t('authority.keystore'), arguments: [certificate.publicKeyIdentifier] };
  return item;
}
