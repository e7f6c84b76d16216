// State-aware faces in a real workbench: a keystore's context menu offers only what applies to its
// state, the status bar says what it counts and lists each holder, a change of ehealth.language
// redraws the views and an open checklist at once, the eID view's PIN row follows a correct PIN, a
// walkthrough step completes only once its action succeeded, and renewing too early is a notice.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { click, contextMenuItems, hover, pressKey, renderedTexts, screenshot, waitFor, webviewTexts, widen } from './harnessClient';
import { answerUntilDone, cards, password as sandboxPassword, requestAnswers, typeAndEnter, typePin, useSettings } from './procedureAnswers';
import { writeSandboxKeystore } from './sandboxKeystore';

const rowSelector = '.part.sidebar .monaco-list-row';
const password = 'State-passw0rd';
const pendingSsin = '90.01.01-004.20';
const validSsin = '85.03.14-124.01';
const eidDir = process.env.EHEALTH_TEST_EID_DIR!;
const settings = () => vscode.workspace.getConfiguration('ehealth');

const rows = async () => (await renderedTexts(rowSelector)).map((row) => row.replace(/\s+/g, ' ').trim());
const rowWith = (what: string, match: (row: string) => boolean) => waitFor(what, async () => (await rows()).find(match), 20_000);

/** The items of the context menu of the row showing `text`, then closed (after `whileOpen`). */
const menuOf = (text: string, whileOpen?: () => Promise<unknown>) => contextMenuItems(rowSelector, text, whileOpen);

async function unlock(file: string): Promise<void> {
  await answerUntilDone(vscode.commands.executeCommand('ehealth.keystore.unlock', file), [{ when: (title) => title.includes('Unlock'), act: typeAndEnter(password) }]);
}

const statusBarItem = () => renderedTexts('.part.statusbar .statusbar-item').then((items) => items.find((item) => item.includes('eHealth:')));

describe('Walkthrough "Get started"', () => {
  const step = (title: string, done: boolean) => `.getting-started-step[aria-checked="${done}"]:has-text("${title}")`;

  before(async () => {
    await settings().update('eid.pkcs11Module', process.env.EHEALTH_TEST_EID_MODULE, vscode.ConfigurationTarget.Global);
    // Whatever ran before (an eID suite's self-test): the step starts not done.
    await vscode.commands.executeCommand('setContext', 'ehealth.succeeded.eidSelfTest', false);
    await vscode.commands.executeCommand('resetGettingStartedProgress');
  });

  after(async () => {
    await settings().update('eid.pkcs11Module', undefined, vscode.ConfigurationTarget.Global);
  });

  it('completes the eID step only once the self-test succeeded, not when it merely started', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'ehealthcerts.ehealth-certificates#get-started', false);
    await waitFor('the step, not done', async () => (await renderedTexts(step('Check your eID', false))).length > 0);
    // Started, then cancelled at the PIN: not done.
    const cancelled = vscode.commands.executeCommand<boolean>('ehealth.eid.selfTest');
    await waitFor('the PIN box', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).some((title) => title.includes('eID PIN')));
    await pressKey('Escape');
    assert.equal(await cancelled, false);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal((await renderedTexts(step('Check your eID', true))).length, 0, 'a self-test that did not succeed completes nothing');
    assert.equal(await answerUntilDone(vscode.commands.executeCommand<boolean>('ehealth.eid.selfTest'), [typePin(process.env.EHEALTH_TEST_EID_PIN!)]), true);
    await waitFor('the step done', async () => (await renderedTexts(step('Check your eID', true))).length > 0);
    // The step's illustration shows beside the steps when the editor is wide: the sidebar closed.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await screenshot('walkthrough-get-started');
    await vscode.commands.executeCommand('workbench.view.extension.ehealth');
  });
});

