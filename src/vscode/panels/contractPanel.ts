// The contract eHealth sends before anything is signed, shown in full (French and Dutch, as the
// authority writes it) with an explicit "I accept". Our page says what the contract is for, where
// (environment) and for whom (DN); for a request, its step in the wizard and a summary of what will
// be sent and written, above the contract. The authority's texts, already sanitised
// (contractHtml.ts), sit in a container of their own, and the answer buttons come after it, drawn by
// us (Back too, as a step of a request). Everything else on the page is our text or the user's
// answers, escaped. The page runs only our script file (nonce), loads only our stylesheet, has no
// forms, and a link opens outside.
import * as vscode from 'vscode';
import { readableDn } from '../../core/distinguishedName';
import { BACK, type Back, type ContractToAccept, type WizardPosition } from '../../procedures/prompter';
import { currentLanguage, currentTranslator, onDidChangeLanguage } from '../language';
import { assetUri, escapeHtml, scriptNonce } from './html';
import { summaryHtml } from './summaryHtml';

/** True when accepted, false when declined or closed, BACK when the user went back a step. */
export function askContractAcceptance(extensionUri: vscode.Uri, contract: ContractToAccept, position?: WizardPosition): Promise<boolean | Back> {
  const panel = vscode.window.createWebviewPanel('ehealth.contract', currentTranslator()('contract.title'), vscode.ViewColumn.Active, {
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
  // Drawn again in the new language when `ehealth.language` changes while the page is open.
  const render = () => {
    const t = currentTranslator();
    panel.title = t('contract.title');
    webview.html = `<!DOCTYPE html>
<html lang="${currentLanguage()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; form-action 'none'; base-uri 'none';">
<link rel="stylesheet" href="${asset('media', 'contract.css')}">
</head>
<body>
<header>
${position ? `<p class="step">${escapeHtml(t('contract.step', { step: position.step, totalSteps: position.totalSteps }))}</p>` : ''}
<h1>${escapeHtml(t(contract.kind === 'revocation' ? 'contract.revocation' : 'contract.request'))}</h1>
<p><span class="environment ${contract.environment}">${escapeHtml(t(`environment.${contract.environment}`))}</span> <span class="dn">${escapeHtml(readableDn(contract.dn))}</span></p>
</header>
${contract.summary ? summaryHtml(t, contract.summary) : ''}
<main>
${texts}
</main>
<footer class="buttons">
${position?.back ? `<button id="back">${escapeHtml(t('contract.back'))}</button>` : ''}
<button id="accept" class="primary">${escapeHtml(t('contract.accept'))}</button>
<button id="decline">${escapeHtml(t('contract.decline'))}</button>
</footer>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'contract.js')}"></script>
</body>
</html>`;
  };
  render();
  const languageChange = onDidChangeLanguage(render);
  return new Promise((resolve) => {
    let answered = false;
    const finish = (answer: boolean | Back) => {
      if (answered) return;
      answered = true;
      resolve(answer);
      panel.dispose();
    };
    webview.onDidReceiveMessage((message) => finish(message === 'back' && position?.back ? BACK : message === 'accept'));
    panel.onDidDispose(() => {
      languageChange.dispose();
      finish(false);
    });
  });
}
