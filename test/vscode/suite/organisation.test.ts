// An organisation eHealth does not list, requested from VS Code against the embedded sandbox with the
// virtual RSA eID: "Another organisation I may manage certificates for…", then the type, the number
// (checked as it is typed), the official name and the application ID, in that order (the order the
// organisation guide names them, test/unit/guides/organisationGuide.test.ts); the request waits for
// eHealth's manual validation, which the sandbox's validator gives; then it completes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { inspectFile } from '../../../src/keystore/inspect';
import { click, pressKey, renderedTexts, typeText, waitFor } from './harnessClient';
import { answerUntilDone, cards, password, requestAnswers, typeAndEnter, useSettings, type Answer } from './procedureAnswers';
import { inThreadDeriver } from './sandboxKeystore';

const TYPED = 'Another organisation I may manage certificates for';
const message = () => renderedTexts('.quick-input-widget .quick-input-message').then((texts) => texts.join(' '));

describe('An organisation typed by hand in VS Code', () => {
  const rsa = cards[0];
  let sandbox = '';
  let requested: { keystore: string; publicKeyIdentifier: string; automaticallyValidated: boolean } | undefined;
  /** Each question of the typed organisation as the face asked it, in order. */
  const asked: string[] = [];
  const seen: Record<string, string> = {};

  useSettings({ 'eid.pkcs11Module': rsa.module, environment: 'sandbox' });

  before(async () => {
    sandbox = await vscode.commands.executeCommand<string>('ehealth.sandbox.start');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
  });

  /** A personal request's answers, but for whom: ours first (the holder pick, the application ID). */
  const withHolder = (holder: Answer[]) => [...holder, ...requestAnswers(rsa.pin, { secondEmail: '', phone: '+32 2 123 45 67' }).filter((answer) => !answer.when('For whom is the certificate?', ''))];
  const pickTyped: Answer = { when: (title, text) => title.includes('For whom') && !text, act: () => click('.quick-input-widget .monaco-list-row', TYPED) };

  it('asks the type, the number (refusing a wrong length as it is typed), the official name and the application ID; eHealth validates it by hand', async () => {
    const result = await answerUntilDone(
      vscode.commands.executeCommand<typeof requested>('ehealth.cert.request'),
      withHolder([
        pickTyped,
        {
          when: (title, text) => title.includes(TYPED) && !text,
          act: async () => {
            asked.push('type');
            await typeText('NIHII-HOSPITAL');
            await click('.quick-input-widget .monaco-list-row', 'NIHII-HOSPITAL');
          },
        },
        {
          when: (title, text) => title.includes(TYPED) && text.includes('Number of the organisation'),
          act: async () => {
            asked.push('number');
            await typeText('710004X');
            seen.letter = await waitFor('the live check', async () => (await message()).includes('digits only') && (await message()));
            // Too short: Enter does nothing, the box stays with the reason.
            await typeAndEnter('7100043')();
            await new Promise((resolve) => setTimeout(resolve, 500));
            seen.short = (await renderedTexts('.quick-input-widget .quick-input-title')).join(' ').includes(TYPED) ? await message() : 'the box closed';
            await typeAndEnter('71000436')();
          },
        },
        { when: (title, text) => title.includes(TYPED) && text.includes('Official name'), act: async () => (asked.push('name'), typeAndEnter('Hopital du Val')()) },
        { when: (title, text) => title.includes('For whom') && text.includes('Application ID'), act: async () => (asked.push('application-id'), typeAndEnter('GATEWAY')()) },
      ]),
    );
    assert.deepEqual(asked, ['type', 'number', 'name', 'application-id']);
    assert.match(seen.letter, /A NIHII-HOSPITAL number has digits only/);
    assert.match(seen.short, /A NIHII-HOSPITAL number has 8 digits/);
    assert.ok(result, 'the request returns what it created');
    requested = result;
    assert.equal(result.automaticallyValidated, false);
    assert.match(path.basename(result.keystore), /^NIHII-HOSPITAL=71000436,GATEWAY \d{8}-\d{6}\.sandbox-p12$/);
    await vscode.commands.executeCommand('notifications.showList');
    const messages = (await renderedTexts('.notifications-center .notification-list-item-message', 5_000)).join('\n');
    assert.match(messages, /eHealth validates this request by hand: it stays pending until eHealth approves it/, messages);
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('shows the application IDs in use and refuses a taken one as it is typed', async () => {
    const running = answerUntilDone(
      vscode.commands.executeCommand('ehealth.cert.request'),
      withHolder([
        pickTyped,
        { when: (title, text) => title.includes(TYPED) && !text, act: async () => (await typeText('NIHII-HOSPITAL'), click('.quick-input-widget .monaco-list-row', 'NIHII-HOSPITAL')) },
        { when: (title, text) => title.includes(TYPED) && text.includes('Number of the organisation'), act: typeAndEnter('71000436') },
        { when: (title, text) => title.includes(TYPED) && text.includes('Official name'), act: typeAndEnter('Hopital du Val') },
        {
          when: (title, text) => title.includes('For whom') && text.includes('Application ID'),
          act: async () => {
            seen.inUse = await message();
            await typeText('GATEWAY');
            seen.taken = await waitFor('the taken id refused', async () => (await message()).includes('already has a certificate') && (await message()));
            await pressKey('Escape');
          },
        },
      ]),
    );
    await running;
    assert.match(seen.inUse, /Already in use for this organisation: GATEWAY/);
    assert.match(seen.taken, /already has a certificate with this application ID/);
  });

  it('goes back box by box (application ID, name, number, type, list) with what was typed kept, the typed organisation active in the list', async () => {
    /** Waits for the box whose title includes `title` and whose message includes `text` ('': a list, no message; undefined: any). */
    const shown = (title: string, text?: string) =>
      waitFor(`the box "${title}" "${text}"`, async () => {
        const [shownTitle, shownMessage] = [(await renderedTexts('.quick-input-widget .quick-input-title')).join(' '), await message()];
        return shownTitle.includes(title) && (text === undefined || (text ? shownMessage.includes(text) : !shownMessage));
      });
    const back = () => click('.quick-input-widget .codicon-quick-input-back');
    const running = vscode.commands.executeCommand('ehealth.cert.request');
    await shown('eID PIN');
    await typeAndEnter(rsa.pin)();
    await shown('For whom', '');
    await click('.quick-input-widget .monaco-list-row', TYPED);
    await shown(TYPED, '');
    await typeText('NIHII-HOSPITAL');
    await click('.quick-input-widget .monaco-list-row', 'NIHII-HOSPITAL');
    await shown(TYPED, 'Number of the organisation');
    await typeAndEnter('71000436')();
    await shown(TYPED, 'Official name');
    await typeAndEnter('Clinique du Retour')();
    await shown('For whom', 'Application ID');
    // Back from the application ID: the name typed, then the number, the type, the list.
    await back();
    await shown(TYPED, 'Official name');
    await back();
    await shown(TYPED, 'Number of the organisation');
    await back();
    await shown(TYPED, '');
    await back();
    await shown('For whom', '');
    const active = await waitFor('the active item', async () => (await renderedTexts('.quick-input-widget .monaco-list-row.focused')).join(' '));
    assert.match(active, new RegExp(TYPED), 'the typed organisation is the active item, not the first one');
    // Forward with Enter alone: the type is the active item, the number and the name are in their
    // boxes (an empty one refuses Enter), up to the application ID of the same organisation.
    await pressKey('Enter');
    await shown(TYPED, '');
    await waitFor('the type answered before, active', async () => (await renderedTexts('.quick-input-widget .monaco-list-row.focused')).join(' ').includes('NIHII-HOSPITAL'));
    await pressKey('Enter');
    await shown(TYPED, 'Number of the organisation');
    await pressKey('Enter');
    await shown(TYPED, 'Official name');
    await pressKey('Enter');
    await shown('For whom', 'Application ID');
    await pressKey('Escape');
    await Promise.resolve(running).catch(() => undefined);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('stays pending until the sandbox\'s validator approves it, then completes', async () => {
    assert.ok(requested);
    const unlock: Answer = { when: (title) => title.includes('Unlock') || title.includes(path.basename(requested!.keystore)), act: typeAndEnter(password) };
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.complete', requested.keystore), [unlock]);
    assert.equal((await inspectFile(requested.keystore, { password, deriver: inThreadDeriver })).keystore.status, 'pending');
    const approved = await fetch(`${sandbox}/sandbox/behaviour`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ approve: requested.publicKeyIdentifier }) });
    assert.equal(approved.status, 200);
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.complete', requested.keystore), [unlock]);
    const opened = await inspectFile(requested.keystore, { password, deriver: inThreadDeriver });
    assert.equal(opened.keystore.status, 'valid', JSON.stringify(opened.keystore.warnings));
    assert.equal(opened.keystore.holder?.name, 'HOPITAL DU VAL');
  });
});
