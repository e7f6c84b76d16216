// The request as one wizard in the real workbench, with the sandbox and the virtual RSA eID: each
// question shows its step ("n/8" after the title, "Step 6 of 8" on the contract page), Back goes
// from the second phone to the first e-mail and from the contract page to the contact data with
// every answer kept, the contract page shows the summary of the request above the contract (and the
// answer changed after going back from it), and a request cancelled half-way starts again with the
// contact data given.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { click, clickInWebview, pressKey, renderedTexts, screenshot, waitFor, webviewTexts } from './harnessClient';
import { cards, password, typeAndEnter, useSettings } from './procedureAnswers';

const rsa = cards[0];
const contact = { email: 'amelie.wizard@example.be', secondEmail: 'cabinet.wizard@example.be', phone: '+32 2 123 45 67', newPhone: '+32 2 765 43 21' };
/** The phones as sent (and summed up): their digits. */
const phoneSent = '+3221234567';
const newPhoneSent = '+3227654321';

/** The quick input on screen: its title and message ('' when none is shown). */
async function visibleBox(): Promise<{ title: string; message: string }> {
  const [title = ''] = await renderedTexts('.quick-input-widget .quick-input-title');
  return { title, message: (await renderedTexts('.quick-input-widget .quick-input-message')).join(' ') };
}

/** Waits for the box whose title and message include these, and returns its title. */
async function box(title: string, message = ''): Promise<string> {
  return waitFor(`the box "${title}" "${message}"`, async () => {
    const shown = await visibleBox();
    return shown.title.includes(title) && shown.message.includes(message) && shown.title;
  });
}

