// The "Certificates at eHealth" view against the sandbox with the virtual RSA eID: empty until the
// user reads it (a PIN), then the certificate just requested with its keystore, the actions its
// status allows in its menu (requested: Complete; valid in its renewal window: Renew and Revoke;
// revoked: only Copy), out of date after a procedure, the keystore shown in the Keystores
// view, a revocation from the view once the keystore file is gone (the eID alone), and one list
// per environment.
import * as assert from 'node:assert/strict';
import { mkdtempSync, renameSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readableIdentifier } from '../../../src/core/readableIdentifier';
import { formatDate } from '../../../src/i18n/dates';
import type { AuthorityCertificate } from '../../../src/procedures';
import { click, contextMenuItems, contextMenuOf, renderedTexts, screenshot, waitFor, widen } from './harnessClient';
import { answerUntilDone, cards, noPasswordAsked, password, requestAnswers, settings, typeAndEnter, typePin, useSettings } from './procedureAnswers';

const rowSelector = '.part.sidebar .monaco-list-row';
const { module, pin, ssin } = cards[0];

const rows = async () => (await renderedTexts(rowSelector)).map((row) => row.replace(/\s+/g, ' ').trim());

function rowsWhen(what: string, ready: (rows: string[]) => boolean, timeoutMs?: number): Promise<string[]> {
  return waitFor(
    what,
    async () => {
      const current = await rows();
      return ready(current) ? current : undefined;
    },
    timeoutMs,
  );
}

/** Opens the context menu of the first row showing `text`; its items once shown. */
const openMenu = (text: string) => contextMenuOf(rowSelector, text);

/**
 * Clicks a menu item until the menu closes: VS Code ignores a click that comes too soon after the
 * right-click that opened the menu.
 */
async function chooseInMenu(item: string): Promise<void> {
  await waitFor(`"${item}" chosen`, async () => {
    await click('.context-view .action-label', item);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return (await renderedTexts('.context-view .action-label')).length === 0;
  });
}

/** The items of that menu, then closed. */
const menuOf = (text: string) => contextMenuItems(rowSelector, text);

/** Reads eHealth's list with the eID (the PIN typed in its box). */
function readWithEid(): Promise<AuthorityCertificate[] | undefined> {
  return answerUntilDone(vscode.commands.executeCommand<AuthorityCertificate[] | undefined>('ehealth.authority.refresh'), [typePin(pin)]);
}

