// Guides in a real workbench: a check turning green when the virtual eID card is inserted, an
// action button that runs its command, the language switch, and a screenshot per language.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { clickInWebview, pressKey, renderedTexts, screenshot, waitFor, webviewTexts } from './harnessClient';

const eidDir = process.env.EHEALTH_TEST_EID_DIR!;
const guide = 'request-personal-certificate';

/** The text of one step of the open checklist. */
function stepText(step: string, containing: RegExp, what: string): Promise<string> {
  return waitFor(what, async () => (await webviewTexts(`section[data-step="${step}"]`, 3000)).find((text) => containing.test(text)), 20_000);
}

describe('Guides', () => {
  before(async () => {
    await vscode.workspace.getConfiguration('ehealth').update('eid.pkcs11Module', process.env.EHEALTH_TEST_EID_MODULE, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  after(async () => {
    rmSync(path.join(eidDir, 'removed'), { force: true });
    await vscode.workspace.getConfiguration('ehealth').update('eid.pkcs11Module', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('turns the card check green when the eID card is inserted', async () => {
    writeFileSync(path.join(eidDir, 'removed'), '');
    assert.equal(await vscode.commands.executeCommand('ehealth.guides.open', guide), guide);
    await stepText('card-and-pin', /✗\s*(carte eID|eID card)/, 'the card check to fail while the card is out');
    rmSync(path.join(eidDir, 'removed'));
    const step = await stepText('card-and-pin', /✓\s*(carte eID|eID card)/, 'the card check to pass once the card is in');
    assert.match(step, /✓\s*(lecteur de carte|card reader)/);
  });

  it('runs a step action from its button', async () => {
    await clickInWebview('section[data-step="card-and-pin"] vscode-button.action');
    await waitFor('the PIN box of the eID self-test', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).some((title) => /PIN/.test(title)));
    await pressKey('Escape');
    await waitFor('the PIN box to close', async () => !(await renderedTexts('.quick-input-widget .quick-input-title')).some((title) => /PIN/.test(title)));
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  for (const [theme, name] of [
    ['Default Dark Modern', 'guide-dark'],
    ['Default High Contrast', 'guide-high-contrast'],
  ] as const) {
    it(`reads well in the ${theme} theme`, async () => {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await waitFor(`the ${theme} theme in the webview`, async () => (await webviewTexts('h1', 3000)).length > 0);
      await new Promise((resolve) => setTimeout(resolve, 500)); // the theme's colours reach the webview after a repaint
      await screenshot(name);
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    });
  }

  for (const [language, label, title] of [
    ['nl', 'Nederlands', /Een persoonlijk eHealth-certificaat aanvragen|persoonlijk/i],
    ['en', 'English', /personal eHealth certificate/i],
    ['de', 'Deutsch', /persönliches eHealth-Zertifikat/i],
    ['fr', 'Français', /certificat eHealth personnel/i],
  ] as const) {
    it(`switches the guide to ${label}`, async () => {
      // The open dropdown lists its options in the select's shadow DOM.
      await waitFor(`the ${label} option`, async () => {
        await clickInWebview('vscode-single-select#language');
        return (await webviewTexts('vscode-single-select#language .option', 2000)).some((text) => text.includes(label));
      });
      await clickInWebview('vscode-single-select#language .option', label);
      await waitFor(`the ${label} title`, async () => (await webviewTexts('h1', 3000)).some((text) => title.test(text)), 20_000);
      await screenshot(`guide-${language}`);
    });
  }
});
