// Progress and passwords in the real workbench, with the sandbox and the virtual RSA eID: no
// progress notification stays up while a question is shown (quick input, contract page), the
// progress says what is done in words; "Complete now" right after a request asks no password (the
// one chosen is kept for the session); a wrong keystore password keeps its box open with the
// reason; a new password equal to the current one is refused in its box; Cancel on a progress
// notification stops the procedure before its next question; a request cancelled while the card is
// waited for keeps no password for the keystore it deleted; and a card taken out before signing is
// waited for ("Insert your eID to sign") until it is back.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { inspectFile } from '../../../src/keystore/inspect';
import { click, pressKey, renderedTexts, screenshot, typeText, waitFor, webviewTexts } from './harnessClient';
import { answerUntilDone, cards, noPasswordAsked, password, requestAnswers, settings, typeAndEnter, useSettings } from './procedureAnswers';
import { inThreadDeriver } from './sandboxKeystore';

const rsa = cards[0];
const removed = path.join(rsa.dir, 'removed');
const contact = { secondEmail: '', phone: '+32 2 123 45 67' };

// The harness runs VS Code with its smoke-test driver, which shows no toasts: the suite keeps the
// notification center open (a first message keeps it from closing when it empties) and reads it.
const center = '.notifications-center .monaco-list-row';
/** The progress notifications running (their text), and the question on screen ('' for none). */
const progressToasts = () => renderedTexts(`${center}:has(.monaco-progress-container.active) .notification-list-item-message`);
/** Closes the quick input shown, wherever the focus is. */
const closeQuickInput = () => vscode.commands.executeCommand('workbench.action.closeQuickOpen');
const quickInputTitle = async () => (await renderedTexts('.quick-input-widget .quick-input-title'))[0] ?? '';
const boxMessage = async () => (await renderedTexts('.quick-input-widget .quick-input-message')).join(' ');

/**
 * Watches the workbench until `stop` settles: every progress text seen, and each moment a progress
 * notification was up while a question (quick input or contract page) was shown.
 */