describe('State-aware views', () => {
  let folder: string;
  let pending: string;
  let valid: string;

  before(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'state-aware-'));
    pending = await writeSandboxKeystore(folder, pendingSsin.replace(/\D/g, ''), password, 'pending');
    valid = await writeSandboxKeystore(folder, validSsin.replace(/\D/g, ''), password);
    await settings().update('keystore.folders', [folder], vscode.ConfigurationTarget.Global);
    await settings().update('eid.pkcs11Module', process.env.EHEALTH_TEST_EID_MODULE, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.ehealth');
    await waitFor('both keystores listed', async () => {
      const shown = await rows();
      return [pendingSsin, validSsin].every((ssin) => shown.some((row) => row.includes(ssin)));
    });
    await unlock(pending);
    await unlock(valid);
  });

  after(async () => {
    for (const name of ['keystore.folders', 'statusBar.excludeFolders', 'language', 'eid.pkcs11Module']) await settings().update(name, undefined, vscode.ConfigurationTarget.Global);
    rmSync(path.join(eidDir, 'pin-failures'), { force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  it('offers Complete on a pending keystore, Revoke and Status on a valid one, and nothing that does not apply', async () => {
    await rowWith('the pending keystore, unlocked', (row) => row.includes(pendingSsin) && row.includes('waiting for the certificate'));
    const onPending = await menuOf(pendingSsin);
    assert.ok(onPending.includes('Complete request'), JSON.stringify(onPending));
    for (const absent of ['Renew certificate...', 'Revoke certificate...', 'Complete renewal', 'Activate ETK']) assert.ok(!onPending.includes(absent), `${absent} on a pending keystore: ${JSON.stringify(onPending)}`);

    await rowWith('the valid keystore, unlocked', (row) => row.includes(validSsin) && /valid/.test(row));
    await widen('.part.sidebar', 200);
    const onValid = await menuOf(validSsin, () => screenshot('keystore-context-menu'));
    for (const present of ['Revoke certificate...', 'Certificate status at eHealth', 'Lock keystore (forget its password)']) assert.ok(onValid.includes(present), `${present} missing: ${JSON.stringify(onValid)}`);
    // Three years left: too early to renew.
    for (const absent of ['Complete request', 'Complete renewal', 'Renew certificate...', 'Unlock keystore...']) assert.ok(!onValid.includes(absent), `${absent} on a valid keystore: ${JSON.stringify(onValid)}`);
  });

  it('says in the status bar until when the certificate is valid, each holder in the tooltip, and leaves excluded folders out', async () => {
    await waitFor('the status bar item', async () => /eHealth: valid until \d{1,2} \w{3,4} 20\d\d/.test((await statusBarItem()) ?? ''));
    await hover('.part.statusbar .statusbar-item', 'eHealth:');
    const tooltip = await waitFor('the tooltip', async () => (await renderedTexts('.monaco-hover')).map((shown) => shown.replace(/\s+/g, ' ')).find((shown) => shown.includes(validSsin)));
    assert.match(tooltip, /the first to end at the top/);
    assert.match(tooltip, new RegExp(`JANE DOE \\(${validSsin.replace(/\./g, '\\.')}\\) · \\w+: valid until \\d{1,2} \\w+ 20\\d\\d`));
    assert.doesNotMatch(tooltip, new RegExp(pendingSsin.replace(/\./g, '\\.')), 'a pending keystore has no end date yet');
    await screenshot('status-bar-tooltip');
    await pressKey('Escape');
    await settings().update('statusBar.excludeFolders', [folder], vscode.ConfigurationTarget.Global);
    await waitFor('the status bar item to leave', async () => (await statusBarItem()) === undefined);
    await settings().update('statusBar.excludeFolders', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the status bar item back', statusBarItem);
  });

  it('redraws the Keystores view and an open checklist in French when ehealth.language changes, without reload', async () => {
    await vscode.commands.executeCommand('ehealth.guides.open', 'get-started');
    await waitFor('the English checklist', async () => (await webviewTexts('h1', 5000)).some((title) => title.includes('Get started')));
    await settings().update('language', 'fr', vscode.ConfigurationTarget.Global);
    await waitFor('the French checklist', async () => (await webviewTexts('h1', 3000)).some((title) => title.includes('Premiers pas')));
    await vscode.commands.executeCommand('workbench.view.extension.ehealth');
    await rowWith('the Keystores view in French', (row) => row.includes(pendingSsin) && row.includes('en attente du certificat'));
    await waitFor('the status bar in French', async () => (await renderedTexts('.part.statusbar .statusbar-item')).some((item) => /eHealth\s: valable jusqu’au/.test(item)));
    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
    await rowWith('the Keystores view in English again', (row) => row.includes(pendingSsin) && row.includes('waiting for the certificate'));
  });

  it('shows the fresh PIN state in the eID view after a correct PIN', async () => {
    // One wrong PIN as the virtual card counts it: the card says "2 tries left" until a correct one.
    writeFileSync(path.join(eidDir, 'pin-failures'), '1\n');
    await vscode.commands.executeCommand('ehealth.eid.showStatus');
    await rowWith('the PIN row with 2 tries left', (row) => row.startsWith('PIN') && row.includes('2 tries left'));
    assert.equal(await answerUntilDone(vscode.commands.executeCommand<boolean>('ehealth.eid.selfTest'), [typePin(process.env.EHEALTH_TEST_EID_PIN!)]), true);
    await rowWith('the PIN row back to ok', (row) => row.startsWith('PIN') && row.includes('ok') && !row.includes('tries'));
  });
});

describe('Renewing too early', () => {
  const [card] = cards;
  useSettings({ 'eid.pkcs11Module': card.module, environment: 'sandbox' });

  after(async () => {
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
  });

  it('is a notice with the date renewal opens, with no Retry', async () => {
    const requested = await answerUntilDone(vscode.commands.executeCommand<{ keystore: string } | undefined>('ehealth.cert.request'), requestAnswers(card.pin, { secondEmail: '', phone: '+32 2 123 45 67' }));
    assert.ok(requested?.keystore);
    const unlock = { when: (title: string) => title.includes('Unlock') || title.includes(path.basename(requested.keystore)), act: typeAndEnter(sandboxPassword) };
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.complete', requested.keystore), [unlock]);
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.equal(await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.renew', requested.keystore), [unlock]), undefined);
    await vscode.commands.executeCommand('notifications.showList');
    const notice = await waitFor('the notice', async () =>
      (await renderedTexts('.notifications-center .notification-list-item', 5_000)).find((item) => item.includes('Too early to renew')),
    );
    assert.match(notice, /Too early to renew: this certificate can be renewed from \d{1,2} \w+ 20\d\d\. Nothing was changed\./);
    assert.doesNotMatch(notice, /Retry|Show output/, 'information, not an error to retry');
    await vscode.commands.executeCommand('notifications.hideList');
    // The suites after this one request for the same card: the sandbox refuses a second valid certificate.
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.revoke', requested.keystore), [
      unlock,
      { when: (title) => title.includes('Why revoke'), act: () => click('.quick-input-widget .monaco-list-row', 'It is replaced') },
      typePin(card.pin),
    ]);
  });
});
