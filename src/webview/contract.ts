// The contract webview's one script: the user's answer, from the two buttons our page draws after
// the contract's HTML (sanitised, without ids; looked up in our footer all the same).
declare function acquireVsCodeApi(): { postMessage(message: 'accept' | 'decline'): void };
const vscode = acquireVsCodeApi();
for (const answer of ['accept', 'decline'] as const) {
  document.querySelector(`body > footer > #${answer}`)?.addEventListener('click', () => vscode.postMessage(answer));
}