function watchProgress(stop: Promise<unknown>) {
  const seen = new Set<string>();
  const overlaps: string[] = [];
  let running = true;
  void stop.finally(() => (running = false)).catch(() => undefined);
  const done = (async () => {
    let before = '';
    while (running) {
      const toasts = await progressToasts();
      toasts.forEach((text) => seen.add(text));
      const question = toasts.length ? (await quickInputTitle()) || ((await webviewTexts('#accept')).length ? 'the contract page' : '') : '';
      const overlap = question && (await progressToasts()).length ? `${question} under "${toasts.join(' | ')}"` : '';
      // Seen twice in a row: a box closing as a step starts (one frame of the workbench) is not one.
      if (overlap && overlap === before) overlaps.push(overlap);
      before = overlap;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return { seen, overlaps, done };
}

describe('Progress between the questions, the card waited for, passwords kept', function () {
  this.timeout(180_000);
  let keystore = '';
  let sandbox = '';
  /** Every answer of the sandbox delayed this long: each step's progress stays up long enough to be seen. */
  const delayAnswers = (delayMs: number) => fetch(`${sandbox}/sandbox/behaviour`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delayMs }) });
  useSettings({ 'eid.pkcs11Module': rsa.module, environment: 'sandbox' });

  before(async () => {
    sandbox = await vscode.commands.executeCommand<string>('ehealth.sandbox.start');
    await vscode.commands.executeCommand('notifications.clearAll');
    void vscode.window.showInformationMessage('Progress and passwords: the notification center stays open');
    await vscode.commands.executeCommand('notifications.showList');
  });
  after(async () => {
    rmSync(removed, { force: true });
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
  });

  it('shows progress in words, never while a question is open', async () => {
    assert.equal((await delayAnswers(1500)).status, 200);
    const running = vscode.commands.executeCommand<{ keystore: string } | undefined>('ehealth.cert.request');
    const watch = watchProgress(Promise.resolve(running).finally(() => delayAnswers(0)));
    let shot = false;
    const result = await answerUntilDone(running, requestAnswers(rsa.pin, contact).map((answer) => ({
      ...answer,
      act: async () => {
        if (!shot && (await quickInputTitle()).includes('Contact data')) {
          shot = true;
          await screenshot('progress-ended-before-question');
        }
        await answer.act();
      },
    })));
    await watch.done;
    assert.ok(result?.keystore, 'the request created its keystore');
    keystore = result.keystore;
    const seen = [...watch.seen].join('\n');
    assert.deepEqual(watch.overlaps, [], 'no progress notification while a question is shown');
    assert.match(seen, /Checking what you may request/, `progress in words (seen: ${seen})`);
    assert.match(seen, /Sending the request to eHealth/, `the step after the PIN shown again (seen: ${seen})`);
    assert.doesNotMatch(seen, /GetActorQualities|GenerateContract|GenerateCertificate/, 'operation names stay in the log');
  });

  it('"Complete now" right after the request asks no password: the one chosen is kept for the session', async () => {
    await waitFor('the request result with "Complete now"', async () => (await renderedTexts(`${center} .monaco-button`)).includes('Complete now'), 15_000);
    await click(`${center} .monaco-button`, 'Complete now');
    const completed = waitFor('the keystore completed', async () => (await inspectFile(keystore, { password, deriver: inThreadDeriver })).keystore.status === 'valid', 60_000);
    await answerUntilDone(completed, [noPasswordAsked]);
    // The procedure ends after the file is written (it keeps the password, refreshes the tree): the
    // next test locks the keystore only once the procedure has said it is done.
    await waitFor('the completion notice', async () => (await renderedTexts(`${center} .notification-list-item-message`)).some((text) => text.startsWith('Certificate completed:')), 30_000);
  });

  it('keeps the keystore password box open on a wrong password, with the reason; the right one goes on', async () => {
    await vscode.commands.executeCommand('ehealth.keystore.lock', keystore);
    const status = vscode.commands.executeCommand<{ authority?: { status: string } } | undefined>('ehealth.cert.status', keystore);
    await waitFor('the keystore password box', async () => (await quickInputTitle()).includes('Unlock'));
    await typeAndEnter('Not-the-password-1')();
    const reason = await waitFor('the wrong-password message', async () => (await boxMessage()).includes('Wrong password') && (await boxMessage()));
    assert.ok((await quickInputTitle()).includes('Unlock'), 'the box stays open');
    await screenshot('wrong-keystore-password');
    assert.match(reason, /Wrong password/);
    await typeAndEnter(password)();
    assert.equal((await status)?.authority?.status, 'VALID_ACTIVE');
  });

  it('refuses a new password equal to the current one in its box', async () => {
    const changing = vscode.commands.executeCommand('ehealth.keystore.changePassword', keystore);
    await waitFor('the new password box', async () => (await boxMessage()).includes('New password') || (await quickInputTitle()).includes('2/3'));
    await pressKey('Control+A');
    await typeText(password);
    await pressKey('Enter');
    try {
      await waitFor('the same-password message', async () => (await boxMessage()).includes('same as the current one'));
      assert.match(await quickInputTitle(), /Change the password/, 'the box stays open');
      await screenshot('same-password-refused');
    } finally {
      await closeQuickInput();
    }
    await changing;
    // Gone from the screen before the next test looks for questions.
    await waitFor('the box closed', async () => !(await quickInputTitle()));
    // Unchanged: it still opens with its password.
    assert.equal((await inspectFile(keystore, { password, deriver: inThreadDeriver })).keystore.status, 'valid');
  });

  it('revokes the certificate (the suites after this one request for the same card)', async () => {
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.revoke', keystore), [
      noPasswordAsked,
      { when: (title) => title.includes('Why revoke'), act: () => click('.quick-input-widget .monaco-list-row', 'It is replaced') },
      { when: (title) => title.includes('eID PIN'), act: typeAndEnter(rsa.pin) },
    ]);
  });

  it('Cancel while "Checking what you may request…" stops the request: no question follows, no keystore written', async () => {
    const folder = path.dirname(keystore);
    const before = readdirSync(folder);
    await delayAnswers(3000);
    const running = Promise.resolve(vscode.commands.executeCommand('ehealth.cert.request')).catch((error: unknown) => error);
    try {
      let pinTyped = false;
      await waitFor('"Checking what you may request…"', async () => {
        // The PIN comes first (the question is signed with the eID).
        if (!pinTyped && (await quickInputTitle()).includes('eID PIN')) {
          pinTyped = true;
          await typeAndEnter(rsa.pin)();
        }
        return (await progressToasts()).join('\n').includes('Checking what you may request');
      }, 60_000);
      await click(`${center}:has(.monaco-progress-container.active) .monaco-button`, 'Cancel');
    } finally {
      await delayAnswers(0);
    }
    let asked = '';
    const watching = (async () => {
      for (let i = 0; i < 30 && !asked; i++) {
        asked = await quickInputTitle();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    await watching;
    // A question asked after Cancel is closed, so the request ends either way.
    if (asked) await closeQuickInput();
    await running;
    assert.equal(asked, '', 'no question after Cancel');
    assert.deepEqual(readdirSync(folder), before);
  });

  it("Cancel while waiting for the card, passwords remembered: the deleted keystore's password is kept nowhere", async () => {
    await settings().update('keystore.rememberPasswords', true, vscode.ConfigurationTarget.Global);
    const folder = path.dirname(keystore);
    const before = new Set(readdirSync(folder));
    let created = '';
    try {
      rmSync(removed, { force: true });
      const running = Promise.resolve(vscode.commands.executeCommand('ehealth.cert.request')).catch((error: unknown) => error);
      let pulled = false;
      const cancel = (async () => {
        await waitFor('the card to be taken out', async () => pulled, 120_000);
        await waitFor('"Insert your eID to sign"', async () => (await progressToasts()).join('\n').includes('Insert your eID to sign'), 30_000);
        created = readdirSync(folder).find((name) => !before.has(name)) ?? '';
        await click(`${center}:has(.monaco-progress-container.active) .monaco-button`, 'Cancel');
      })();
      await answerUntilDone(running, requestAnswers(rsa.pin, contact), async () => {
        if (!pulled) writeFileSync(removed, '');
        pulled = true;
      });
      await cancel;
      assert.ok(created, 'the new keystore existed while the card was waited for');
      const file = path.join(folder, created);
      assert.ok(!existsSync(file), 'the new keystore is deleted');
      // A keystore at that path again: its password must be asked, none kept for the deleted one.
      copyFileSync(keystore, file);
      let unlocked = false;
      const unlocking = Promise.resolve(vscode.commands.executeCommand('ehealth.keystore.unlock', file)).catch(() => undefined).finally(() => (unlocked = true));
      let title = '';
      await waitFor('the unlock box, or the keystore opened without it', async () => Boolean((title = await quickInputTitle())) || unlocked, 30_000);
      if (title) await closeQuickInput();
      await unlocking;
      assert.match(title, /Unlock/, 'the password is asked: none was kept for the deleted keystore');
    } finally {
      rmSync(removed, { force: true });
      if (created) rmSync(path.join(folder, created), { force: true });
      await settings().update('keystore.rememberPasswords', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('waits for the card taken out before signing ("Insert your eID to sign") and finishes once it is back', async () => {
    rmSync(removed, { force: true });
    const running = vscode.commands.executeCommand<{ keystore: string } | undefined>('ehealth.cert.request');
    let pulled = false;
    const putBack = (async () => {
      await waitFor('the card to be taken out', async () => pulled, 120_000);
      try {
        await waitFor('"Insert your eID to sign"', async () => (await progressToasts()).join('\n').includes('Insert your eID to sign'), 30_000);
        await screenshot('insert-eid-to-sign');
        return await quickInputTitle();
      } finally {
        // Back in the reader whatever was seen: the request must not wait for ever.
        rmSync(removed, { force: true });
      }
    })();
    const result = await answerUntilDone(running, requestAnswers(rsa.pin, contact), async () => {
      // The user read the contract, then pulled the card.
      if (!pulled) writeFileSync(removed, '');
      pulled = true;
    });
    assert.equal(await putBack, '', 'no question while the card is waited for');
    assert.ok(!existsSync(removed));
    const notifications = (await renderedTexts('.notifications-center .notification-list-item-message')).join(' | ');
    assert.ok(result?.keystore, `the request finished (notifications: ${notifications})`);
    assert.equal((await inspectFile(result.keystore, { password, deriver: inThreadDeriver })).keystore.status, 'pending');
  });
});
