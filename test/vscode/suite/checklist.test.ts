// The checklist's own controls in a real workbench: a manual step ticked and the progress kept, the
// reset, and a keystore action run on the newest keystore of the holder chosen in the view.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { clickInWebview, pressKey, renderedTexts, waitFor, webviewTexts } from './harnessClient';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'keystores');
const realName = 'SSIN=79021802145 20230823-085751.acc-p12';
const guide = 'change-keystore-password';

const progress = (pattern: RegExp) => waitFor(`the progress "${pattern.source}"`, async () => (await webviewTexts('p.progress', 3000)).find((text) => pattern.test(text)), 20_000);

describe('Checklist controls', () => {
  before(async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'checklist-'));
    copyFileSync(path.join(fixtures, realName), path.join(folder, realName));
    await vscode.workspace.getConfiguration('ehealth').update('keystore.folders', [folder], vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('ehealth').update('language', 'en', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('ehealth.guides.open', guide);
  });

  after(async () => {
    const settings = vscode.workspace.getConfiguration('ehealth');
    for (const name of ['keystore.folders', 'language']) await settings.update(name, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps a manual tick in the progress, and resets it', async () => {
    // Steps whose checks pass (a keystore is found) count as done already.
    const before = Number(/^(\d+) of/.exec(await progress(/^\d+ of \d+ steps done$/))![1]);
    await clickInWebview('section[data-step="when-to-change"] vscode-checkbox.tick');
    await progress(new RegExp(`^${before + 1} of \\d+ steps done$`));
    await clickInWebview('vscode-button#reset');
    await progress(new RegExp(`^${before} of \\d+ steps done$`));
  });

  it('runs a keystore action on the newest keystore of the chosen holder, without asking which', async () => {
    await waitFor('the holder option', async () => {
      await clickInWebview('vscode-single-select#holder');
      return (await webviewTexts('vscode-single-select#holder .option', 2000)).some((text) => text.includes('SSIN=79021802145'));
    });
    await clickInWebview('vscode-single-select#holder .option', 'SSIN=79021802145');
    await clickInWebview('section[data-step="check-current"] vscode-button.action');
    const title = await waitFor('the password box of that keystore', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).find((text) => text.includes('SSIN=79021802145')));
    assert.match(title, /Unlock/);
    await pressKey('Escape');
  });
});
