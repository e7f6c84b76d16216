// A request as a wizard, on the sandbox with the virtual eID: the procedure numbers its questions
// (holder 1, contact data 2-5, contract 6, password 7-8 of 8), Back asks the question before again
// with the answer given as its default, and eHealth is asked for a new contract only when the
// holder or the contact data changed. The summary above the contract says what will be sent and
// written. A renewal asks the contract and the password only, steps 1-3.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { ContactData } from '../../../src/core/contactData';
import { readableIdentifier } from '../../../src/core/readableIdentifier';
import { ExitCode } from '../../../src/faces/exitCodes';
import { completeCertificate, renewCertificate, requestCertificate, type ContractToAccept, type HolderChoice, type WizardPosition } from '../../../src/procedures';
import { BACK, type Back } from '../../../src/procedures/prompter';
import { generateContract } from '../../../src/ra/certra';
import { cliRequest, PASSWORD, procedureContext, scriptedPrompter, startRig, type Rig } from './harness';

const first: ContactData = { emailPrivate: 'amelie@example.be', phonePrivate: '+32470000001' };
const second: ContactData = { emailPrivate: 'amelie@example.be', emailGeneral: 'cabinet@example.be', phonePrivate: '+32470000001' };

/** The questions asked, by name, with their position. */
type Asked = { question: string } & Partial<WizardPosition<unknown>>;

describe('procedures: the request as a wizard', function () {
  this.timeout(60_000);
  let rig: Rig;
  before(async () => (rig = await startRig('rsa', { validityDays: 60 })));
  after(async () => rig?.stop());

  it('goes back with every answer kept, and asks eHealth for a new contract only when what it names changed', async () => {
    const asked: Asked[] = [];
    const contracts: ContractToAccept[] = [];
    // The user's answers in turn: contract -> Back -> contact (unchanged) -> contract -> Back ->
    // contact (a second e-mail) -> contract -> password -> Back -> contract -> password.
    const contactAnswers: ContactData[] = [first, first, second];
    const contractAnswers: Array<boolean | Back> = [BACK, BACK, true, true];
    const passwordAnswers: Array<string | Back> = [BACK, PASSWORD];
    const prompter = scriptedPrompter({
      chooseHolder: async (_choices, position) => {
        asked.push({ question: 'holder', ...position });
        return { kind: 'self' } satisfies HolderChoice;
      },
      contactData: async (position) => {
        asked.push({ question: 'contact', ...position });
        return contactAnswers.shift();
      },
      acceptContract: async (contract, position) => {
        asked.push({ question: 'contract', ...position });
        contracts.push(contract);
        return contractAnswers.shift() ?? false;
      },
      newKeystorePassword: async (_rules, position) => {
        asked.push({ question: 'password', ...position });
        return passwordAnswers.shift();
      },
    });
    const result = await requestCertificate(await procedureContext(rig, prompter), { keystoreFolder: rig.keystores });

    assert.deepEqual(
      asked.map(({ question, step, totalSteps, back, backwards, previous }) => [question, step, totalSteps, back, backwards, previous]),
      [
        ['holder', 1, 8, false, false, undefined],
        ['contact', 2, 8, true, false, undefined],
        ['contract', 6, 8, true, false, undefined],
        ['contact', 2, 8, true, true, first],
        ['contract', 6, 8, true, false, undefined],
        ['contact', 2, 8, true, true, first],
        ['contract', 6, 8, true, false, undefined],
        ['password', 7, 8, true, false, undefined],
        ['contract', 6, 8, true, true, undefined],
        ['password', 7, 8, true, false, undefined],
      ],
    );
    const generated = prompter.events.filter((event) => event.step === 'asking-authority' && event.operation === generateContract.name).length;
    assert.equal(generated, 2, 'a new contract for the new contact data only');
    const summary = contracts.at(-1)?.summary;
    assert.ok(summary, 'the contract comes with the summary of the request');
    assert.equal(summary.environment, 'sandbox');
    assert.deepEqual(summary.holder, { type: 'SSIN', id: rig.eid.holder.nationalNumber });
    assert.equal(summary.holderName, `${rig.eid.holder.firstNames} ${rig.eid.holder.surname}`);
    assert.deepEqual(summary.emails, ['amelie@example.be', 'cabinet@example.be']);
    assert.deepEqual(summary.phones, ['+32470000001']);
    assert.equal(summary.folder, rig.keystores);
    assert.equal(path.dirname(result.keystore), rig.keystores);
    assert.equal(summary.fileName.split(' ')[0], path.basename(result.keystore).split(' ')[0], 'the file is named as the summary said');
  });

  it('tells the holder chosen before to the holder question when the user comes back to it', async () => {
    const asked: Array<HolderChoice | undefined> = [];
    const contactAnswers: Array<ContactData | Back> = [BACK, first];
    await requestCertificate(
      await procedureContext(
        rig,
        scriptedPrompter({
          chooseHolder: async (_choices, position) => {
            asked.push(position.previous);
            return { kind: 'self' };
          },
          contactData: async () => contactAnswers.shift(),
        }),
      ),
      { keystoreFolder: rig.keystores },
    );
    assert.deepEqual(asked, [undefined, { kind: 'self' }]);
  });

  it('on the command line, the summary comes as plain lines before the contract', async () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: path.join(__dirname, '..', '..', '..'), stdio: 'ignore' });
    const run = await cliRequest(rig, { env: { EHEALTH_LANG: 'en' } });
    assert.equal(run.status, ExitCode.ok, run.stderr);
    const lines = run.stderr.split('\n');
    const at = lines.indexOf('Your request');
    const contract = lines.findIndex((line) => line.startsWith('Contract for'));
    assert.ok(at >= 0 && at < contract, run.stderr);
    assert.deepEqual(lines.slice(at + 1, at + 5), [
      '  Environment: acceptance',
      `  Certificate for: ${rig.eid.holder.firstNames} ${rig.eid.holder.surname} (${readableIdentifier('SSIN', rig.eid.holder.nationalNumber)})`,
      '  E-mail: dev@example.be',
      '  Phone: +32470000001',
    ]);
    assert.match(lines[at + 5], /^ {2}Keystore saved in: .*cli-keystores$/);
    assert.match(lines[at + 6], new RegExp(`^ {2}File name: SSIN=${rig.eid.holder.nationalNumber} \\d{8}-\\d{6}\\.\\S+ \\(date and time of the request\\)$`));
  });

  it('a renewal asks the contract and the password only, steps 1 to 3, the summary with the contact data eHealth has', async () => {
    const requested = await requestCertificate(await procedureContext(rig, scriptedPrompter({ contactData: async () => second })), { keystoreFolder: rig.keystores });
    await completeCertificate(await procedureContext(rig, scriptedPrompter()), requested.keystore);
    const asked: Asked[] = [];
    let summary: ContractToAccept['summary'];
    await renewCertificate(
      await procedureContext(
        rig,
        scriptedPrompter({
          acceptContract: async (contract, position) => {
            asked.push({ question: 'contract', ...position });
            summary = contract.summary;
            return true;
          },
          newKeystorePassword: async (_rules, position) => {
            asked.push({ question: 'password', ...position });
            return PASSWORD;
          },
        }),
      ),
      requested.keystore,
    );
    assert.deepEqual(
      asked.map(({ question, step, totalSteps, back }) => [question, step, totalSteps, back]),
      [
        ['contract', 1, 3, false],
        ['password', 2, 3, true],
      ],
    );
    assert.deepEqual(summary?.emails, ['amelie@example.be', 'cabinet@example.be']);
  });
});
