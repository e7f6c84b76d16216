// Guides that match the engine, in a real workbench against the sandbox with the virtual RSA eID:
// once a request is completed, the complete guide's checks say the certificate is delivered, the
// keystore complete (after Unlock) and its ETK published (asked of the ETK depot, no eID); the
// revoke guide reads eHealth's list, revokes the chosen holder's certificate with the eID alone
// from its button, then says it is revoked and no longer counts the old keystore as found.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readableIdentifier } from '../../../src/core/readableIdentifier';
import { checkLine, chooseHolder } from './checklistPage';
import { click, clickInWebview, renderedTexts, screenshot, waitFor } from './harnessClient';
import { answerUntilDone, cards, noPasswordAsked, password, requestAnswers, typeAndEnter, typePin, useSettings, type Answer } from './procedureAnswers';

const { module, pin, ssin } = cards[0];
// The holder as the guide's dropdown shows it: the SSIN as people write it (the name beside it once known).
const holder = readableIdentifier('SSIN', ssin);
const typePassword: Answer = { when: (title) => title.includes('Unlock'), act: typeAndEnter(password) };

async function openGuide(id: string): Promise<void> {
  await vscode.commands.executeCommand('ehealth.guides.open', id);
  await chooseHolder(holder);
}

describe('Guides follow the engine: complete, then revoke with the eID', () => {
  let keystore = '';
  useSettings({ 'eid.pkcs11Module': module, environment: 'sandbox', language: 'en' });

  before(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    const requested = await answerUntilDone(vscode.commands.executeCommand<{ keystore: string } | undefined>('ehealth.cert.request'), requestAnswers(pin, { secondEmail: '', phone: '+32 2 123 45 67' }));
    assert.ok(requested?.keystore);
    keystore = requested.keystore;
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.complete', keystore), [typePassword]);
    // The request's password is kept for the session, so the completed keystore is open: locked
    // again (which forgets the password), as on another day, the guide asks to unlock it.
    await vscode.commands.executeCommand('ehealth.keystore.lock', keystore);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    await vscode.commands.executeCommand('ehealth.keystore.lock', keystore);
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('complete guide: delivered from the completion, complete once unlocked, the ETK published as the depot says', async () => {
    await openGuide('complete-certificate');
    await checkLine('complete', /certificate delivered: ok/);
    await checkLine('complete', /keystore complete: unlock to check/);
    await clickInWebview('section[data-step="complete"] vscode-button.unlock');
    await answerUntilDone(checkLine('complete', /keystore complete: ok/, 30_000), [typePassword]);
    await checkLine('etk-published', /ETK published: ok/, 30_000);
  });

  it("revoke guide: eHealth's list read, the holder's certificate revoked with the eID alone, the old keystore no longer found", async () => {
    await openGuide('revoke-and-request-again');
    await checkLine('request-again', /keystore found: ok/);
    // The list shows in the Certificates at eHealth view: read, it links the new keystore.
    await vscode.commands.executeCommand('ehealth.authority.focus');
    await clickInWebview('section[data-step="list-certificates"] vscode-button.action');
    const listed = waitFor('the certificate read with its keystore', async () => (await renderedTexts('.part.sidebar .monaco-list-row')).some((row) => row.includes(path.basename(keystore))), 45_000);
    await answerUntilDone(listed, [typePin(pin)]);

    // Revoked with the eID alone: once done, the old keystore no longer counts as found.
    await clickInWebview('section[data-step="revoke"] vscode-button.action');
    await answerUntilDone(checkLine('request-again', /keystore found: not yet/, 60_000), [
      { when: (title) => title.includes('Revoke the certificate'), act: () => click('.quick-input-widget .monaco-list-row', 'Revoke for good') },
      { when: (title) => title.includes('Why revoke'), act: () => click('.quick-input-widget .monaco-list-row', 'It is replaced') },
      typePin(pin),
      noPasswordAsked,
    ]);
    await checkLine('revoke', /certificate revoked: ok/);
    // Clicking a title scrolls the revoked step and the request that follows into sight.
    await clickInWebview('section[data-step="request-again"] h2');
    await screenshot('guide-revoked');
  });
});
