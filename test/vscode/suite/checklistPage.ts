// The checklist webview as the tests read and drive it: a check's line, the holder chosen.
import { clickInWebview, waitFor, webviewTexts } from './harnessClient';

/** The line of a check of `step`, once it matches. */
export const checkLine = (step: string, pattern: RegExp, timeoutMs = 20_000) =>
  waitFor(`a check of step ${step} to match "${pattern.source}"`, async () => (await webviewTexts(`section[data-step="${step}"] li.check`, 3000)).find((text) => pattern.test(text)), timeoutMs);

/** Chooses `holder` in the checklist's holder list, once it is offered. */
export async function chooseHolder(holder: string): Promise<void> {
  await waitFor('the holder option', async () => {
    await clickInWebview('vscode-single-select#holder');
    return (await webviewTexts('vscode-single-select#holder .option', 2000)).some((text) => text.includes(holder));
  });
  await clickInWebview('vscode-single-select#holder .option', holder);
}