describe('Certificates at eHealth view', () => {
  let requested: { keystore: string; publicKeyIdentifier: string };

  // Certificates of 30 days are in their renewal window (the last 90 days) as soon as delivered.
  useSettings({ 'eid.pkcs11Module': module, environment: 'sandbox', 'sandbox.validityDays': 30 });

  before(async () => {
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('ehealth.authority.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('is read on demand only: its welcome offers to read the certificates with the eID', async () => {
    const welcome = await waitFor('the welcome of the view', async () => (await renderedTexts('.part.sidebar .welcome-view-content')).find((text) => text.includes('Read my certificates with the eID')));
    assert.match(welcome, /asks your eID PIN/);
  });

  it('lists a certificate just requested with its keystore; its menu offers Complete, not Revoke or Renew', async () => {
    const result = await answerUntilDone(
      vscode.commands.executeCommand<{ keystore: string; publicKeyIdentifier: string } | undefined>('ehealth.cert.request'),
      requestAnswers(pin, { secondEmail: '', phone: '+32 2 123 45 67' }),
    );
    assert.ok(result);
    requested = result;
    await vscode.commands.executeCommand('notifications.clearAll');

    const certificates = await readWithEid();
    const mine = certificates?.find((certificate) => certificate.publicKeyIdentifier === requested.publicKeyIdentifier);
    assert.ok(mine, `the new certificate in ${JSON.stringify(certificates)}`);
    assert.equal(mine.status, 'IN_PROGRESS');
    assert.deepEqual(mine.holder, { type: 'SSIN', id: ssin });
    // The new keystore's certificates are encrypted: it is recognised by its name and time.
    assert.equal(mine.keystore, requested.keystore);
    assert.equal(mine.keystoreMatchedBy, 'file-name');

    const shown = await rowsWhen('the certificate rows', (current) => current.some((row) => row.includes('ETK not registered')));
    assert.ok(shown.some((row) => row.includes(readableIdentifier('SSIN', ssin))), `the holder row, its SSIN as people write it, in ${JSON.stringify(shown)}`);
    assert.ok(shown.some((row) => row.startsWith('Requested') && /requested on \d{1,2} \w{3} \d{4}/.test(row)), JSON.stringify(shown));
    assert.ok(shown.some((row) => row.includes(path.basename(requested.keystore)) && row.includes('local keystore')));

    const menu = await menuOf('ETK not registered');
    assert.ok(menu.includes('Complete request'), JSON.stringify(menu));
    assert.ok(menu.includes('Copy public key identifier'), JSON.stringify(menu));
    assert.ok(menu.includes('Show the local keystore'), JSON.stringify(menu));
    assert.ok(!menu.some((item) => item.startsWith('Revoke') || item.startsWith('Renew')), JSON.stringify(menu));
  });

  it('runs Complete from its menu on the listed keystore; the list is then out of date until read again, which shows it valid, to renew and revocable', async () => {
    await openMenu('ETK not registered');
    await chooseInMenu('Complete request');
    // Once completed, the list is out of date: the row that reads it again comes first.
    const outOfDate = rowsWhen('the out-of-date row', (current) => current.some((row) => row.includes('Read again with the eID') && row.includes('may have changed since')), 45_000);
    await answerUntilDone(outOfDate, [{ when: (title) => title.includes('Unlock') || title.includes(path.basename(requested.keystore)), act: typeAndEnter(password) }]);

    const certificates = await readWithEid();
    const mine = certificates?.find((certificate) => certificate.publicKeyIdentifier === requested.publicKeyIdentifier);
    assert.equal(mine?.status, 'VALID_ACTIVE');
    assert.equal(mine?.etkStatus, 'VALID_ACTIVE');
    assert.equal(mine?.revocable, true);
    assert.equal(mine?.replaceable, true);
    // The rows drawn before this reading may already say "ETK active", beside the out-of-date row.
    const shown = await rowsWhen('the valid certificate, no longer out of date', (current) => current.some((row) => row.includes('ETK active')) && !current.some((row) => row.includes('Read again with the eID')));
    assert.ok(shown.some((row) => row.startsWith('Valid, to renew') && /until \d{1,2} \w{3} \d{4} · ETK active/.test(row)), JSON.stringify(shown));

    const menu = await menuOf('ETK active');
    assert.ok(menu.includes('Revoke with the eID...'), JSON.stringify(menu));
    assert.ok(menu.includes('Renew certificate...'), JSON.stringify(menu));
    assert.ok(!menu.includes('Complete request'), JSON.stringify(menu));
    await widen('.part.sidebar', 250);
    await screenshot('authority-certificates');
  });

  it('shows the keystore row\'s file in the Keystores view', async () => {
    await click(rowSelector, path.basename(requested.keystore));
    // The Keystores view describes a file by its holder and creation day (2 Dec 2026).
    const [, year, month, day, hour, minute] = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})/.exec(path.basename(requested.keystore))!;
    const created = formatDate(`${year}-${month}-${day}T${hour}:${minute}:00`, 'en', 'short');
    const selected = await waitFor('the keystore selected in the Keystores view', async () => (await renderedTexts(`${rowSelector}.selected`)).find((row) => row.includes(created)));
    assert.ok(selected.includes(readableIdentifier('SSIN', ssin)), selected);
  });

  it('revokes from the view with the eID alone once the keystore file is gone; read again, it is REVOKED', async () => {
    renameSync(requested.keystore, path.join(mkdtempSync(path.join(os.tmpdir(), 'moved-away-')), path.basename(requested.keystore)));
    await vscode.commands.executeCommand('ehealth.authority.focus');
    // The link follows the files, not the moment eHealth was read.
    await rowsWhen('the keystore row gone with its file', (current) => !current.some((row) => row.includes(path.basename(requested.keystore))));
    const menu = await openMenu('ETK active');
    assert.ok(!menu.includes('Show the local keystore') && !menu.includes('Renew certificate...'), JSON.stringify(menu));
    await chooseInMenu('Revoke with the eID...');
    const question = await waitFor('the confirmation', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).find((title) => title.includes('Revoke the certificate')));
    assert.ok(question.includes(readableIdentifier('SSIN', ssin)), `it names the holder: ${question}`);
    assert.match(question, /Revocation is final/);
    const choices = await renderedTexts('.quick-input-widget .monaco-list-row');
    assert.match(choices[0] ?? '', /No, keep it/, 'keeping it comes first');
    await screenshot('authority-revoke-confirm');
    await click('.quick-input-widget .monaco-list-row', 'Revoke for good');
    // No password is asked: the reason, the PIN and the contract only.
    // Once revoked, the list is out of date: what eHealth said no longer holds.
    const revoked = rowsWhen('the list out of date', (current) => current.some((row) => row.includes('Read again with the eID')), 45_000);
    await answerUntilDone(revoked, [
      { when: (title) => title.includes('Why revoke'), act: () => click('.quick-input-widget .monaco-list-row', 'It is replaced') },
      typePin(pin),
      noPasswordAsked,
    ]);
    // Before any reading: the certificate just revoked shows so and offers nothing left to do on it.
    await rowsWhen('the certificate marked revoked', (current) => current.some((row) => row.startsWith('Revoked')));
    assert.deepEqual(await menuOf('Revoked'), ['Copy public key identifier']);

    const certificates = await readWithEid();
    const mine = certificates?.find((certificate) => certificate.publicKeyIdentifier === requested.publicKeyIdentifier);
    assert.equal(mine?.status, 'REVOKED');
    assert.equal(mine?.revocable, false);
    assert.equal(mine?.keystore, undefined, 'the file was moved away');
    const shown = await rowsWhen('the revoked certificate', (current) => current.some((row) => row.startsWith('Revoked')));
    assert.ok(!shown.some((row) => row.includes(path.basename(requested.keystore))), 'no keystore row');
    assert.deepEqual(await menuOf('Revoked'), ['Copy public key identifier']);
  });

  it('belongs to its environment: another one shows the welcome again; back, the list is marked out of date', async () => {
    await settings().update('environment', 'acceptance', vscode.ConfigurationTarget.Global);
    await waitFor('the welcome in acceptance', async () => (await renderedTexts('.part.sidebar .welcome-view-content')).find((text) => text.includes('Read my certificates with the eID')));
    assert.ok(!(await rows()).some((row) => row.startsWith('Revoked')), 'the sandbox\'s answer is not shown for acceptance');
    await settings().update('environment', 'sandbox', vscode.ConfigurationTarget.Global);
    const shown = await rowsWhen('the sandbox list, out of date', (current) => current.some((row) => row.includes('Read again with the eID')));
    assert.ok(shown.some((row) => row.startsWith('Revoked')), JSON.stringify(shown));
  });
});
