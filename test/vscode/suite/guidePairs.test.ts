// Guides that match the engine, in a real workbench against the sandbox with the virtual RSA eID:
// once a request is completed, the complete guide's checks say the certificate is delivered, the
// keystore complete (after Unlock) and its ETK published (asked of the ETK depot, no eID); the
// revoke guide reads eHealth's list, revokes the chosen holder's certificate with the eID alone
// from its button, then says it is revoked and no longer counts the old keystore as found.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { click, clickInWebview, renderedTexts, screenshot, waitFor, webviewTexts } from './harnessClient';
import { answerUntilDone, cards, password, requestAnswers, settings, typeAndEnter, type Answer } from './procedureAnswers';

const { module, pin, ssin } = cards[0];
const holder = `SSIN=${ssin}`;
const typePin: Answer = { when: (title) => title.includes('eID PIN'), act: typeAndEnter(pin) };
const typePassword: Answer = { when: (title) => title.includes('Unlock'), act: typeAndEnter(password) };

const checkLine = (step: string, pattern: RegExp, timeoutMs = 20_000) =>
  waitFor(`a check of step ${step} to match "${pattern.source}"`, async () => (await webviewTexts(`section[data-step="${step}"] li.check`, 3000)).find((text) => pattern.test(text)), timeoutMs);

async function openGuide(id: string): Promise<void> {
  await vscode.commands.executeCommand('ehealth.guides.open', id);
  await waitFor('the holder option', async () => {
    await clickInWebview('vscode-single-select#holder');
    return (await webviewTexts('vscode-single-select#holder .option', 2000)).some((text) => text.includes(holder));
  });
  await clickInWebview('vscode-single-select#holder .option', holder);
}

describe('Guides follow the engine: complete, then revoke with the eID', () => {
  let keystore = '';

  before(async () => {
    await settings().update('eid.pkcs11Module', module, vscode.ConfigurationTarget.Global);
    await settings().update('environment', 'sandbox', vscode.ConfigurationTarget.Global);
    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('notifications.clearAll');
    const requested = await answerUntilDone(vscode.commands.executeCommand<{ keystore: string } | undefined>('ehealth.cert.request'), requestAnswers(pin, { secondEmail: '', phone: '+32 2 123 45 67' }));
    assert.ok(requested?.keystore);
    keystore = requested.keystore;
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.complete', keystore), [typePassword]);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    await vscode.commands.executeCommand('ehealth.keystore.lock', keystore);
    for (const setting of ['eid.pkcs11Module', 'environment', 'language']) await settings().update(setting, undefined, vscode.ConfigurationTarget.Global);
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
    await answerUntilDone(listed, [typePin]);

    // Revoked with the eID alone: once done, the old keystore no longer counts as found.
    await clickInWebview('section[data-step="revoke"] vscode-button.action');
    await answerUntilDone(checkLine('request-again', /keystore found: not yet/, 60_000), [
      { when: (title) => title.includes('Revoke the certificate'), act: () => click('.quick-input-widget .monaco-list-row', 'Revoke for good') },
      { when: (title) => title.includes('Why revoke'), act: () => click('.quick-input-widget .monaco-list-row', 'It is replaced') },
      typePin,
      { when: (title) => title.includes('Unlock') || title.includes('password'), act: () => Promise.reject(new Error('a keystore password was asked')) },
    ]);
    await checkLine('revoke', /certificate revoked: ok/);
    // Clicking a title scrolls the revoked step and the request that follows into sight.
    await clickInWebview('section[data-step="request-again"] h2');
    await screenshot('guide-revoked');
  });
});
