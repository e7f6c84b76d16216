// Restricted Mode: an untrusted folder cannot steer the extension. Its settings name keystore
// folders; they are ignored (ehealth.keystore.folders is a restricted configuration).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EhealthApi } from '../../../src/extension';
import { runMocha } from '../suite/mochaRunner';
import { renderedTexts, screenshot, waitFor } from '../suite/harnessClient';

export function run(): Promise<void> {
  return runMocha([
    () =>
      describe('Restricted Mode', () => {
        it('opens the folder untrusted', () => {
          assert.equal(vscode.workspace.isTrusted, false);
        });

        it('ignores keystore folders set by the untrusted workspace', async () => {
          const folder = vscode.workspace.workspaceFolders![0].uri;
          const settings = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.vscode', 'settings.json')));
          assert.match(settings, /ehealth\.keystore\.folders/, 'the workspace does try to set the folders');
          // VS Code withholds restricted settings of an untrusted workspace from extensions.
          assert.equal(vscode.workspace.getConfiguration('ehealth').inspect<string[]>('keystore.folders')?.workspaceValue, undefined);
          const api = await vscode.extensions.getExtension<EhealthApi>('ehealthcerts.ehealth-certificates')!.activate();
          const listing = await api.keystores();
          assert.deepEqual(
            listing.folders.map((folder) => folder.origin),
            ['default', 'sandbox'],
            `only the default folders (eHealth's and the sandbox's) are listed, not ${JSON.stringify(listing.folders.map((folder) => folder.path))}`,
          );
          await vscode.commands.executeCommand('workbench.view.extension.ehealth');
          await waitFor('the welcome view', async () => (await renderedTexts('.part.sidebar .welcome-view-content')).some((text) => text.includes('No eHealth keystore')));
          await screenshot('restricted-mode');
        });
      }),
  ]);
}
