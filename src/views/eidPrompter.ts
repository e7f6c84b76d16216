// How the eID engine asks for the PIN inside VS Code: a hidden input box that accepts digits only,
// or, on a reader with its own keypad, a notification saying to type the PIN there.
import * as vscode from 'vscode';
import type { PinRequest, Prompter } from '../eid/model';
import { currentTranslator } from './language';

export const vscodePrompter: Prompter = {
  async askPin(request: PinRequest) {
    const t = currentTranslator();
    const purpose = request.key ?? 'check';
    const pinState = request.card.pin.status === 'ok' ? '' : ` (${t(`eid.pin.status.${request.card.pin.status}`)})`;
    return vscode.window.showInputBox({
      title: t('eidview.pin.title'),
      prompt: t(`eidview.pin.placeholder.${purpose}`, { reader: request.card.reader.description }) + pinState,
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (/^\d{4,12}$/.test(value) ? undefined : t('eidview.pin.format')),
    });
  },
  showPinpadNotice() {
    let hide: () => void = () => undefined;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: currentTranslator()('eid.pinpad') }, () => new Promise<void>((resolve) => (hide = resolve)));
    return () => hide();
  },
};
