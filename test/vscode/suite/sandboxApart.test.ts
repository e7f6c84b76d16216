// Sandbox keystores never mix with real ones, and every backup is told: a sandbox request writes
// into ~/ehealth/sandbox under a name that says sandbox (never into ~/ehealth/keystore, where
// medical software looks), the Keystores view shows it in a group of its own, "sandbox" while
// locked; completing it names the backup it kept, with Reveal and Delete backup; Reveal in a browser
// names the backup's full path, to copy.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EhealthApi } from '../../../src/extension';
import type { CompleteResult } from '../../../src/procedures';
import { click, renderedTexts, screenshot, waitFor, widen } from './harnessClient';
import { answerUntilDone, cards, password, requestAnswers, typeAndEnter, useSettings } from './procedureAnswers';

const sidebarRows = '.part.sidebar .monaco-list-row';
const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'keystores');
/** A real acceptance keystore, as the official tool names it. */
const realName = 'SSIN=79021802145 20230823-085751.acc-p12';
const notificationMessages = '.notifications-center .notification-list-item-message';

describe('Sandbox keystores kept apart, backups told', () => {
  const { module, pin, ssin } = cards[0];
  const sandboxFolder = path.join(os.homedir(), 'ehealth', 'sandbox');
  const realFolder = path.join(os.homedir(), 'ehealth', 'keystore');
  let keystore = '';

  useSettings({ 'eid.pkcs11Module': module, environment: 'sandbox' });

  before(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    // A real keystore where eHealth's tools keep them: the sandbox's must not join it.
    mkdirSync(realFolder, { recursive: true });
    copyFileSync(path.join(fixtures, realName), path.join(realFolder, realName));
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot('sandbox-apart-failed');
  });

  after(async () => {
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
    rmSync(path.join(realFolder, realName), { force: true });
  });

  it('a sandbox request writes into ~/ehealth/sandbox, named .sandbox-p12; the Keystores view shows it in its own group, labelled sandbox while locked', async () => {
    const result = await answerUntilDone(vscode.commands.executeCommand<{ keystore: string } | undefined>('ehealth.cert.request'), requestAnswers(pin, { secondEmail: 'apart@example.be', phone: '+32 2 123 45 67' }));
    assert.ok(result?.keystore, 'the request returns its keystore');
    keystore = result.keystore;
    assert.equal(path.dirname(keystore), sandboxFolder);
    assert.match(path.basename(keystore), new RegExp(`^SSIN=${ssin} \\d{8}-\\d{6}\\.sandbox-p12$`));
    assert.deepEqual(readdirSync(realFolder), [realName], 'nothing among the real keystores');
    await vscode.commands.executeCommand('notifications.clearAll');

    // Locked: what the view shows comes from the file name alone.
    await vscode.commands.executeCommand('ehealth.keystore.lock', keystore);
    const api = await vscode.extensions.getExtension<EhealthApi>('ehealthcerts.ehealth-certificates')!.activate();
    api.refreshKeystores();
    const listing = await api.keystores();
    const group = listing.folders.find((folder) => folder.keystores.some((file) => file.path === keystore));
    assert.deepEqual([group?.origin, group?.path], ['sandbox', sandboxFolder]);
    assert.equal(group?.keystores.find((file) => file.path === keystore)?.environment, 'sandbox');

    await vscode.commands.executeCommand('workbench.view.extension.ehealth');
    // The eHealth folder with its real keystore, then the sandbox's group with its own.
    let texts: string[] = [];
    const [real, sandbox] = await waitFor('the sandbox group and its locked keystore', async () => {
      // Label and description as rendered, side by side.
      texts = (await renderedTexts(sidebarRows)).map((row) => row.replace(/\s+/g, ' ').trim());
      const groups = [/^keystore\s*\d+ keystores? · ~\/ehealth(?!\/)/, /^Sandbox \(rehearsals\)\s*\d+ keystores? · ~\/ehealth\/sandbox/].map((group) => texts.findIndex((row) => group.test(row)));
      // Earlier suites leave sandbox keystores of other cards: this one is somewhere in the group.
      const ours = texts.findIndex((row, at) => at > groups[1] && /· sandbox · locked/.test(row));
      return groups.every((at) => at >= 0) && ours > 0 ? [texts.slice(groups[0], groups[0] + 2), [texts[groups[1]], texts[ours]]] : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(texts)}`);
    });
    assert.match(real[1], /· acceptance · locked/, 'the real keystore in its group');
    assert.match(sandbox[1], /· sandbox · locked/, 'the sandbox keystore in its own');
    await widen('.part.sidebar', 300);
    await screenshot('keystores-sandbox-group');
  });

  it('complete names the backup it kept, with Reveal and Delete backup; Delete backup, confirmed, deletes that file and nothing else', async () => {
    const result = await answerUntilDone(vscode.commands.executeCommand<CompleteResult | undefined>('ehealth.cert.complete', keystore), [
      { when: (title) => title.includes('Unlock') || title.includes(path.basename(keystore)), act: typeAndEnter(password) },
    ]);
    const backup = result?.backup;
    assert.ok(backup && existsSync(backup), 'a backup kept');
    assert.equal(path.dirname(backup), sandboxFolder);

    await vscode.commands.executeCommand('notifications.showList');
    const message = await waitFor('the completion naming its backup', async () => (await renderedTexts(notificationMessages)).find((text) => text.includes(path.basename(backup))), 10_000);
    assert.match(message, /^Certificate completed: .* The file as it was before is kept beside it as /);
    const buttons = await renderedTexts('.notifications-center .notification-list-item .monaco-button');
    assert.ok(buttons.includes('Reveal') && buttons.includes('Delete backup'), JSON.stringify(buttons));
    await screenshot('backup-notice');

    const before = readdirSync(sandboxFolder).sort();
    await click('.notifications-center .notification-list-item .monaco-button', 'Delete backup');
    // Confirmed in a quick pick whose first answer keeps the file.
    const title = await waitFor('the confirmation', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).find((text) => text.includes('Delete the backup')));
    assert.ok(title.includes(path.basename(backup)), title);
    await click('.quick-input-widget .monaco-list-row', 'Delete the backup');
    await waitFor('the backup deleted', async () => !existsSync(backup));
    assert.deepEqual(readdirSync(sandboxFolder).sort(), before.filter((name) => name !== path.basename(backup)));
    assert.ok(existsSync(keystore), 'the keystore stays');
  });

  it('Reveal, where no file manager can show the file (a browser, a remote window), names its full path with Copy path', async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    const newPassword = 'Rehearsal-2027!';
    const changed = vscode.commands.executeCommand<string | undefined>('ehealth.keystore.changePassword', keystore);
    const backup = await answerUntilDone(changed, [
      { when: (title) => title.includes('(1/3)'), act: typeAndEnter(password) },
      { when: (title) => title.includes('(2/3)') || title.includes('(3/3)'), act: typeAndEnter(newPassword) },
    ]);
    assert.ok(backup && existsSync(backup), 'a backup kept');

    await vscode.commands.executeCommand('notifications.showList');
    await waitFor('the password change naming its backup', async () => (await renderedTexts(notificationMessages)).some((text) => text.includes(path.basename(backup))), 10_000);
    await click('.notifications-center .notification-list-item .monaco-button', 'Reveal');
    // code-server's workbench runs in a browser: the file is on the server, so its path is told.
    // The list closes once its last notification is answered: opened again to read the next one.
    const told = await waitFor('the backup\'s full path', async () => {
      await vscode.commands.executeCommand('notifications.showList');
      return (await renderedTexts(notificationMessages)).find((text) => text.includes(backup));
    }, 10_000);
    assert.equal(told, `The backup is the file ${backup}.`);
    await screenshot('backup-reveal');
    await click('.notifications-center .notification-list-item .monaco-button', 'Copy path');
    await waitFor('the path copied', async () => (await vscode.env.clipboard.readText()) === backup);
    rmSync(backup, { force: true });
  });

  // A test, not an after() hook: useSettings' hook, registered first, clears the eID module before any hook of ours.
  it('revokes its certificate (the suites after this one request for the same card; the sandbox refuses a second valid one)', async () => {
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.revoke', keystore), [
      { when: (title) => title.includes('Unlock') || title.includes(path.basename(keystore)), act: typeAndEnter(password) },
      { when: (title) => title.includes('Why revoke'), act: () => click('.quick-input-widget .monaco-list-row', 'It is replaced') },
      { when: (title) => title.includes('eID PIN'), act: typeAndEnter(pin) },
    ]);
  });
});
