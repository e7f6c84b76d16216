// The universal VSIX (no eID card support: the pkcs11js addon left out) installed into a fresh
// code-server: keystores, guides and the sandbox work, and the eID view and commands say that this
// build cannot use a card and which package can, instead of blaming the eID software.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EidStatus } from '../../../src/eid/status';
import type { Keystore } from '../../../src/keystore/model';
import { runMocha } from '../suite/mochaRunner';
import { pressKey, renderedTexts, screenshot, typeText, waitFor, webviewTexts } from '../suite/harnessClient';

const extensionId = 'ehealthcerts.ehealth-certificates';
const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'keystores');
const realName = 'SSIN=79021802145 20230823-085751.acc-p12';
const target = `${process.platform}-${process.arch}`;
const settings = () => vscode.workspace.getConfiguration('ehealth');

const sidebarRows = () => renderedTexts('.part.sidebar .monaco-list-row').then((texts) => texts.map((text) => text.replace(/\s+/g, ' ').trim()));

export function run(): Promise<void> {
  return runMocha([
    () =>
      describe('Universal VSIX (no eID card support)', () => {
        before(async () => {
          // A working eID software and card: what the build cannot use, not what is missing.
          await settings().update('eid.pkcs11Module', process.env.EHEALTH_TEST_EID_MODULE, vscode.ConfigurationTarget.Global);
        });

        it('is installed from the universal VSIX, which carries no native addon', () => {
          const extension = vscode.extensions.getExtension(extensionId);
          assert.ok(extension, 'the extension is installed');
          assert.match(extension.extensionPath, /extensions\/ehealthcerts\.ehealth-certificates-\d/);
          assert.ok(existsSync(path.join(extension.extensionPath, 'dist', 'extension.js')));
          assert.ok(!existsSync(path.join(extension.extensionPath, 'dist', 'addons')), 'no dist/addons in the universal package');
          assert.ok(!existsSync(path.join(extension.extensionPath, 'node_modules')));
        });

        it('lists and opens keystores (the key derivation worker is JavaScript)', async () => {
          const folder = mkdtempSync(path.join(os.tmpdir(), 'universal-'));
          const file = path.join(folder, realName);
          copyFileSync(path.join(fixtures, realName), file);
          await settings().update('keystore.folders', [folder], vscode.ConfigurationTarget.Global);
          await vscode.commands.executeCommand('workbench.view.extension.ehealth');
          await waitFor('the keystore row', async () => (await sidebarRows()).some((row) => row.includes('79.02.18-021.45')));
          const unlocked = vscode.commands.executeCommand<Keystore | undefined>('ehealth.keystore.unlock', file);
          await waitFor('the password box', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).some((title) => title.includes('Unlock')));
          await typeText(readFileSync(path.join(fixtures, `${realName}.password`), 'utf8').trim());
          await pressKey('Enter');
          const keystore = await unlocked;
          assert.equal(keystore?.holder?.id, '79021802145');
          assert.ok(keystore?.entries.some((entry) => entry.kind === 'encryption'));
        });

        it('opens a guide as a checklist', async () => {
          assert.equal(await vscode.commands.executeCommand('ehealth.guides.open', 'request-personal-certificate'), 'request-personal-certificate');
          await waitFor('the checklist', async () => (await webviewTexts('section[data-step]', 3000)).length > 0, 20_000);
          await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        });

        it('runs the sandbox authority', async () => {
          const url = await vscode.commands.executeCommand<string>('ehealth.sandbox.start');
          assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
          const answer = await fetch(`${url}/CertRa/v2`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: 'not a SOAP envelope' });
          assert.match(await answer.text(), /Fault/);
          await vscode.commands.executeCommand('ehealth.sandbox.stop');
        });

        it('the eID view says the build has no card support and which package has', async () => {
          const status = await vscode.commands.executeCommand<EidStatus>('ehealth.eid.refresh');
          assert.equal((status.middleware as { code?: string }).code, 'card-support-missing');
          await vscode.commands.executeCommand('ehealth.eid.showStatus');
          const row = await waitFor('the card support row', async () => (await sidebarRows()).find((text) => text.startsWith('eID card support')));
          assert.match(row, new RegExp(`^eID card support\\s*none for ${target} in this build$`));
          await vscode.commands.executeCommand('workbench.action.focusSideBar');
          await screenshot('universal-eid-view');
        });

        it('an eID command says the same, with the package to install', async () => {
          // The command ends when its error notification is answered or closed.
          const selfTest = vscode.commands.executeCommand('ehealth.eid.selfTest');
          await vscode.commands.executeCommand('notifications.showList');
          const message = await waitFor('the error notification', async () => (await renderedTexts('.notifications-center .notification-list-item-message')).find((text) => text.includes('no eID card support')));
          assert.match(message, new RegExp(`Install the package built for ${target}`));
          // Retrying cannot help: the notification offers the package instead.
          const buttons = await renderedTexts('.notifications-center .notification-list-item .monaco-button');
          assert.ok(buttons.includes('Get the package with eID card support') && !buttons.includes('Retry'), JSON.stringify(buttons));
          await screenshot('universal-eid-command');
          await vscode.commands.executeCommand('notifications.clearAll');
          assert.equal(await selfTest, false);
        });
      }),
  ]);
}
