// eHealth's validator in the sandbox: a request for an organisation the signer is not known to
// manage (typed by hand) is accepted, waits IN_PROGRESS without automatic validation until the
// validator approves it (POST /sandbox/behaviour {"approve": ID}) or rejects it ({"reject": ID});
// once approved, the signer may manage that organisation's certificate (here: revoke it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as certra from '../../../src/ra/certra';
import { isDomainError } from '../../../src/core/domainError';
import { AuthorityError } from '../../../src/ra/errors';
import type { CertificateIdentifier } from '../../../src/ra/model';
import { jean, makeCsr } from './eidPki';
import { revoke, sandboxSuite } from './harness';

const { contactData } = jean;

/** eHealth's subject for an organisation with an application id (DOMAIN.md section 3). */
const organisationSubject = (cbe: string, name: string, app: string): [string, string][] => [
  ['C', 'BE'], ['O', 'Federal Government'], ['OU', app], ['OU', `CBE=${cbe}`], ['OU', name], ['OU', 'eHealth-platform Belgium'], ['CN', `CBE=${cbe}, ${app}`],
];

describe('sandbox: manual validation of an organisation typed by hand', function () {
  this.timeout(30_000);
  const suite = sandboxSuite();

  /** A request for CBE=cbe,APP, an organisation Jean is not known to manage unless a test writes organizations.json. */
  async function requestFor(cbe: string, applicationId: string): Promise<{ publicKeyIdentifier: string; automaticallyValidated: boolean }> {
    const certificate: CertificateIdentifier = { actor: { ids: [{ type: 'CBE', value: cbe }], firstNames: [], name: 'Ambulances Sainte-Hélène' }, applicationId };
    const contract = await suite.harness.client.call(certra.generateContract, { contactData, signer: jean.actor, certificate });
    const { csr } = await makeCsr(organisationSubject(cbe, 'AMBULANCES SAINTE-HELENE', applicationId));
    return suite.harness.client.call(certra.generateCertificate, { contactData, csr, contract }, suite.card.signature);
  }
  const notYetDelivered = (error: unknown) => isDomainError(error, 'ra', 'not-yet-delivered');
  const infoOf = async (publicKeyIdentifier: string) => (await suite.harness.client.call(certra.getCertificateInfoForCitizen, undefined, suite.card.authentication)).find((info) => info.publicKeyIdentifier === publicKeyIdentifier);

  it('holds the request until the validator approves it, then delivers it and lets the signer manage it', async () => {
    const { publicKeyIdentifier, automaticallyValidated } = await requestFor('0123456749', 'DISPATCH');
    assert.equal(automaticallyValidated, false);
    // Pending however often it is asked: no delay runs out, only the validator decides.
    for (let poll = 0; poll < 3; poll++) await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier }), notYetDelivered);
    const pending = await infoOf(publicKeyIdentifier);
    assert.deepEqual([pending?.status, pending?.automaticallyValidated, pending?.entityType, pending?.revocable], ['IN_PROGRESS', false, 'Organization', false]);
    assert.deepEqual(await suite.harness.client.call(certra.getExistingApplicationIds, { organization: { type: 'CBE', value: '0123456749' } }), ['DISPATCH']);

    const approved = await suite.harness.admin({ approve: publicKeyIdentifier });
    assert.equal(approved.status, 200, await approved.clone().text());
    const chain = await suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier });
    assert.equal(chain.length, 2);
    assert.equal((await infoOf(publicKeyIdentifier))?.status, 'VALID_ACTIVE');

    // Now eHealth knows Jean for this organisation: the revocation contract is his to sign.
    await revoke(suite.harness, suite.card, publicKeyIdentifier);
    assert.equal((await infoOf(publicKeyIdentifier))?.status, 'REVOKED');
  });

  it('refuses the request when the validator rejects it', async () => {
    const { publicKeyIdentifier } = await requestFor('0987654394', 'TRIAGE');
    assert.equal((await suite.harness.admin({ reject: publicKeyIdentifier })).status, 200);
    await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier }), (error: unknown) => error instanceof AuthorityError && error.has('CERT_REFUSED'));
    assert.equal((await infoOf(publicKeyIdentifier))?.status, 'REFUSED');
  });

  it('ehealth sandbox reject ID --data DIR: the decision is written in the data folder, for the sandbox started next', async () => {
    const { publicKeyIdentifier } = await requestFor('0300000214', 'CLI');
    const cli = (verb: string) => spawnSync(process.execPath, ['bin/ehealth.js', 'sandbox', verb, publicKeyIdentifier, '--data', suite.harness.folder], { cwd: join(__dirname, '..', '..', '..'), encoding: 'utf8', env: { ...process.env, EHEALTH_LANG: 'en' } });
    const rejected = cli('reject');
    assert.equal(rejected.status, 0, rejected.stderr);
    assert.match(rejected.stdout, /rejected/);
    const again = cli('approve');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /does not await manual validation/);
    await suite.harness.restart();
    await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier }), (error: unknown) => error instanceof AuthorityError && error.has('CERT_REFUSED'));
  });

  it('refuses a decision on an unknown request, on one that awaits no validator, or without an identifier; the behaviour is then unchanged', async () => {
    const { publicKeyIdentifier } = await requestFor('0200000142', 'LOGS');
    assert.equal((await suite.harness.admin({ approve: publicKeyIdentifier })).status, 200);
    const before = suite.harness.sandbox.behaviour;
    for (const body of [{ approve: 'abcdef0123' }, { approve: publicKeyIdentifier }, { reject: 42 }, { approve: publicKeyIdentifier, delayMs: 5 }]) {
      const answer = await suite.harness.admin(body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(((await answer.json()) as { error: string }).error, /public ?key ?identifier|manual validation/i);
    }
    assert.deepEqual(suite.harness.sandbox.behaviour, before);
  });

  it('refuses both decisions at once, even when one of them could be taken, and decides nothing', async () => {
    const { publicKeyIdentifier } = await requestFor('0400000185', 'BOTH');
    for (const body of [{ approve: publicKeyIdentifier, reject: 'abcdef0123' }, { approve: publicKeyIdentifier, reject: publicKeyIdentifier }]) {
      const answer = await suite.harness.admin(body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(((await answer.json()) as { error: string }).error, /one decision at a time/);
    }
    await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier }), notYetDelivered, 'still awaiting the validator');
    assert.equal((await suite.harness.admin({ reject: publicKeyIdentifier })).status, 200, 'and the validator may still decide');
  });

  it('lists a certificate its signer no longer manages as not revocable, as GenerateRevocationContract then refuses', async () => {
    const organizations = join(suite.harness.folder, 'organizations.json');
    writeFileSync(organizations, JSON.stringify([{ type: 'CBE', id: '0500000158', name: 'Ambulances Sainte-Hélène', managers: [jean.ssin] }]));
    const { publicKeyIdentifier, automaticallyValidated } = await requestFor('0500000158', 'FORMER');
    assert.equal(automaticallyValidated, true);
    await suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier });
    assert.equal((await infoOf(publicKeyIdentifier))?.revocable, true);
    // Jean no longer manages it: still listed (he signed the request), no longer his to revoke.
    rmSync(organizations);
    const info = await infoOf(publicKeyIdentifier);
    assert.deepEqual([info?.status, info?.revocable], ['VALID_ACTIVE', false]);
    await assert.rejects(revoke(suite.harness, suite.card, publicKeyIdentifier), (error: unknown) => error instanceof AuthorityError && error.has('NOT_AUTHORIZED'));
  });
});
