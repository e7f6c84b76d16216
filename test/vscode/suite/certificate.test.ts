// Request, complete and revoke a certificate from VS Code against the embedded sandbox, with a
// virtual RSA eID and a virtual EC one: the test answers each question the way a user would (PIN
// typed in the box, "Myself", contact data, the contract accepted in its view, the keystore
// password twice), then checks the keystore. With the EC card on eHealth's acceptance service, the
// user is told before the PIN that EC keys are not confirmed there.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { inspectFile } from '../../../src/keystore/inspect';
import { click, pressKey, renderedTexts, screenshot, waitFor, webviewTexts } from './harnessClient';
import { answerUntilDone, cards, password, requestAnswers, typeAndEnter, useSettings } from './procedureAnswers';
import { inThreadDeriver } from './sandboxKeystore';

for (const { name, module, pin, ssin } of cards) describe(`Certificate procedures against the sandbox, ${name} eID`, () => {
  let keystore = '';
  // No ehealth.sandbox.trust: the sandbox trusts the card a procedure signs with by itself.
  useSettings({ 'eid.pkcs11Module': module, environment: 'sandbox' });

  after(async () => {
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
  });

  it('requests a personal certificate: eID, holder, contact data, contract, password; the keystore is created first', async () => {
    let contractShown = false;
    const result = await answerUntilDone(
      vscode.commands.executeCommand<{ keystore: string } | undefined>('ehealth.cert.request'),
      requestAnswers(pin, { secondEmail: 'secretariat@example.be', phone: '+32 2 123 45 67' }),
      async () => {
        if (contractShown) return;
        contractShown = true;
        const texts = (await webviewTexts('body')).join('\n');
        assert.match(texts, /SSIN/, 'the contract shows the certificate DN');
        if (name === 'RSA') await screenshot('contract');
      },
    );
    assert.ok(contractShown, 'the contract was shown before signing');
    assert.ok(result?.keystore, 'the request returns the keystore it created');
    keystore = result.keystore;
    // The holder is the card's: the request was signed with this card, not another one still loaded.
    assert.match(path.basename(keystore), new RegExp(`^SSIN=${ssin} \\d{8}-\\d{6}\\.sandbox-p12$`));
    const opened = await inspectFile(keystore, { password, deriver: inThreadDeriver });
    // Not delivered yet: the new key waits under the official tool's placeholder (C=Dummy).
    const authentication = opened.keystore.entries.find((entry) => entry.kind === 'authentication');
    assert.equal(authentication?.certificate.subject, 'C=Dummy', 'the placeholder');
    assert.equal(opened.keystore.status, 'pending');
    assert.ok(!opened.keystore.entries.some((entry) => entry.kind === 'encryption'), 'no ETK yet');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('completes it: the chain installed and the ETK created; the keystore is then valid for 3 years', async () => {
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.complete', keystore), [
      { when: (title) => title.includes('Unlock') || title.includes(path.basename(keystore)), act: typeAndEnter(password) },
    ]);
    const opened = await inspectFile(keystore, { password, deriver: inThreadDeriver });
    assert.equal(opened.keystore.status, 'valid', JSON.stringify(opened.keystore.warnings));
    assert.equal(opened.keystore.environment, 'sandbox');
    assert.ok(opened.keystore.entries.some((entry) => entry.kind === 'encryption'), 'an ETK key');
  });

  it('revokes it: reason picked, PIN typed, revocation contract accepted; eHealth then says REVOKED', async () => {
    const unlock = { when: (title: string) => title.includes('Unlock') || title.includes(path.basename(keystore)), act: typeAndEnter(password) };
    await answerUntilDone(vscode.commands.executeCommand('ehealth.cert.revoke', keystore), [
      unlock,
      { when: (title) => title.includes('Why revoke'), act: () => click('.quick-input-widget .monaco-list-row', 'It is replaced') },
      { when: (title) => title.includes('eID PIN'), act: typeAndEnter(pin) },
    ]);
    const status = await answerUntilDone(vscode.commands.executeCommand<{ authority?: { status: string } } | undefined>('ehealth.cert.status', keystore), [unlock]);
    assert.equal(status?.authority?.status, 'REVOKED');
  });
});

describe('A hostile contract from the authority', () => {
  const rsa = cards[0];
  let sandbox = '';
  const behave = (change: Record<string, boolean>) => fetch(`${sandbox}/sandbox/behaviour`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });

  useSettings({ 'eid.pkcs11Module': rsa.module, environment: 'sandbox' });

  before(async () => {
    sandbox = await vscode.commands.executeCommand<string>('ehealth.sandbox.start');
    assert.equal((await behave({ hostileContract: true })).status, 200);
  });

  after(async () => {
    await behave({ hostileContract: false });
    await vscode.commands.executeCommand('ehealth.sandbox.stop');
  });

  it('is shown without its scripts, handlers, frames, forms and fake buttons; only our Accept accepts', async () => {
    let inspected = false;
    await answerUntilDone(
      vscode.commands.executeCommand('ehealth.cert.request'),
      // The phone as people write it: the box and the procedure accept it alike.
      requestAnswers(rsa.pin, { secondEmail: '', phone: '(02) 123 45 67' }),
      async () => {
        if (inspected) return;
        inspected = true;
        const contract = (await webviewTexts('.authority')).join('\n');
        assert.ok(contract.length > 0, 'the contract text is shown');
        for (const selector of ['script', 'style', 'iframe', 'form', 'svg', 'img', 'button', 'input', '[onerror]', '[onclick]', '[style]', 'a[href^="javascript:"]', 'a[href^="data:"]']) {
          assert.deepEqual(await webviewTexts(`.authority ${selector}`), [], `no ${selector} in the contract`);
        }
        assert.equal((await webviewTexts('#accept')).length, 1, 'one Accept button, ours');
        await screenshot('contract-hostile');
      },
    );
    assert.ok(inspected, 'the contract was shown');
  });
});

describe('An EC eID on eHealth\'s acceptance service', () => {
  const ec = cards[1];

  useSettings({ 'eid.pkcs11Module': ec.module, environment: 'acceptance' });

  before(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('says that eHealth has not confirmed EC keys (the procedures say it before the PIN); cancelling at the PIN sends nothing', async () => {
    const running = vscode.commands.executeCommand('ehealth.cert.request');
    await waitFor('the PIN prompt', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).find((title) => title.includes('eID PIN')));
    await pressKey('Escape');
    await running;
    await vscode.commands.executeCommand('notifications.showList');
    const messages = (await renderedTexts('.notifications-center .notification-list-item-message', 5_000)).join('\n');
    await screenshot('ec-eid-notice');
    assert.match(messages, /EC keys \(P-384\)[\s\S]*acceptance/, messages);
    await vscode.commands.executeCommand('notifications.hideList');
  });
});