/** The step VS Code shows after the title: "Contact data for eHealth (3/8)" -> [3, 8]. */
function stepOf(title: string): [number, number] | undefined {
  const match = /\((\d+)\/(\d+)\)\s*$/.exec(title);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

const back = () => click('.quick-input-widget .codicon-quick-input-back');
const pin = async () => {
  await box('eID PIN');
  await typeAndEnter(rsa.pin)();
};
const contractPage = () => waitFor('the contract page', async () => (await webviewTexts('#accept')).length > 0);
/** The contract page's text, from the top. */
const pageText = async () => (await webviewTexts('body')).join('\n');

describe('The request as a wizard, in VS Code', () => {
  useSettings({ 'eid.pkcs11Module': rsa.module, environment: 'sandbox' });

  before(async () => {
    await vscode.commands.executeCommand('ehealth.sandbox.start');
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
  });

  it('numbers the steps, goes back from the second phone to the first e-mail and from the contract to the contact data, keeping the answers, and shows the summary above the contract', async () => {
    const running = vscode.commands.executeCommand<{ keystore: string } | undefined>('ehealth.cert.request');
    await pin();

    await box('For whom');
    const holderTitle = await box('(1/8)');
    assert.deepEqual(stepOf(holderTitle), [1, 8], holderTitle);
    const rows = await renderedTexts('.quick-input-widget .monaco-list-row');
    assert.ok(rows.some((row) => row.includes('Myself: Amélie Françoise Lefèvre')), rows.join(' | '));
    assert.equal(await renderedTexts('.quick-input-widget .codicon-quick-input-back').then((found) => found.length), 0, 'no Back on the first step');
    await screenshot('wizard-holder');
    await click('.quick-input-widget .monaco-list-row', 'Myself');

    // Each contact box at its own step: the wait for "(n/8)" with the box's question is the check.
    await box('Contact data', 'E-mail address');
    await box('(2/8)', 'E-mail address');
    await typeAndEnter(contact.email)();
    await box('(3/8)', 'Second e-mail');
    await typeAndEnter(contact.secondEmail)();
    await box('(4/8)', 'Phone number');
    await typeAndEnter(contact.phone)();
    await box('(5/8)', 'Second phone');

    // Back three times, to the first e-mail; then forward again with Enter alone: the answers stayed.
    await back();
    await box('(4/8)', 'Phone number');
    await back();
    await box('(3/8)', 'Second e-mail');
    await back();
    await box('(2/8)', 'E-mail address');
    await screenshot('wizard-step');
    for (const step of ['(2/8)', '(3/8)', '(4/8)']) {
      await box(step);
      await pressKey('Enter');
    }
    await box('(5/8)', 'Second phone');
    await pressKey('Enter');

    await contractPage();
    const first = await pageText();
    assert.match(first, /Step 6 of 8/);
    for (const shown of ['Your request', 'Environment', 'Amélie Françoise Lefèvre (85.03.14-124.01)', contact.email, contact.secondEmail, phoneSent, 'Keystore saved in', `SSIN=${rsa.ssin} `]) assert.ok(first.includes(shown), `the summary shows ${shown}:\n${first}`);
    assert.ok(first.indexOf(phoneSent) < first.indexOf('Bac à sable'), 'the summary is above the contract text');
    await screenshot('contract-summary');

    // Back from the contract page: the last contact box, its answer kept. Back once more, a new
    // phone; then Back out to the holder and forward again: the new phone stays, and the summary
    // shows it.
    await clickInWebview('#back');
    await box('(5/8)', 'Second phone');
    await back();
    await box('(4/8)', 'Phone number');
    await typeAndEnter(contact.newPhone)();
    for (const step of ['(5/8)', '(4/8)', '(3/8)', '(2/8)']) {
      await box(step);
      await back();
    }
    await box('(1/8)', '');
    await click('.quick-input-widget .monaco-list-row', 'Myself');
    for (const step of ['(2/8)', '(3/8)', '(4/8)', '(5/8)']) {
      await box(step);
      await pressKey('Enter');
    }
    await contractPage();
    const changed = await pageText();
    assert.ok(changed.includes(newPhoneSent) && !changed.includes(phoneSent), `the summary shows the new phone only:\n${changed}`);
    for (const shown of [contact.email, contact.secondEmail]) assert.ok(changed.includes(shown), `the summary still shows ${shown}:\n${changed}`);
    await clickInWebview('#accept');

    await box('Password of the new keystore');
    await box('(7/8)');
    await typeAndEnter(password)();
    await box('(8/8)');
    await typeAndEnter(password)();
    await pin();

    const result = await running;
    assert.ok(result?.keystore, 'the request went through');
    assert.match(path.basename(result.keystore), new RegExp(`^SSIN=${rsa.ssin} `));
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('starts again with the contact data given, after a request cancelled half-way', async () => {
    const typed = 'restart.wizard@example.be';
    const cancelled = vscode.commands.executeCommand('ehealth.cert.request');
    await pin();
    await box('For whom');
    await click('.quick-input-widget .monaco-list-row', 'Myself');
    await box('(2/8)', 'E-mail address');
    await typeAndEnter(typed)();
    await box('(3/8)', 'Second e-mail');
    await pressKey('Escape');
    await Promise.resolve(cancelled).catch(() => undefined);
    await vscode.commands.executeCommand('notifications.clearAll');

    const running = vscode.commands.executeCommand('ehealth.cert.request');
    await pin();
    await box('For whom');
    await click('.quick-input-widget .monaco-list-row', 'Myself');
    // The e-mail accepted before the cancel is in its box: Enter alone (an empty box refuses it).
    await box('(2/8)', 'E-mail address');
    await pressKey('Enter');
    await box('(3/8)', 'Second e-mail');
    await typeAndEnter('')();
    await box('(4/8)', 'Phone number');
    await typeAndEnter(contact.phone)();
    await box('(5/8)', 'Second phone');
    await typeAndEnter('')();
    await contractPage();
    const page = await pageText();
    assert.ok(page.includes(typed), `the e-mail typed before the cancel is summed up:\n${page}`);
    await clickInWebview('#decline');
    await Promise.resolve(running).catch(() => undefined);
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
