// The eID view and self-test with a virtual card (SoftHSM2 behind our PKCS#11 shim, built by the
// harness): live status, card pulled and put back, the PIN typed into the input box, the warning
// before the last PIN try, missing software.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { click, pressKey, renderedTexts, screenshot, waitFor } from './harnessClient';
import { answerUntilDone, typePin } from './procedureAnswers';

const eidDir = process.env.EHEALTH_TEST_EID_DIR!;
const settings = () => vscode.workspace.getConfiguration('ehealth');

function rowsWhen(ready: (rows: string[]) => boolean, what: string): Promise<string[]> {
  return waitFor(what, async () => {
    const rows = (await renderedTexts('.part.sidebar .monaco-list-row')).map((row) => row.replace(/\s+/g, ' ').trim());
    return ready(rows) ? rows : undefined;
  });
}

describe('eID view', () => {
  before(async () => {
    assert.ok(eidDir, 'the harness built a virtual eID (EHEALTH_TEST_EID_DIR)');
    await settings().update('eid.pkcs11Module', process.env.EHEALTH_TEST_EID_MODULE, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    rmSync(path.join(eidDir, 'removed'), { force: true });
    await settings().update('eid.pkcs11Module', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows the software, the reader, the card, its holder and certificates', async () => {
    await vscode.commands.executeCommand('ehealth.eid.showStatus');
    const rows = await rowsWhen((current) => current.some((row) => row.startsWith('eID card') && row.includes('BELPIC')), 'the card in the eID view');
    assert.ok(rows.some((row) => row.startsWith('eID software') && row.includes('found')));
    assert.ok(rows.some((row) => row.startsWith('Holder') && row.includes(process.env.EHEALTH_TEST_EID_SURNAME!)));
    assert.ok(rows.some((row) => row.startsWith('PIN') && row.includes('ok')));
    assert.ok(rows.some((row) => row.startsWith('Authentication certificate') && row.includes('valid')));
    assert.ok(rows.some((row) => row.startsWith('Signature certificate')));
    await vscode.commands.executeCommand('workbench.action.focusSideBar');
    await screenshot('eid-status');
  });

  it('follows the card being pulled out and put back', async () => {
    writeFileSync(path.join(eidDir, 'removed'), '');
    await rowsWhen((current) => current.some((row) => row.startsWith('eID card') && row.includes('no card in the reader')), 'the card to be reported removed');
    rmSync(path.join(eidDir, 'removed'));
    await rowsWhen((current) => current.some((row) => row.startsWith('eID card') && row.includes('BELPIC')), 'the card to be back');
  });

  it('tests the eID with the PIN typed into the input box', async () => {
    // Answered until done: under load the first keys can land before the box has focus, and the box
    // then stays open with its message (an empty PIN is refused), so it is answered again.
    const passed = vscode.commands.executeCommand<boolean>('ehealth.eid.selfTest');
    assert.equal(await answerUntilDone(passed, [typePin(process.env.EHEALTH_TEST_EID_PIN!)]), true);
  });

  it('warns before the last PIN try: Enter (No) presents nothing, "Try my PIN anyway" then the PIN does', async () => {
    // Two wrong PINs as the virtual card counts them (the shim's own file): one try left.
    const failures = path.join(eidDir, 'pin-failures');
    writeFileSync(failures, '2\n');
    try {
      const lastTryWarning = () => waitFor('the last-try warning', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).some((text) => text.includes('Last try')));
      const declined = vscode.commands.executeCommand<boolean>('ehealth.eid.selfTest');
      await lastTryWarning();
      await screenshot('eid-last-try');
      // Enter on the first choice, "No": an Enter out of habit presents nothing.
      await pressKey('Enter');
      assert.equal(await declined, false);
      assert.equal(readFileSync(failures, 'utf8').trim(), '2', 'no PIN presented');
      const consented = vscode.commands.executeCommand<boolean>('ehealth.eid.selfTest');
      await lastTryWarning();
      // A click, not typed filter text and Enter: under load Enter could land before the filter and pick "No".
      await click('.quick-input-widget .monaco-list-row', 'Try my PIN anyway');
      assert.equal(await answerUntilDone(consented, [typePin(process.env.EHEALTH_TEST_EID_PIN!)]), true);
    } finally {
      rmSync(failures, { force: true });
    }
  });

  it('says where to get the eID software when the module is missing', async () => {
    await settings().update('eid.pkcs11Module', '/nowhere/libbeidpkcs11.so.0', vscode.ConfigurationTarget.Global);
    const rows = await rowsWhen((current) => current.some((row) => row.startsWith('eID software') && /eid\.belgium\.be/.test(row)), 'the missing-software row');
    assert.ok(rows.length >= 1);
  });
});
