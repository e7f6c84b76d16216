// The contract eHealth sends before anything is signed, shown in full (French and Dutch, as the
// authority writes it) with an explicit "I accept". The authority's HTML is untrusted: it renders
// under a Content-Security-Policy that runs only our nonce'd script (no inline handler, no style,
// image, frame or form of its own), and VS Code never lets a webview navigate away.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ContractToAccept } from '../../procedures/prompter';
import { currentLanguage, currentTranslator } from '../language';

export function askContractAcceptance(extensionUri: vscode.Uri, contract: ContractToAccept): Promise<boolean> {
  const t = currentTranslator();
  const panel = vscode.window.createWebviewPanel('ehealth.contract', t('contract.title'), vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  });
  const nonce = randomBytes(16).toString('base64');
  const stylesheet = panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'contract.css'));
  const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  const texts = contract.texts
    .map((text) => `<section class="text" lang="${escape(text.lang)}"><h2>${escape(text.lang.toUpperCase())}</h2>${text.value}</section>`)
    .join('');
  panel.webview.html = `<!DOCTYPE html>
<html lang="${currentLanguage()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${panel.webview.cspSource}; script-src 'nonce-${nonce}'; form-action 'none'; base-uri 'none';">
<link rel="stylesheet" href="${stylesheet}">
</head>
<body>
<h1>${escape(t(contract.kind === 'revocation' ? 'contract.revocation' : 'contract.request'))}</h1>
<p class="dn">${escape(contract.dn)}</p>
${texts}
<div class="buttons">
<button id="accept" class="primary">${escape(t('contract.accept'))}</button>
<button id="decline">${escape(t('contract.decline'))}</button>
</div>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('accept').addEventListener('click', () => vscode.postMessage('accept'));
document.getElementById('decline').addEventListener('click', () => vscode.postMessage('decline'));
</script>
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
    panel.webview.onDidReceiveMessage((message) => finish(message === 'accept'));
    panel.onDidDispose(() => finish(false));
  });
}
