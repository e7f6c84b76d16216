// Names, not identifiers, in a real workbench: an unlocked keystore reads as its holder's name with
// the SSIN written as people write it, its entries as "ETK · serial …CDEF" and the CA's name, an
// entry's tooltip with its subject decoded and its whole serial, the name stays once the keystore is
// locked again (in the Keystores view and in a guide's holder list), and dates read in the language chosen.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { inspectFile } from '../../../src/keystore/inspect';
import { formatDate } from '../../../src/i18n/dates';
import { chooseHolder } from './checklistPage';
import { click, hover, pressKey, renderedTexts, screenshot, typeText, waitFor, widen } from './harnessClient';
import { settings, useSettings } from './procedureAnswers';
import { inThreadDeriver, writeSandboxKeystore } from './sandboxKeystore';

const keystorePassword = 'Names-passw0rd';
// 14 March 1985, written 85.03.14-124.01; the sandbox keystore's holder is JANE DOE, its ETK serial ends in CDEF.
const ssin = '85031412401';

function rows(): Promise<string[]> {
  return renderedTexts('.part.sidebar .monaco-list-row').then((texts) => texts.map((text) => text.replace(/\s+/g, ' ').trim()));
}

function rowsWhen(ready: (rows: string[]) => boolean, what: string): Promise<string[]> {
  return waitFor(what, async () => {
    const current = await rows();
    return ready(current) ? current : undefined;
  });
}

describe('Names and dates for people', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'names-'));
  let file: string;
  useSettings({ 'keystore.folders': [folder], language: 'en' });

  before(async () => {
    file = await writeSandboxKeystore(folder, ssin, keystorePassword);
    await vscode.commands.executeCommand('workbench.view.extension.ehealth');
  });

  it("shows a locked keystore by its identifier as people write it, an unlocked one by its holder's name", async () => {
    await rowsWhen((current) => current.some((row) => row.startsWith('85.03.14-124.01')), 'the locked keystore by its SSIN');
    const unlocked = vscode.commands.executeCommand('ehealth.keystore.unlock', file);
    await waitFor('the password box', async () => (await renderedTexts('.quick-input-widget .quick-input-title')).some((title) => title.includes('Unlock')));
    await typeText(keystorePassword);
    await pressKey('Enter');
    await unlocked;
    const shown = await rowsWhen((current) => current.some((row) => row.startsWith('JANE DOE') && row.includes('85.03.14-124.01')), "the holder's name as label, the SSIN as description");
    assert.ok(!shown.some((row) => row.includes('SSIN=')), `no identifier notation in ${JSON.stringify(shown)}`);
  });

  it('names the entries: the ETK by the end of its serial, the CA by its name, the authentication certificate by its holder', async () => {
    await click('.part.sidebar .monaco-list-row', 'JANE DOE');
    const shown = await rowsWhen((current) => current.some((row) => row.startsWith('ETK · serial …CDEF')), 'the entries');
    assert.ok(shown.some((row) => row.startsWith('JANE DOE') && row.includes('authentication key')), `authentication row in ${JSON.stringify(shown)}`);
    assert.ok(shown.some((row) => row.startsWith('ETK · serial …CDEF') && row.includes('encryption')), `ETK row in ${JSON.stringify(shown)}`);
    assert.ok(shown.some((row) => row.startsWith('eHealth Sandbox issuing CA')), `CA row in ${JSON.stringify(shown)}`);
    assert.ok(!shown.some((row) => /\d{4}-\d{2}-\d{2}/.test(row)), `no ISO date in ${JSON.stringify(shown)}`);
    await widen('.part.sidebar', 300);
    await screenshot('keystore-names');
  });

  it("shows an entry's subject decoded and its whole serial number in its tooltip", async () => {
    const { keystore } = await inspectFile(file, { password: keystorePassword, deriver: inThreadDeriver });
    const etk = keystore.entries.find((entry) => entry.kind === 'encryption')!;
    const serial = 'certificate' in etk ? etk.certificate.serialNumberHex : '';
    assert.match(serial, /CDEF$/i);
    await hover('.part.sidebar .monaco-list-row', 'ETK · serial …CDEF');
    const tooltip = await waitFor('the ETK tooltip', async () => (await renderedTexts('.monaco-hover')).map((shown) => shown.replace(/\s+/g, ' ')).find((shown) => shown.includes(serial)));
    assert.ok(tooltip.includes(`CN=SSIN=${ssin}`), `decoded subject in ${tooltip}`);
    assert.ok(!tooltip.includes('\\='), `no escaped '=' in ${tooltip}`);
    await pressKey('Escape');
  });

  it('writes dates in the language chosen in ehealth.language', async () => {
    const { keystore } = await inspectFile(file, { password: keystorePassword, deriver: inThreadDeriver });
    const notAfter = keystore.entries.find((entry) => entry.kind === 'authentication')!;
    const until = formatDate('certificate' in notAfter ? notAfter.certificate.notAfter : '', 'fr', 'short');
    assert.match(until, /^\d{1,2} [a-zéû]+\.? \d{4}$/);
    await settings().update('language', 'fr', vscode.ConfigurationTarget.Global);
    const shown = await rowsWhen((current) => current.some((row) => row.includes(`valable jusqu’au ${until}`)), `"valable jusqu’au ${until}"`);
    assert.ok(shown.some((row) => row.startsWith('ETK · numéro de série …CDEF') && row.includes(`jusqu’au ${until}`)), `French ETK row in ${JSON.stringify(shown)}`);
  });

  it("keeps the holder's name once the keystore is locked again", async () => {
    await vscode.commands.executeCommand('ehealth.keystore.lock', file);
    await rowsWhen((current) => current.some((row) => row.startsWith('JANE DOE') && row.includes('85.03.14-124.01') && !row.includes('valable')), 'the locked keystore by its remembered name');
  });

  it("offers the locked keystore's holder by the remembered name in a guide's holder list", async () => {
    await vscode.commands.executeCommand('ehealth.guides.open', 'change-keystore-password');
    // Offered as the Keystores view names it, though no keystore is unlocked now.
    await chooseHolder('JANE DOE (85.03.14-124.01)');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
