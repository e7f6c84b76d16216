// Runs against the packaged VSIX installed into a fresh code-server: it must be there and activate.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runMocha } from '../suite/mochaRunner';
import { renderedTexts, screenshot, waitFor } from '../suite/harnessClient';

export function run(): Promise<void> {
  return runMocha([
    () =>
      describe('Installed VSIX', () => {
        it('is installed from the VSIX, not loaded from the source tree', () => {
          const extension = vscode.extensions.getExtension('ehealthcerts.ehealth-certificates');
          assert.ok(extension, 'the extension is installed');
          assert.match(extension.extensionPath, /extensions\/ehealthcerts\.ehealth-certificates-\d/);
          assert.equal(extension.packageJSON.displayName, 'eHealth Certificates');
        });

        it('activates and contributes its view and commands', async () => {
          await vscode.commands.executeCommand('workbench.view.extension.ehealth');
          const extension = vscode.extensions.getExtension('ehealthcerts.ehealth-certificates')!;
          await waitFor('activation', async () => extension.isActive);
          const commands = await vscode.commands.getCommands(true);
          assert.ok(commands.includes('ehealth.keystores.refresh'));
          const titles = await waitFor('the Keystores view', async () => {
            const texts = await renderedTexts('.part.sidebar .pane-header');
            return texts.some((text) => /keystores/i.test(text)) ? texts : undefined;
          });
          assert.ok(titles.length > 0);
          await vscode.commands.executeCommand('workbench.view.extensions');
          await waitFor('the installed extension in the Extensions view', async () => {
            const texts = await renderedTexts('.part.sidebar .extension-list-item');
            return texts.some((text) => text.includes('eHealth Certificates'));
          });
          await screenshot('vsix-installed');
        });

        it('reads the virtual eID through the PKCS#11 addon and worker shipped in the VSIX', async () => {
          await vscode.workspace.getConfiguration('ehealth').update('eid.pkcs11Module', process.env.EHEALTH_TEST_EID_MODULE, vscode.ConfigurationTarget.Global);
          const status = await vscode.commands.executeCommand<{ middleware: { description?: string; error?: Error }; readers: unknown[] }>('ehealth.eid.refresh');
          assert.ok(status.middleware.description, `the middleware loads (${status.middleware.error?.message ?? ''})`);
          assert.equal(status.readers.length, 1);
        });
      }),
  ]);
}
