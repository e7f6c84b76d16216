// How the eID engine asks for the PIN inside VS Code: a hidden input box that accepts digits only,
// or, on a reader with its own keypad, a notification saying to type the PIN there. With one try
// left, a warning comes first and nothing is asked unless the user picks "Try my PIN anyway". An
// empty reader is a notification "Insert your eID to sign" with Cancel, until the card is there.
import * as vscode from 'vscode';
import { eidPinPattern, type PinRequest, type Prompter } from '../eid/model';
import { confirmPick } from './confirmPick';
import { currentTranslator } from './language';

export const vscodePrompter: Prompter = {
  confirmLastTry(request: PinRequest) {
    const t = currentTranslator();
    return confirmPick({
      title: t('eidview.pin.last-try'),
      cancel: t('eidview.pin.last-try.cancel'),
      confirm: t('eidview.pin.last-try.anyway'),
      detail: t('eidview.pin.last-try.detail', { reader: request.card.reader.description }),
    });
  },
  async askPin(request: PinRequest) {
    const t = currentTranslator();
    const purpose = request.key ?? 'check';
    const pinState = request.card.pin.status === 'ok' ? '' : ` (${t(`eid.pin.status.${request.card.pin.status}`)})`;
    return vscode.window.showInputBox({
      title: t('eidview.pin.title'),
      prompt: t(`eidview.pin.placeholder.${purpose}`, { reader: request.card.reader.description }) + pinState,
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (eidPinPattern.test(value) ? undefined : t('eidview.pin.format')),
    });
  },
  waitForCard(purpose, signal) {
    // The card may have come already (asked after a notification ended): an abort that happened fires no listener.
    if (signal.aborted) return Promise.resolve();
    const title = currentTranslator()(`eid.insert.${purpose}`);
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) =>
        new Promise<void>((resolve) => {
          if (signal.aborted) return resolve();
          token.onCancellationRequested(() => resolve());
          signal.addEventListener('abort', () => resolve(), { once: true });
        }),
      ),
    );
  },
  showPinpadNotice() {
    let hide: () => void = () => undefined;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: currentTranslator()('eid.pinpad') }, () => new Promise<void>((resolve) => (hide = resolve)));
    return () => hide();
  },
};
