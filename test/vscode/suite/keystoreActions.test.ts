// Keystore actions in a real workbench: unlock through the password box, entries in the tree,
// the details view, a password change end to end, and the expiry in the status bar.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { inspectFile } from '../../../src/keystore/inspect';
import type { Keystore } from '../../../src/keystore/model';
import { click, pressKey, renderedTexts, screenshot, typeText, waitFor, webviewTexts, widen } from './harnessClient';
import { inThreadDeriver, writeSandboxKeystore } from './sandboxKeystore';
import { isDomainError } from '../../../src/core/domainError';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'keystores');
const realName = 'SSIN=79021802145 20230823-085751.acc-p12';
const realPassword = readFileSync(path.join(fixtures, `${realName}.password`), 'utf8').trim();

/** Waits for the quick input box whose title contains `title`, then types `text` and presses Enter. */
async function answer(title: string, text: string): Promise<void> {
  await waitFor(`the input box "${title}"`, async () => (await renderedTexts('.quick-input-widget .quick-input-title')).some((shown) => shown.includes(title)));
  await pressKey('Control+A');
  await typeText(text);
  await pressKey('Enter');
}

function inputMessage(containing: string): Promise<string> {
  return waitFor(`the input box message "${containing}"`, async () => (await renderedTexts('.quick-input-widget .quick-input-message')).find((text) => text.includes(containing)));
}

function rows(): Promise<string[]> {
  return renderedTexts('.part.sidebar .monaco-list-row').then((texts) => texts.map((text) => text.replace(/\s+/g, ' ').trim()));
}

