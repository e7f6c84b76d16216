// What every webview page of ours needs: text escaped into HTML, a fresh nonce for its one script,
// and the address of a file of the extension as the webview may load it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export { escapeHtml } from './escapeHtml';

/** A new nonce per page: the Content-Security-Policy lets only the script carrying it run. */
export const scriptNonce = () => randomBytes(16).toString('base64');

/** `segments` under the extension's folder, as a URI the webview may load. */
export function assetUri(webview: vscode.Webview, extensionUri: vscode.Uri, ...segments: string[]): string {
  return webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
}
