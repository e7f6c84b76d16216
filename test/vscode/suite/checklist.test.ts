// The checklist's own controls in a real workbench: a manual step ticked and the progress kept, the
// reset, and a keystore action run on the newest keystore of the holder chosen in the view. Then how
// a step looks: verified by the engine, ticked by hand, ticked while a check fails (not counted, the
// failure shown), and a check that needs the password offering to unlock the keystore.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkLine, chooseHolder } from './checklistPage';
import { clickInWebview, focusInWebview, pressKey, renderedTexts, screenshot, typeText, waitFor, webviewFocus, webviewTexts } from './harnessClient';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'keystores');
const realName = 'SSIN=79021802145 20230823-085751.acc-p12';
const guide = 'change-keystore-password';

const realPassword = readFileSync(path.join(fixtures, `${realName}.password`), 'utf8').trim();

const progress = (pattern: RegExp) => waitFor(`the progress "${pattern.source}"`, async () => (await webviewTexts('p.progress', 3000)).find((text) => pattern.test(text)), 20_000);

describe('Checklist controls', () => {
  let folder: string;

  before(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'checklist-'));
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
    await chooseHolder('79.02.18-021.45');
    await clickInWebview('section[data-step="check-current"] vscode-button.action');
    const title = await waitFor('the password box of that keystore', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).find((text) => text.includes('SSIN=79021802145')));
    assert.match(title, /Unlock/);
    await pressKey('Escape');
  });

  it('keeps the focus on the action button when the checklist is drawn again', async () => {
    // The step offers Unlock before its action (its check waits for the password).
    await webviewTexts('section[data-step="check-current"] vscode-button.unlock', 10_000);
    await focusInWebview('section[data-step="check-current"] vscode-button.action');
    assert.equal(await webviewFocus(), 'action-check-current');
    // A newer keystore of the holder appears: the checklist is drawn again, Unlock now names it.
    const newer = path.join(folder, realName.replace(/\d{8}-\d{6}/, '20240101-000000'));
    copyFileSync(path.join(fixtures, realName), newer);
    try {
      await waitFor('Unlock naming the newer keystore', async () => (await webviewTexts('section[data-step="check-current"] vscode-button.unlock[aria-label*="20240101-000000"]', 3000)).length > 0, 20_000);
      assert.equal(await webviewFocus(), 'action-check-current', 'the button pressed, not the Unlock before it');
    } finally {
      rmSync(newer);
    }
  });
});

/** The text of one step's status (mark and words), once it matches. */
const stepStatus = (step: string, pattern: RegExp) =>
  waitFor(`the status of step ${step} to match "${pattern.source}"`, async () => (await webviewTexts(`section[data-step="${step}"] .status`, 3000)).find((text) => pattern.test(text)), 20_000);

describe('Checklist: verified, ticked by hand, failing, unlock', () => {
  let file: string;

  before(async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'checklist-look-'));
    file = path.join(folder, realName);
    copyFileSync(path.join(fixtures, realName), file);
    const settings = vscode.workspace.getConfiguration('ehealth');
    await settings.update('keystore.folders', [folder], vscode.ConfigurationTarget.Global);
    await settings.update('language', 'en', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('ehealth.guides.open', 'change-keystore-password');
    await chooseHolder('79.02.18-021.45');
  });

  after(async () => {
    await vscode.commands.executeCommand('ehealth.keystore.lock', file);
    const settings = vscode.workspace.getConfiguration('ehealth');
    for (const name of ['keystore.folders', 'language']) await settings.update(name, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('tells a step the engine verified from one ticked by hand', async () => {
    await stepStatus('choose-keystore', /✓\s*verified by the extension/);
    await clickInWebview('section[data-step="when-to-change"] vscode-checkbox.tick');
    await stepStatus('when-to-change', /✎\s*ticked by hand/);
    await screenshot('checklist-verified-manual');
  });

  it('offers to unlock the keystore a check needs, and verifies the step once it is open', async () => {
    await checkLine('check-current', /keystore unlocked: unlock to check/);
    await clickInWebview('section[data-step="check-current"] vscode-button.unlock');
    const title = await waitFor('the password box of that keystore', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).find((text) => text.includes('SSIN=79021802145')));
    assert.match(title, /Unlock/);
    await typeText(realPassword);
    await pressKey('Enter');
    await checkLine('check-current', /keystore unlocked: ok/);
    await stepStatus('check-current', /verified by the extension/);
  });

  it('does not let a tick hide a failing check: the failure stays in sight and the step is not counted', async () => {
    await vscode.commands.executeCommand('ehealth.guides.open', 'renew-certificate');
    await chooseHolder('79.02.18-021.45');
    // The fixture's certificate expired in 2026: neither valid nor renewable.
    await checkLine('renewal-window', /certificate valid: not yet/);
    const before = await progress(/^\d+ of \d+ steps done$/);
    await clickInWebview('section[data-step="renewal-window"] vscode-checkbox.tick');
    await stepStatus('renewal-window', /⚠\s*ticked by hand, but a check fails/);
    assert.equal(await progress(/^\d+ of \d+ steps done$/), before);
    await screenshot('checklist-failing-tick');
  });
});
