// A read-only page with everything an opened keystore tells: holder, environment, status, warnings,
// checks, each entry's certificate fields and chain (of a key stored alone, its type), and how the
// file is protected. Rendered as static HTML (no script at all) under a strict Content-Security-Policy;
// every value is escaped.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { escapeHtml } from './html';
import { readableDn } from '../../core/distinguishedName';
import { printable } from '../../core/printable';
import { readableHolder } from '../../core/readableIdentifier';
import type { Keystore, KeystoreCertificate, KeystoreHolder } from '../../keystore/model';
import { labelled, type Translator } from '../../i18n';
import { formatDate } from '../../i18n/dates';
import { entryText, holderText, keyText, statusText, warningText } from '../../i18n/keystoreText';
import { currentLanguage, currentTranslator, onDidChangeLanguage } from '../language';

/** The open pages, by file, with the keystore each shows: a change of ehealth.language draws them again. */
const panels = new Map<string, { panel: vscode.WebviewPanel; keystore: Keystore }>();

export function showKeystoreDetails(context: vscode.ExtensionContext, keystore: Keystore, file: string): vscode.WebviewPanel {
  let panel = panels.get(file)?.panel;
  if (panel) panel.reveal();
  else {
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    const created = vscode.window.createWebviewPanel('ehealth.keystoreDetails', 'eHealth', vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [media] });
    const redraw = onDidChangeLanguage(() => {
      const shown = panels.get(file);
      if (shown) drawDetails(context, created, shown.keystore, file);
    });
    created.onDidDispose(() => {
      panels.delete(file);
      redraw.dispose();
    });
    panel = created;
  }
  panels.set(file, { panel, keystore });
  drawDetails(context, panel, keystore, file);
  return panel;
}

function drawDetails(context: vscode.ExtensionContext, panel: vscode.WebviewPanel, keystore: Keystore, file: string): void {
  const t = currentTranslator();
  // The holder's name and the file name come from the file: whoever made it chose them.
  panel.title = printable(t('view.details.title', { holder: keystore.holder ? holderHeading(keystore.holder) : path.basename(file) }));
  const stylesheet = panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'details.css'));
  panel.webview.html = detailsHtml(keystore, file, t, { cspSource: panel.webview.cspSource, stylesheet: stylesheet.toString(), language: currentLanguage() });
}


function rows(pairs: Array<[string, string | undefined]>): string {
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
}

/** The holder's name once the certificate gives it, else the identifier as written. */
const holderHeading = (holder: KeystoreHolder) => holder.name ?? readableHolder(holder);

function certificateRows(certificate: KeystoreCertificate, t: Translator, alias?: string): string {
  return rows([
    [t('cli.inspect.alias'), alias],
    [t('cli.inspect.subject'), readableDn(certificate.subject)],
    [t('cli.inspect.issuer'), readableDn(certificate.issuer)],
    [t('cli.inspect.serial'), certificate.serialNumber],
    [t('view.details.serial-hex'), certificate.serialNumberHex],
    [t('cli.inspect.validity'), `${formatDate(certificate.notBefore, t.language, 'moment')} – ${formatDate(certificate.notAfter, t.language, 'moment')}`],
    [t('view.details.key'), keyText(certificate.key)],
    [t('view.details.key-usage'), certificate.keyUsage.join(', ')],
    [t('view.details.ski'), certificate.subjectKeyIdentifier],
  ]);
}

export function detailsHtml(keystore: Keystore, file: string, t: Translator, page: { cspSource: string; stylesheet: string; language: string }): string {
  const holder = keystore.holder;
  const summary = rows([
    [t('keystore.tooltip.holder'), holder ? holderText(holder, holder.name) : undefined],
    [t('cli.inspect.environment'), t(`environment.${keystore.environment}`)],
    [t('cli.inspect.status'), statusText(keystore, t)],
    [t('keystore.tooltip.path'), file],
  ]);
  const warnings = keystore.warnings.map((warning) => `<li>${escapeHtml(warningText(warning, t))}</li>`).join('');
  const checks = keystore.checks
    .map((check) => `<li class="check-${check.result}">${escapeHtml(labelled(t, `${t(`keystore.check.${check.code}`)} [${check.alias}]`, t(`keystore.check.${check.result}`)))}</li>`)
    .join('');
  const entries = keystore.entries
    .map((entry) => {
      const heading = `<h3>${escapeHtml(entryText(entry, holder, t))} <span class="kind">${escapeHtml(t(`keystore.kind.${entry.kind}`))}</span></h3>`;
      if (entry.kind === 'key-only') return `<section class="entry">${heading}<table>${rows([[t('view.details.key'), keyText(entry.key)]])}</table></section>`;
      const chain = entry.chain.map((certificate) => `<details><summary>${escapeHtml(labelled(t, t('view.details.chain'), readableDn(certificate.subject)))}</summary><table>${certificateRows(certificate, t)}</table></details>`).join('');
      return `<section class="entry">${heading}<table>${certificateRows(entry.certificate, t, entry.alias)}</table>${chain}</section>`;
    })
    .join('');
  const protection = keystore.protection;
  const protectionRows = rows([
    ['MAC', protection.macAlgorithm ? `${protection.macAlgorithm}, ${t('cli.inspect.iterations', { count: protection.macIterations ?? 0 })}` : undefined],
    ...protection.bags.map((bag, index): [string, string] => [`#${index + 1}`, `${bag.algorithm}, ${t('cli.inspect.iterations', { count: bag.iterations })}`]),
  ]);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${page.cspSource}; img-src ${page.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(page.stylesheet)}">
<title>${escapeHtml(path.basename(file))}</title>
</head>
<body>
<h1>${escapeHtml(holder ? holderHeading(holder) : path.basename(file))}</h1>
<table class="summary">${summary}</table>
${warnings ? `<h2>${escapeHtml(t('view.details.warnings'))}</h2><ul class="warnings">${warnings}</ul>` : ''}
${checks ? `<h2>${escapeHtml(t('cli.inspect.checks').replace(/:$/, ''))}</h2><ul class="checks">${checks}</ul>` : ''}
<h2>${escapeHtml(t('cli.inspect.entries').replace(/:$/, ''))}</h2>
${entries}
<h2>${escapeHtml(t('cli.inspect.protection').replace(/:$/, ''))}</h2>
<table>${protectionRows}</table>
</body>
</html>`;
}
