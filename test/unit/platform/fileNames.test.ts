// Every name of a file or folder we write, checked against Windows' rule (windowsNames.ts): keystore
// files, their backups, temporary files and lock folder (as a real rewrite leaves them on disk),
// trace folders and files, and the name offered for an exported certificate.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { holderOf, type Holder } from '../../../src/core/holder';
import { safeRewrite } from '../../../src/keystore/safeRewrite';
import { portableName } from '../../../src/platform/fileNames';
import { keystoreFileName } from '../../../src/procedures/keystoreFile';
import { folderTracer } from '../../../src/ra/trace';
import { assertWindowsNames, windowsNameProblems } from './windowsNames';

const holders: Holder[] = [holderOf('SSIN', '79021802145'), holderOf('CBE', '0123456749'), holderOf('EHP', '1990001916', 'VITALINKGATEWAY'), holderOf('NIHII-HOSPITAL', '71000436', 'APP_1-B')];
const environments = ['production', 'acceptance', 'sandbox'] as const;
const moments = [new Date(2026, 0, 1, 0, 0, 0), new Date(2026, 11, 31, 23, 59, 59)];
const namesIn = (folder: string) => readdirSync(folder);

describe('file names we write, on Windows and macOS', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(os.tmpdir(), 'names-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('has a rule that refuses what Windows refuses', () => {
    for (const name of ['a:b', 'a/b', 'a\\b', 'a?', 'a*', 'a"b', 'a<b>', 'a|b', 'tab\there', 'dot.', 'space ', 'CON', 'nul.txt', 'COM1.p12', 'lpt9', '', 'x'.repeat(256), 'é'.repeat(128)]) {
      assert.notDeepEqual(windowsNameProblems(name), [], name);
    }
    assert.deepEqual(windowsNameProblems('SSIN=79021802145 20230823-085751.acc-p12'), []);
  });

  it('names keystores for every holder, environment and time of day as Windows accepts', () => {
    assertWindowsNames(holders.flatMap((holder) => environments.flatMap((environment) => moments.map((moment) => keystoreFileName(holder, environment, moment)))));
  });

  it('refuses to name a keystore after a holder outside the notation (an odd type or number from the authority)', () => {
    for (const holder of [holderOf('CBE', '0123/456749'), holderOf('X:Y', '1'), holderOf('CBE', '..', 'A'), { type: 'CBE', id: '0123456749', applicationId: 'APP?' }]) {
      assert.throws(() => keystoreFileName(holder, 'production', moments[0]), (error: Error & { code?: string; params?: Record<string, unknown> }) => error.code === 'invalid-holder' && error.params?.problem === 'notation', JSON.stringify(holder));
    }
  });

  it("leaves a rewritten keystore's backup, temporary files and lock folder under names Windows accepts", async () => {
    const file = path.join(folder, keystoreFileName(holders[2], 'acceptance', moments[1]));
    writeFileSync(file, 'old');
    const during: string[] = [];
    const { backup } = await safeRewrite(file, Buffer.from('old'), Buffer.from('new'), async () => void during.push(...namesIn(folder)), moments[1]);
    assert.ok(during.some((name) => name.endsWith('.lock')) && during.some((name) => name.includes('.ehealth-tmp-')), JSON.stringify(during));
    assert.equal(path.dirname(backup), folder);
    assertWindowsNames([...during, ...namesIn(folder)]);
    // A second rewrite in the same second: the backup's name gets a counter, still a valid name.
    await safeRewrite(file, Buffer.from('new'), Buffer.from('newer'), async () => undefined, moments[1]);
    assert.equal(namesIn(folder).filter((name) => name.endsWith('.bak')).length, 2);
    assertWindowsNames(namesIn(folder));
  });

  it('names trace folders and files as Windows accepts, whatever the operation is called', async () => {
    const tracer = folderTracer(folder, { now: () => moments[1], id: '4242' });
    const exchange = tracer.exchange('urn:be:fgov:ehealth:GetCertificate/v2?x*');
    await exchange.sending({ url: new URL('https://127.0.0.1/x'), headers: {}, envelope: '<e/>' });
    await exchange.ended({ status: 200, answer: '<a/>' });
    assertWindowsNames(namesIn(folder));
    assertWindowsNames(namesIn(tracer.folder));
    assert.equal(namesIn(tracer.folder).length, 3);
  });

  it("offers an exported certificate a name from its alias that Windows accepts, whatever the keystore's alias holds", () => {
    const aliases = ['authentication', '19088378040904364161854366057849601424', 'a/b:c', '..', 'CON', 'nul.old', 'ends with dot.', '  ', 'tab\tand\nnewline', '"quoted" <x> | y ? z *', 'é'.repeat(300), '😀'.repeat(200)];
    const names = aliases.map((alias) => `${portableName(alias, 'certificate')}.pem`);
    assertWindowsNames(names);
    assert.deepEqual(names.slice(0, 3), ['authentication.pem', '19088378040904364161854366057849601424.pem', 'a_b_c.pem']);
    assert.equal(names[3], 'certificate.pem');
    assert.equal(names[4], '_CON.pem');
  });
});