describe('Keystore actions', () => {
  let folder: string;
  let realFile: string;

  before(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'actions-'));
    realFile = path.join(folder, realName);
    copyFileSync(path.join(fixtures, realName), realFile);
    await vscode.workspace.getConfiguration('ehealth').update('keystore.folders', [folder], vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.ehealth');
    await waitFor('the real keystore row', async () => (await rows()).some((row) => row.includes('79.02.18-021.45')));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('ehealth').update('keystore.folders', undefined, vscode.ConfigurationTarget.Global);
  });

  it('says in the password box, passwords remembered, how this system keeps them (Linux: the keyring, and the weak fallback without one)', async () => {
    await vscode.workspace.getConfiguration('ehealth').update('keystore.rememberPasswords', true, vscode.ConfigurationTarget.Global);
    try {
      const unlocked = vscode.commands.executeCommand<Keystore | undefined>('ehealth.keystore.unlock', realFile);
      const prompt = await inputMessage('secret storage');
      assert.match(prompt, /GNOME Keyring or KWallet.*weak encryption/);
      assert.doesNotMatch(prompt, /DPAPI|Keychain/);
      await screenshot('unlock-passwords-remembered');
      await pressKey('Escape');
      assert.equal(await unlocked, undefined);
    } finally {
      await vscode.workspace.getConfiguration('ehealth').update('keystore.rememberPasswords', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('unlocks a keystore with the password typed into the input box, after a wrong one', async () => {
    const unlocked = vscode.commands.executeCommand<Keystore | undefined>('ehealth.keystore.unlock', realFile);
    await answer('Unlock', 'not-the-password1');
    assert.match(await inputMessage('Wrong password'), /revoked and requested again/);
    await answer('Unlock', realPassword);
    const keystore = await unlocked;
    assert.equal(keystore?.status, 'expired');
    // The holder's name from the certificate as label, the SSIN as people write it, dates in words.
    await waitFor('the status in the tree', async () => (await rows()).some((row) => row.startsWith('BRYAN EDUARD BROUCKAERT') && row.includes('79.02.18-021.45') && row.includes('expired on 23 Aug 2026')));
    await click('.part.sidebar .monaco-list-row', 'BRYAN EDUARD BROUCKAERT');
    const shown = await waitFor('the entries', async () => {
      const current = await rows();
      return current.some((row) => row.startsWith('ETK · serial …BD90')) ? current : undefined;
    });
    assert.ok(shown.some((row) => row.startsWith('BRYAN EDUARD BROUCKAERT') && row.includes('authentication key · RSA 2048 · until 23 Aug 2026')), JSON.stringify(shown));
    assert.ok(shown.some((row) => row.startsWith('TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001')), JSON.stringify(shown));
    await widen('.part.sidebar', 300);
    await screenshot('keystore-unlocked');
  });

  it('shows every field of the keystore in the details view', async () => {
    await vscode.commands.executeCommand('ehealth.keystore.showDetails', realFile);
    const texts = await waitFor('the details page', async () => {
      const body = (await webviewTexts('body', 5000)).join('\n');
      return body.includes('Entries') ? body : undefined;
    });
    const expectations = [
      'BRYAN EDUARD BROUCKAERT, 79.02.18-021.45 (SSIN=79021802145)',
      'acceptance',
      'expired on 23 August 2026',
      'ETK · serial …BD90',
      '19088378040904364161854366057849601424',
      'CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001, SERIALNUMBER=001, O=ZETES SA, C=BE',
      'RSA 2048',
      'Protection',
      'iterations',
    ];
    for (const expected of expectations) {
      assert.ok(texts.includes(expected), `details show "${expected}"`);
    }
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await screenshot('keystore-details');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('workbench.view.extension.ehealth');
  });

  it('changes a keystore password end to end: rules shown live, backup kept, old password refused', async () => {
    const file = await writeSandboxKeystore(folder, '90010100146', 'Start-passw0rd');
    const changed = vscode.commands.executeCommand<string | undefined>('ehealth.keystore.changePassword', file);
    // Steps show as "(1/3)" in the title: waiting for the next one means the previous was accepted.
    await answer('(1/3)', 'Start-passw0rd');
    await answer('(2/3)', 'short');
    assert.match(await inputMessage('✗ at least 8 characters'), /✗ at least one digit or symbol/);
    await pressKey('Control+A');
    await typeText('N3w-passw0rd!');
    await inputMessage('✓ at least 8 characters · ✓ at least one digit or symbol · ✓ only');
    await pressKey('Enter');
    await answer('(3/3)', 'N3w-passw0rd!');
    const backup = await changed;
    assert.ok(backup && existsSync(backup), 'a backup is kept');
    await inspectFile(file, { password: 'N3w-passw0rd!', deriver: inThreadDeriver });
    await assert.rejects(inspectFile(file, { password: 'Start-passw0rd', deriver: inThreadDeriver }), (error: unknown) => isDomainError(error, 'keystore', 'wrong-password'));
    await inspectFile(backup, { password: 'Start-passw0rd', deriver: inThreadDeriver });

    // The notice names the backup, warns it still opens with the old password, offers what to do with it.
    await vscode.commands.executeCommand('notifications.showList');
    const notice = await waitFor('the password change notice', async () => (await renderedTexts('.notifications-center .notification-list-item-message')).find((text) => text.startsWith('Password changed.')), 10_000);
    assert.equal(notice, `Password changed. The previous file is kept as ${path.basename(backup)}; it still opens with the old password.`);
    const buttons = await renderedTexts('.notifications-center .notification-list-item .monaco-button');
    assert.ok(buttons.includes('Reveal') && buttons.includes('Delete backup'), JSON.stringify(buttons));
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('shows the nearest expiry in the status bar, in warning colours once expired', async () => {
    const expired = await waitFor('the status bar item', async () => (await renderedTexts('.part.statusbar .statusbar-item')).find((text) => text.includes('eHealth')));
    assert.match(expired, /eHealth: expired on 23 Aug 2026/);
    await screenshot('status-bar');
    await vscode.commands.executeCommand('ehealth.keystore.lock', realFile);
    const valid = await waitFor('the sandbox keystore expiry', async () => (await renderedTexts('.part.statusbar .statusbar-item')).find((text) => /eHealth: valid until \d{1,2} \w{3,4} 20\d\d/.test(text)));
    assert.ok(valid);
  });
});
