// The whole life of a certificate against the sandbox, with the real client: request, delivery
// after a restart ("tomorrow"), ETK challenge and registration, the depot, renewal in the
// replacement period with its ETK activated, revocation.
import assert from 'node:assert/strict';
import { type KeyObject } from 'node:crypto';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as certra from '../../../src/ra/certra';
import { isDomainError } from '../../../src/core/domainError';
import { AuthorityError } from '../../../src/ra/errors';
import { getEtk } from '../../../src/ra/etkdepot';
import * as etkra from '../../../src/ra/etkra';
import { SSIN_TYPE } from '../../../src/core/holder';
import { type Actor } from '../../../src/ra/model';
import type { Signer } from '../../../src/core/signer';
import { keySigner } from '../../../src/ra/signer';
import { makeCsr, personSubject } from './eidPki';
import { registerEtk, revoke, sandboxSuite } from './harness';

const SSIN = '85073003328';
// The first names in one FirstName, verbatim, as the eID holds them.
const anne: Actor = { ids: [{ type: SSIN_TYPE, value: SSIN }], firstNames: ['Anne Élise'], name: 'Martin' };
const contactData = { emailPrivate: 'anne@example.be', emailGeneral: 'cabinet@example.be', phonePrivate: '+32470000001' };

interface Issued {
  publicKeyIdentifier: string;
  replaces?: string;
  /** The eHealth authentication key and its chain, as the keystore will hold them. */
  authentication: Signer;
  chain: Buffer[];
  privateKey: KeyObject;
}

describe('sandbox lifecycle: request, complete, depot, renew, activate, revoke', function () {
  this.timeout(40_000);
  // 60-day certificates: a renewal is possible at once (the replacement period is the last 90 days).
  const suite = sandboxSuite({ validityDays: 60, behaviour: { pendingPolls: 1 } }, { ssin: SSIN, ec: true, names: { given: 'Anne Élise', surname: 'Martin' } });

  async function request(): Promise<Omit<Issued, 'authentication' | 'chain'>> {
    const contract = await suite.harness.client.call(certra.generateContract, { contactData, signer: anne, certificate: { actor: anne } });
    const { csr, privateKey } = await makeCsr(personSubject(SSIN, 'ANNE ELISE MARTIN'));
    const requested = await suite.harness.client.call(certra.generateCertificate, { contactData, csr, contract }, suite.card.signature);
    return { publicKeyIdentifier: requested.publicKeyIdentifier, replaces: requested.replacesCertificate, privateKey };
  }

  async function fetch(pending: Omit<Issued, 'authentication' | 'chain'>): Promise<Issued> {
    const chain = await suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier: pending.publicKeyIdentifier });
    return { ...pending, chain, authentication: keySigner(pending.privateKey, chain) };
  }

  const depotEtk = async () => {
    const found = await suite.harness.client.call(getEtk, { identifiers: [{ type: 'SSIN', value: SSIN }] });
    assert.equal(found.kind, 'etk');
    const signed = AsnConvert.parse(AsnConvert.parse((found as { etk: Buffer }).etk, ContentInfo).content, SignedData);
    return Buffer.from(signed.encapContentInfo.eContent!.single!.buffer);
  };

  let first: Issued;
  let renewal: Issued;

  it('delivers a request made before a restart, after one pending poll', async () => {
    const pending = await request();
    await suite.harness.restart();
    await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier: pending.publicKeyIdentifier }), (error: unknown) => isDomainError(error, 'ra', 'not-yet-delivered'));
    first = await fetch(pending);
    assert.equal(first.chain.length, 2);
  });

  it('registers the ETK through the challenge and publishes it in the depot', async () => {
    const { toBeActivated, etk } = await registerEtk(suite.harness, first.chain, first.privateKey);
    assert.equal(toBeActivated, false);
    assert.deepEqual(await depotEtk(), etk);
    const info = await suite.harness.client.call(certra.getCertificateInfoForAuthenticationCertificate, undefined, first.authentication);
    assert.equal(info.etkStatus, 'VALID_ACTIVE');
    assert.equal(info.replaceable, true);
  });

  it('refuses a second ETK registration for the same certificate', async () => {
    await assert.rejects(registerEtk(suite.harness, first.chain, first.privateKey), (error: unknown) => error instanceof AuthorityError && error.has('ETK_ALREADY_REGISTERED'));
  });

  it('renews in the replacement period; the new ETK waits for ActivateETK', async () => {
    const pending = await request();
    assert.equal(pending.replaces, first.publicKeyIdentifier);
    await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier: pending.publicKeyIdentifier }), (error: unknown) => isDomainError(error, 'ra', 'not-yet-delivered'));
    renewal = await fetch(pending);
    const { toBeActivated, etk } = await registerEtk(suite.harness, renewal.chain, renewal.privateKey);
    assert.equal(toBeActivated, true);
    assert.notDeepEqual(await depotEtk(), etk);
    await suite.harness.client.call(etkra.activateEtk, undefined, renewal.authentication);
    assert.deepEqual(await depotEtk(), etk);
  });

  it('revokes with a revocation contract signed with the eID Signature key', async () => {
    const contract = await revoke(suite.harness, suite.card, renewal.publicKeyIdentifier, anne, 'keyCompromise');
    assert.equal(contract.reason, 'keyCompromise');
    const infos = await suite.harness.client.call(certra.getCertificateInfoForCitizen, undefined, suite.card.authentication);
    assert.equal(infos.find((info) => info.publicKeyIdentifier === renewal.publicKeyIdentifier)?.status, 'REVOKED');
    await assert.rejects(
      suite.harness.client.call(etkra.activateEtk, undefined, renewal.authentication),
      (error: unknown) => error instanceof AuthorityError && error.has('CERTIFICATE_NOT_ACTIVE'),
    );
  });
});
