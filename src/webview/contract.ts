// The contract webview's one script: the user's answer, from the buttons our page draws after the
// contract's HTML (sanitised, without ids; looked up in our footer all the same). Back is there
// when the contract is a step of a request.
declare function acquireVsCodeApi(): { postMessage(message: 'accept' | 'decline' | 'back'): void };
const vscode = acquireVsCodeApi();
for (const answer of ['accept', 'decline', 'back'] as const) {
  document.querySelector(`body > footer > #${answer}`)?.addEventListener('click', () => vscode.postMessage(answer));
}
