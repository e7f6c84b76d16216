// The "eID" view: is the eID software there (and if not, where to get it), the readers, the card
// and its PIN state, the holder, and the card's certificates. Live while the view is visible.
import * as vscode from 'vscode';
import { readableDn } from '../../core/distinguishedName';
import { readableIdentifier } from '../../core/readableIdentifier';
import { CardSupportMissing } from '../../eid/errors';
import { isProblem, type EidProblem, type EidStatus } from '../../eid/status';
import { errorMessage } from '../../faces/errors';
import type { Translator } from '../../i18n';
import { formatDate } from '../../i18n/dates';
import type { EidStatusModel } from './eidStatus';
import { currentLanguage, currentTranslator, onDidChangeLanguage } from '../language';
import { releasesPage } from '../releasesPage';

interface Row {
  id: string;
  label: string;
  description: string;
  icon: [string, string?];
  tooltip?: string;
  command?: vscode.Command;
}

export function registerEidView(model: EidStatusModel): vscode.Disposable[] {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.TreeDataProvider<Row> = {
    onDidChangeTreeData: changed.event,
    getChildren: async (row) => {
      if (row) return [];
      return rows(model.current() ?? (await model.refresh()), currentTranslator());
    },
    getTreeItem: (row) => {
      const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
      item.id = row.id;
      item.description = row.description;
      item.iconPath = new vscode.ThemeIcon(row.icon[0], row.icon[1] ? new vscode.ThemeColor(row.icon[1]) : undefined);
      if (row.tooltip) item.tooltip = row.tooltip;
      if (row.command) item.command = row.command;
      return item;
    },
  };
  const view = vscode.window.createTreeView('ehealth.eid', { treeDataProvider: provider });
  let watching: vscode.Disposable | undefined;
  const follow = (visible: boolean) => {
    if (visible && !watching) watching = model.watch();
    if (!visible) {
      watching?.dispose();
      watching = undefined;
    }
  };
  follow(view.visible);
  return [
    view,
    changed,
    model.onDidChange(() => changed.fire()),
    onDidChangeLanguage(() => changed.fire()),
    view.onDidChangeVisibility((event) => follow(event.visible)),
    new vscode.Disposable(() => watching?.dispose()),
  ];
}

const ok: [string, string] = ['pass', 'testing.iconPassed'];
const warning: [string, string] = ['warning', 'problemsWarningIcon.foreground'];
const error: [string, string] = ['error', 'problemsErrorIcon.foreground'];

function problemText(problem: EidProblem): string {
  return errorMessage(problem.error, currentLanguage());
}

export function rows(status: EidStatus, t: Translator): Row[] {
  if (isProblem(status.middleware) && status.middleware.error instanceof CardSupportMissing) {
    // The build, not the eID software, is what is missing: no point sending the user to eid.belgium.be.
    const message = problemText(status.middleware);
    return [
      {
        id: 'card-support',
        label: t('eidview.card-support'),
        description: t('eidview.card-support.none', { target: status.middleware.error.target }),
        tooltip: message,
        icon: error,
        command: { command: 'vscode.open', title: t('eidview.card-support.get'), arguments: [releasesPage()] },
      },
    ];
  }
  if (isProblem(status.middleware)) {
    const message = problemText(status.middleware);
    return [
      {
        id: 'middleware',
        label: t('eidview.middleware'),
        description: message,
        tooltip: message,
        icon: error,
        command: { command: 'vscode.open', title: t('eidview.middleware.get'), arguments: [vscode.Uri.parse('https://eid.belgium.be')] },
      },
    ];
  }
  const result: Row[] = [
    { id: 'middleware', label: t('eidview.middleware'), description: `${t('eidview.middleware.found')} · ${status.middleware.description}`, tooltip: status.middleware.path, icon: ok },
    ...(status.readers.length
      ? status.readers.map((reader): Row => ({ id: `reader:${reader.slot}`, label: t('eidview.reader'), description: reader.description, icon: ['device-desktop'] }))
      : [{ id: 'reader', label: t('eidview.reader'), description: t('eidview.reader.none'), icon: warning } as Row]),
  ];
  const card = status.card;
  if (!card) return [...result, { id: 'card', label: t('eidview.card'), description: t('eidview.card.none'), icon: warning }];
  if (isProblem(card)) return [...result, { id: 'card', label: t('eidview.card'), description: problemText(card), tooltip: problemText(card), icon: error }];
  const pin = card.pin;
  result.push(
    { id: 'card', label: t('eidview.card'), description: `${card.label} · ${card.serialNumber}`, icon: ['credit-card'] },
    {
      id: 'pin',
      label: t('eidview.pin'),
      description: `${t(`eid.pin.status.${pin.status}`)}${pin.pinpad ? ` · ${t('eid.pinpad')}` : ''}`,
      icon: pin.status === 'ok' ? ok : pin.status === 'locked' ? error : warning,
    },
  );
  if (status.identity) {
    const { surname, firstNames, nationalNumber, nationalNumberValid } = status.identity;
    result.push({
      id: 'holder',
      label: t('eidview.holder'),
      description: `${firstNames} ${surname} · ${readableIdentifier('SSIN', nationalNumber)}${nationalNumberValid ? '' : ` · ${t('eidview.national-number.invalid')}`}`,
      icon: nationalNumberValid ? ['person'] : warning,
    });
  }
  for (const certificate of status.certificates) {
    const validity = t(`eid.validity.${certificate.validity}`, { count: certificate.daysLeft });
    const chain = certificate.chainValid ? '' : ` · ${t('eidview.chain.broken')}`;
    result.push({
      id: `certificate:${certificate.role}`,
      label: t(`eidview.certificate.${certificate.role}`),
      description: t('eidview.certificate.until', { status: validity, date: formatDate(certificate.notAfter, t.language, 'short') }) + chain,
      tooltip: `${readableDn(certificate.subject)}\n${readableDn(certificate.issuer)}`,
      icon: certificate.validity === 'valid' && certificate.chainValid ? ok : certificate.validity === 'expiring-soon' ? warning : error,
    });
  }
  return result;
}
