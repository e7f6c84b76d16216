// The Keystores view in a real workbench: welcome content, listing, live refresh, language.
import * as assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EhealthApi } from '../../../src/extension';
import { renderedTexts, screenshot, waitFor, widen } from './harnessClient';

const extensionId = 'ehealthcerts.ehealth-certificates';
const sidebarRows = '.part.sidebar .monaco-list-row';

function settings() {
  return vscode.workspace.getConfiguration('ehealth');
}

/** Rows of the Keystores tree as rendered (label and description), once `ready` accepts them. */
function rowsWhen(ready: (rows: string[]) => boolean, what: string): Promise<string[]> {
  return waitFor(what, async () => {
    const rows = (await renderedTexts(sidebarRows)).map((row) => row.replace(/\s+/g, ' ').trim());
    return ready(rows) ? rows : undefined;
  });
}

describe('Keystores view', () => {
  let api: EhealthApi;
  let folder: string;

  before(async () => {
    const extension = vscode.extensions.getExtension<EhealthApi>(extensionId);
    assert.ok(extension, `${extensionId} is loaded`);
    api = await extension.activate();
    folder = mkdtempSync(path.join(os.tmpdir(), 'keystores-'));
  });

  after(async () => {
    await settings().update('keystore.folders', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('language', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows guidance when no keystore is found', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.ehealth');
    const welcome = await waitFor('the welcome view', async () => {
      const texts = await renderedTexts('.part.sidebar .welcome-view-content');
      return texts.find((text) => text.includes('No eHealth keystore found'));
    });
    // A newcomer starts here: request a certificate or read the guide first, point to other folders after.
    assert.match(welcome, /Request a certificate[\s\S]*Open the guide[\s\S]*Add a keystore folder/);
    await screenshot('keystores-welcome');
  });

  it('lists the keystores of a configured folder, newest first per holder, odd files with a warning', async () => {
    const names = [
      'SSIN=79021802145 20230823-085751.acc-p12',
      'SSIN=79021802145 20260601-101500.acc-p12',
      'EHP=1990001916,VITALINKGATEWAY 20240105-141210.p12',
      'CBE=0123456749 20251301-000000.p12',
      'keystore-backup.p12',
    ];
    // Distinct contents: byte-identical files would be flagged as duplicates.
    names.forEach((name, index) => writeFileSync(path.join(folder, name), Buffer.alloc(4096, index)));
    writeFileSync(path.join(folder, 'notes.txt'), 'not a keystore');
    symlinkSync(path.join(folder, 'gone'), path.join(folder, 'NIHII=12345678 20250101-120000.p12'));

    await settings().update('keystore.folders', [folder], vscode.ConfigurationTarget.Global);
    const listing = await waitFor('the listing of the configured folder', async () => {
      const current = await api.keystores();
      return current.folders.find((entry) => entry.path === folder && entry.keystores.length === 6) ? current : undefined;
    });
    const files = listing.folders.find((entry) => entry.path === folder)!.keystores;
    assert.deepEqual(
      files.map((file) => [file.fileName, file.latest, file.problems.map((problem) => problem.code)]),
      [
        ['CBE=0123456749 20251301-000000.p12', true, ['invalid-date']],
        ['EHP=1990001916,VITALINKGATEWAY 20240105-141210.p12', true, []],
        ['NIHII=12345678 20250101-120000.p12', true, ['unreadable']],
        ['SSIN=79021802145 20260601-101500.acc-p12', true, []],
        ['SSIN=79021802145 20230823-085751.acc-p12', false, []],
        ['keystore-backup.p12', true, ['unconventional-name']],
      ],
    );

    const rows = await rowsWhen((current) => current.some((row) => row.includes('keystore-backup.p12')), 'the rendered keystore rows');
    assert.ok(rows.some((row) => row.startsWith(path.basename(folder)) && row.includes('6 keystores')), `folder row in ${JSON.stringify(rows)}`);
    // Locked keystores whose holder's name is not known yet: the identifier as people write it, the creation day.
    assert.ok(rows.some((row) => row.startsWith('EHP 1990001916 · VITALINKGATEWAY') && row.includes('5 Jan 2024 · production')), JSON.stringify(rows));
    assert.ok(rows.some((row) => row.startsWith('79.02.18-021.45') && row.includes('1 Jun 2026 · acceptance')), JSON.stringify(rows));
    assert.ok(rows.some((row) => row.startsWith('79.02.18-021.45') && row.includes('23 Aug 2023 · acceptance · older')), JSON.stringify(rows));
    await widen('.part.sidebar', 300);
    await screenshot('keystores-tree');
  });

  it('refreshes by itself when a keystore file appears', async () => {
    writeFileSync(path.join(folder, 'NIHII=19012345 20261120-093000.p12'), Buffer.alloc(4096, 0x31));
    const rows = await rowsWhen((current) => current.some((row) => row.includes('NIHII 19012345')), 'the new keystore to appear');
    assert.ok(rows.some((row) => row.includes('20 Nov 2026 · production')));
  });

  it('speaks the language chosen in ehealth.language', async () => {
    await settings().update('language', 'fr', vscode.ConfigurationTarget.Global);
    const rows = await rowsWhen((current) => current.some((row) => row.includes('acceptation')), 'French descriptions');
    assert.ok(rows.some((row) => row.includes('acceptation · ancien')));
  });
});
