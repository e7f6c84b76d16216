// Identifier checks as a guide step runs them: typed into the input box, judged as the user types.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { pressKey, renderedTexts, typeText, waitFor } from './harnessClient';

const message = () => waitFor('the input box message', async () => (await renderedTexts('.quick-input-widget .quick-input-message')).join(' ').trim() || undefined);

describe('Identifier checks', () => {
  it('checks a national number as it is typed, and gives its written form', async () => {
    const checked = vscode.commands.executeCommand<string | undefined>('ehealth.identifier.validateSsin');
    await waitFor('the NISS input box', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).some((title) => title.includes('national number')));
    await typeText('79021802146');
    await waitFor('the refusal', async () => (await message()).includes('not a valid national number'));
    await pressKey('Backspace');
    await typeText('5');
    await waitFor('the details', async () => (await message()).includes('born 1979-02-18, man'));
    await pressKey('Enter');
    assert.equal(await checked, '79.02.18-021.45');
  });

  it('checks an enterprise number given by the guide, old 9-digit form included', async () => {
    assert.equal(await vscode.commands.executeCommand('ehealth.identifier.validateCbe', '123.456.749'), '0123.456.749');
    assert.equal(await vscode.commands.executeCommand('ehealth.identifier.validateCbe', '0123.456.748'), undefined);
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
