// eID commands: show the eID status, and the self-test guides offer before anything is signed
// (read the card, check its certificates, verify the PIN).
import * as vscode from 'vscode';
import { EidError } from '../../eid/errors';
import { isProblem } from '../../eid/status';
import { vscodePrompter } from '../eidPrompter';
import type { EidStatusModel } from '../views/eidStatus';
import { showError } from '../errors';
import { markSucceeded } from '../succeeded';
import { currentTranslator } from '../language';

export function registerEidCommands(model: EidStatusModel, log: vscode.LogOutputChannel): vscode.Disposable[] {
  async function selfTest(): Promise<boolean> {
    const t = currentTranslator();
    try {
      return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('eidview.selftest.progress') }, async () => {
        const status = await model.refresh();
        if (isProblem(status.middleware)) throw status.middleware.error;
        if (!status.card) throw new EidError('no-card', 'no card in the reader');
        if (isProblem(status.card)) throw status.card.error;
        await (await model.eid()).verifyPin(vscodePrompter);
        const invalid = status.certificates.filter((certificate) => certificate.validity === 'expired' || certificate.validity === 'not-yet-valid' || !certificate.chainValid);
        if (invalid.length) {
          void vscode.window.showWarningMessage(t('eidview.selftest.certificates', { problems: invalid.map((certificate) => certificate.label).join(', ') }));
          return false;
        }
        const name = status.identity ? `${status.identity.firstNames} ${status.identity.surname}` : '';
        void vscode.window.showInformationMessage(t('eidview.selftest.ok', { name, card: status.card.serialNumber }));
        markSucceeded('eidSelfTest');
        return true;
      });
    } catch (error) {
      await showError(error, log, 'eID self-test');
      return false;
    }
  }

  return [
    vscode.commands.registerCommand('ehealth.eid.showStatus', async () => {
      await vscode.commands.executeCommand('ehealth.eid.focus');
      return model.refresh();
    }),
    vscode.commands.registerCommand('ehealth.eid.refresh', () => model.refresh()),
    vscode.commands.registerCommand('ehealth.eid.selfTest', selfTest),
  ];
}
