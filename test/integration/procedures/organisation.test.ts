// A certificate for an organisation the user manages (an ambulance service's CBE number), against
// the sandbox with the virtual eID: the holder offered by GetActorQualities, its identifier checked
// by the authority's rules, an application id, the keystore named by the convention, and the
// refusals eHealth would give (someone else's organisation, a malformed number, an id in use).
// Then one eHealth does not list, typed by hand: validated by hand, pending until the sandbox's
// validator approves it, completed afterwards; by the procedure and by `ehealth cert request`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { inspectFile } from '../../../src/keystore/inspect';
import { onTerminal } from '../terminal';
import { completeCertificate, ProcedureError, requestCertificate, type HolderChoice, type HolderChoices } from '../../../src/procedures';
import { cli, cliRequest, folderDigest, PASSWORD, procedureContext, scriptedPrompter, startRig, type Rig } from './harness';

const ambulance = { type: 'CBE', id: '0123456749', name: 'Ambulances Sainte-Hélène' };

describe('procedures: a certificate for an organisation', function () {
  this.timeout(60_000);
  let rig: Rig;
  /** The operations the sandbox answered, as it logs them (`GetExistingApplicationIds: ...`). */
  const answered: string[] = [];
  const requestFor = async (choice: HolderChoice, offered: HolderChoices[] = []) =>
    requestCertificate(
      await procedureContext(
        rig,
        scriptedPrompter({
          chooseHolder: async (choices) => {
            offered.push(choices);
            return choice;
          },
        }),
      ),
      { keystoreFolder: rig.keystores },
    );

  before(async () => {
    rig = await startRig('rsa', { log: (line) => answered.push(line) });
    writeFileSync(path.join(rig.sandbox.dataFolder, 'organizations.json'), JSON.stringify([{ ...ambulance, managers: [rig.eid.holder.nationalNumber] }, { type: 'CBE', id: '0987654394', name: 'Someone else', managers: ['79021802145'] }]));
  });
  after(async () => rig?.stop());

  it('offers myself and the organisation I manage, and requests for it with an application id', async () => {
    const offered: HolderChoices[] = [];
    const requested = await requestFor({ kind: 'organization', type: 'CBE', id: ambulance.id, applicationId: 'DISPATCH' }, offered);
    assert.equal(offered[0].self, rig.eid.holder.nationalNumber);
    assert.deepEqual(offered[0].organizations.map((organization) => organization.identifier.value), [ambulance.id]);
    assert.match(path.basename(requested.keystore), /^CBE=0123456749,DISPATCH \d{8}-\d{6}\.sandbox-p12$/);
    assert.match(requested.dn, /^CN=CBE\\=0123456749\\, DISPATCH, OU=eHealth-platform Belgium, OU=AMBULANCES SAINTE-HELENE, OU=CBE\\=0123456749, OU=DISPATCH, O=Federal Government, C=BE$/);

    await completeCertificate(await procedureContext(rig, scriptedPrompter()), requested.keystore);
    const { keystore } = await inspectFile(requested.keystore, { password: PASSWORD });
    assert.deepEqual(
      { type: keystore.holder?.type, id: keystore.holder?.id, applicationId: keystore.holder?.applicationId },
      { type: 'CBE', id: ambulance.id, applicationId: 'DISPATCH' },
    );
    assert.equal(keystore.status, 'valid');
  });

  it('refuses an application id the organisation already uses', async () => {
    const before = folderDigest(rig.keystores);
    await assert.rejects(requestFor({ kind: 'organization', type: 'CBE', id: ambulance.id, applicationId: 'DISPATCH' }), (error: unknown) => error instanceof ProcedureError && error.code === 'application-id-in-use');
    assert.equal(folderDigest(rig.keystores), before);
  });

  it('asks eHealth once for the application ids in use, though the face shows them before the procedure checks them', async () => {
    const asked = () => answered.filter((line) => line.startsWith('GetExistingApplicationIds:')).length;
    const before = asked();
    const shown: (string | null)[][] = [];
    const context = await procedureContext(
      rig,
      scriptedPrompter({
        chooseHolder: async (choices) => {
          shown.push(await choices.applicationIdsInUse({ type: 'CBE', value: ambulance.id }));
          return { kind: 'organization', type: 'CBE', id: ambulance.id, applicationId: 'DISPATCH' };
        },
      }),
    );
    await assert.rejects(requestCertificate(context, { keystoreFolder: rig.keystores }), (error: unknown) => error instanceof ProcedureError && error.code === 'application-id-in-use');
    assert.deepEqual(shown, [['DISPATCH']]);
    assert.equal(asked() - before, 1);
  });

  it('refuses an organisation the user does not manage', async () => {
    await assert.rejects(requestFor({ kind: 'organization', type: 'CBE', id: '0987654394' }), (error: unknown) => error instanceof ProcedureError && error.code === 'not-authorized');
  });

  it('refuses an identifier the type does not allow, and a type eHealth does not list', async () => {
    for (const [choice, problem] of [
      [{ kind: 'organization', type: 'CBE', id: '12345' }, 'length'],
      [{ kind: 'organization', type: 'NOT-A-TYPE', id: '12345678' }, 'authority-type'],
    ] as const) {
      await assert.rejects(requestFor(choice), (error: unknown) => error instanceof ProcedureError && error.code === 'invalid-holder' && error.params.problem === problem, JSON.stringify(choice));
    }
  });

  describe('one eHealth does not list, typed by hand', () => {
    const typed = { kind: 'typed-organization', type: 'CBE', id: '0200000142', name: 'Ambulances du Val', applicationId: 'DISPATCH' } as const;
    /** The keystore as OpenSSL reads it: the certificates' subjects (no keys printed). */
    const subjectsByOpenssl = (file: string) =>
      execFileSync('openssl', ['pkcs12', '-in', file, '-passin', 'env:PW', '-nokeys', '-info'], { env: { ...process.env, PW: PASSWORD }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
        .split('\n')
        .filter((line) => line.startsWith('subject='));

    it('offers the authority\'s types and the ids in use, goes to manual validation, waits for the validator, then completes', async () => {
      const offered: HolderChoices[] = [];
      const requested = await requestFor(typed, offered);
      assert.ok((await offered[0].organizationTypes()).some((type) => type.identifierType === 'NIHII-HOSPITAL'), 'the authority\'s organisation types');
      assert.deepEqual(await offered[0].applicationIdsInUse({ type: 'CBE', value: ambulance.id }), ['DISPATCH'], 'the ids the listed organisation already uses');
      assert.equal(requested.automaticallyValidated, false);
      assert.match(requested.dn, /^CN=CBE\\=0200000142\\, DISPATCH, OU=eHealth-platform Belgium, OU=AMBULANCES DU VAL, /);

      // Pending: days at eHealth; complete says so and leaves the file as it is.
      const before = folderDigest(rig.keystores);
      await assert.rejects(completeCertificate(await procedureContext(rig, scriptedPrompter()), requested.keystore), (error: unknown) => error instanceof ProcedureError && error.code === 'not-yet-delivered');
      assert.equal(folderDigest(rig.keystores), before);
      assert.equal((await inspectFile(requested.keystore, { password: PASSWORD })).keystore.status, 'pending');

      rig.sandbox.decide(requested.publicKeyIdentifier, 'approve');
      await completeCertificate(await procedureContext(rig, scriptedPrompter()), requested.keystore);
      assert.equal((await inspectFile(requested.keystore, { password: PASSWORD })).keystore.status, 'valid');
      const subjects = subjectsByOpenssl(requested.keystore);
      assert.ok(subjects.some((line) => /CN\s?=\s?"?CBE=0200000142, DISPATCH/.test(line) && /AMBULANCES DU VAL/.test(line)), subjects.join('\n'));
    });

    it('refuses a taken application ID, a number failing its check digits or length, and a typed organisation without its name, before anything is signed', async () => {
      const before = folderDigest(rig.keystores);
      const refused = (code: string, problem?: string) => (error: unknown) => error instanceof ProcedureError && error.code === code && (problem === undefined || error.params.problem === problem);
      await assert.rejects(requestFor(typed), refused('application-id-in-use'));
      await assert.rejects(requestFor({ ...typed, id: '0200000143' }), refused('invalid-holder', 'check-digits'));
      await assert.rejects(requestFor({ ...typed, type: 'NIHII-HOSPITAL', id: '7100043' }), refused('invalid-holder', 'length'));
      await assert.rejects(requestFor({ ...typed, applicationId: 'OTHER', name: '  ' }), refused('invalid-holder', 'organization-name'));
      assert.equal(folderDigest(rig.keystores), before);
    });

    it('ehealth cert request --holder --organization-name: the same path on the command line, told on stderr', async () => {
      const holder = ['--holder', 'NIHII-HOSPITAL=71000436,GATEWAY'];
      const withoutName = await cliRequest(rig, { args: holder });
      assert.equal(withoutName.status, 2, withoutName.stderr);
      assert.match(withoutName.stderr, /--organization-name/);

      const run = await cliRequest(rig, { args: [...holder, '--organization-name', 'Hôpital du Val'] });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /eHealth validates this request by hand: it stays pending until eHealth approves it/);
      const publicKeyIdentifier = /key ([0-9a-f]+)\)/.exec(run.stderr)?.[1];
      assert.ok(publicKeyIdentifier, run.stderr);
      const folder = path.join(rig.folder, 'cli-keystores');
      const keystore = path.join(folder, readdirSync(folder).find((name) => name.startsWith('NIHII-HOSPITAL=71000436,GATEWAY '))!);
      const complete = () => cli(['cert', 'complete', '--keystore', keystore, '--password-env', 'PW', '--env', 'acceptance', '--ra-url', rig.sandbox.url], { PW: PASSWORD });
      const pending = await complete();
      assert.equal(pending.status, 12, pending.stderr);
      assert.match(pending.stderr, /not delivered yet/);
      const approved = await cli(['sandbox', 'approve', publicKeyIdentifier, '--url', rig.sandbox.url]);
      assert.equal(approved.status, 0, approved.stderr);
      const completed = await complete();
      assert.equal(completed.status, 0, completed.stderr);
      assert.ok(subjectsByOpenssl(keystore).some((line) => /NIHII-HOSPITAL=71000436, GATEWAY/.test(line) && /HOPITAL DU VAL/.test(line)));
    });

    it('ehealth cert request at a terminal: a wrong number is asked again, then the official name of the organisation not listed', () => {
      const args = ['--module', rig.eid.modulePath, '--pin-env', 'PIN', '--email', 'dev@example.be', '--phone', '+32470000001', '--new-password-env', 'PW', '--keystore-dir', path.join(rig.folder, 'terminal'), '--accept-contract'];
      const { status, screen } = onTerminal(
        [process.execPath, 'bin/ehealth.js', 'cert', 'request', ...args],
        [
          ['Holder (SSIN', 'CBE=0300000215,TERM\r'],
          ['Holder (SSIN', 'CBE=0300000214,TERM\r'],
          ['Official name of the organisation', 'Ambulances du Terminal\r'],
        ],
        // The command's own sandbox (this process's would wait for the terminal to end).
        { cwd: path.join(__dirname, '..', '..', '..'), env: { EHEALTH_LANG: 'en', EHEALTH_SANDBOX_DATA: path.join(rig.folder, 'terminal-sandbox'), PIN: rig.eid.pin, PW: PASSWORD } },
      );
      assert.equal(status, 0, screen);
      assert.match(screen, /CBE=0300000215,TERM: The check digits do not match/);
      assert.match(screen, /eHealth validates this request by hand/);
      assert.match(screen, /CBE=0300000214,TERM \d{8}-\d{6}\.sandbox-p12/);
    });

    it('ehealth cert request refuses a bad number before the eID is touched (its module is not even loaded)', async () => {
      for (const [holder, words] of [
        ['CBE=0123456748', /check digits do not match/],
        ['NIHII-HOSPITAL=7100043', /NIHII-HOSPITAL number has 8 digits/],
        ['NIHII11=71000436', /NIHII11 number has 11 digits/],
        // eHealth is not asked before the eID is used: the type is unknown here, not to eHealth.
        ['NIHII-CASTLE=71000436', /NIHII-CASTLE=71000436: This tool does not know the type NIHII-CASTLE: use one of CBE, /],
      ] as const) {
        const run = await cliRequest(rig, { args: ['--holder', holder, '--organization-name', 'Hôpital du Val', '--module', path.join(rig.folder, 'no-such-pkcs11.so')] });
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, words);
        assert.doesNotMatch(run.stderr, /middleware|PKCS#11|no-such-pkcs11/i);
      }
      const french = await cliRequest(rig, { args: ['--holder', 'CBE=0123456748', '--module', path.join(rig.folder, 'no-such-pkcs11.so'), '--lang', 'fr'] });
      assert.equal(french.status, 2, french.stderr);
      assert.match(french.stderr, /Impossible de demander un certificat pour CBE=0123456748\u00a0: La clé de contrôle ne correspond pas/);
    });
  });
});
