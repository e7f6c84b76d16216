// The contract eHealth sends before anything is signed, shown in full (French and Dutch, as the
// authority writes it) with an explicit "I accept". Our page says what the contract is for, where
// (environment) and for whom (DN); the authority's texts, already sanitised (contractHtml.ts), sit in
// a container of their own, and the answer buttons come after it, drawn by us. The page runs only
// our script file (nonce), loads only our stylesheet, has no forms, and a link opens outside.
import * as vscode from 'vscode';
import { assetUri, escapeHtml, scriptNonce } from './html';
import type { ContractToAccept } from '../../procedures/prompter';
import { currentLanguage, currentTranslator } from '../language';


export function askContractAcceptance(extensionUri: vscode.Uri, contract: ContractToAccept): Promise<boolean> {
  const t = currentTranslator();
  const panel = vscode.window.createWebviewPanel('ehealth.contract', t('contract.title'), vscode.ViewColumn.Active, {
    enableScripts: true,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  });
  const webview = panel.webview;
  const nonce = scriptNonce();
  const asset = (...segments: string[]) => assetUri(webview, extensionUri, ...segments);
  const texts = contract.texts
    .map((text) => `<section class="text" lang="${escapeHtml(text.lang)}"><h2>${escapeHtml(text.lang.toUpperCase())}</h2><div class="authority">${text.html}</div></section>`)
    .join('\n');
  webview.html = `<!DOCTYPE html>
<html lang="${currentLanguage()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; form-action 'none'; base-uri 'none';">
<link rel="stylesheet" href="${asset('media', 'contract.css')}">
</head>
<body>
<header>
<h1>${escapeHtml(t(contract.kind === 'revocation' ? 'contract.revocation' : 'contract.request'))}</h1>
<p><span class="environment ${contract.environment}">${escapeHtml(t(`environment.${contract.environment}`))}</span> <span class="dn">${escapeHtml(contract.dn)}</span></p>
</header>
<main>
${texts}
</main>
<footer class="buttons">
<button id="accept" class="primary">${escapeHtml(t('contract.accept'))}</button>
<button id="decline">${escapeHtml(t('contract.decline'))}</button>
</footer>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'contract.js')}"></script>
</body>
</html>`;
  return new Promise((resolve) => {
    let answered = false;
    const finish = (accepted: boolean) => {
      if (answered) return;
      answered = true;
      resolve(accepted);
      panel.dispose();
    };
    webview.onDidReceiveMessage((message) => finish(message === 'accept'));
    panel.onDidDispose(() => finish(false));
  });
}
