// CertRA v2 against the sandbox, driven by the real client: contract, request signed with the eID
// Signature key, delivery after pending polls, certificate information; and the refusals eHealth
// would give (wrong key, untrusted chain, tampered signature, bad SSIN, altered contract, bad DN).
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as certra from '../../../src/ra/certra';
import { isDomainError } from '../../../src/core/domainError';
import { AuthorityError } from '../../../src/ra/errors';
import { SSIN_TYPE } from '../../../src/core/holder';
import { type Actor, type Contract } from '../../../src/ra/model';
import { keyIdentifier } from '../../../src/sandbox/x509';
import { jean, makeCsr, makeEidPki, personSubject, type EidCard } from './eidPki';
import { sandboxSuite } from './harness';

const { ssin: SSIN, contactData } = jean;

describe('sandbox CertRA (real client, eID-like PKI)', function () {
  this.timeout(30_000);
  const suite = sandboxSuite({ behaviour: { pendingPolls: 2 } });

  const contract = () => suite.harness.client.call(certra.generateContract, { contactData, signer: jean.actor, certificate: { actor: jean.actor } });

  it('issues a contract with the eHealth DN and its texts in French and Dutch', async () => {
    const issued = await contract();
    assert.equal(issued.dn, 'CN=SSIN\\=79021802145, OU=eHealth-platform Belgium, OU=JEAN DUPONT, OU=SSIN\\=79021802145, O=Federal Government, C=BE');
    assert.deepEqual(issued.texts.map((text) => text.lang), ['fr', 'nl']);
    assert.match(issued.texts[0].value, /Bac à sable/);
  });

  it('takes a request signed with the eID Signature key, answers pending twice, then delivers the chain', async () => {
    const { csr } = await makeCsr(personSubject(SSIN, 'JEAN DUPONT'));
    const requested = await suite.harness.client.call(certra.generateCertificate, { contactData, csr, contract: await contract(), baseServiceUsage: ['tsa'] }, suite.card.signature);
    for (let poll = 0; poll < 2; poll += 1) {
      await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier: requested.publicKeyIdentifier }), (error: unknown) => isDomainError(error, 'ra', 'not-yet-delivered'));
    }
    const chain = await suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier: requested.publicKeyIdentifier });
    assert.equal(chain.length, 2);
    const leaf = new X509Certificate(chain[0]);
    assert.match(leaf.issuer, /Sandbox/);
    assert.ok(leaf.checkIssued(new X509Certificate(chain[1])));
    assert.equal(keyIdentifier(leaf.publicKey.export({ format: 'der', type: 'spki' })), requested.publicKeyIdentifier);
    const days = (new Date(leaf.validTo).getTime() - new Date(leaf.validFrom).getTime()) / 86_400_000;
    assert.equal(Math.round(days), 1096);

    const infos = await suite.harness.client.call(certra.getCertificateInfoForCitizen, undefined, suite.card.authentication);
    const info = infos.find((candidate) => candidate.publicKeyIdentifier === requested.publicKeyIdentifier)!;
    assert.equal(info.status, 'VALID_ACTIVE');
    assert.equal(info.replaceable, false);
    assert.equal(info.details?.subject, (await contract()).dn);
  });

  it('answers the actor qualities of the signer, signed with the eID Authentication key', async () => {
    const qualities = await suite.harness.client.call(certra.getActorQualities, { ssin: SSIN }, suite.card.authentication);
    assert.equal(qualities.naturalPerson, true);
    const types = await suite.harness.client.call(certra.getGenericOrganizationTypes, undefined);
    assert.ok(types.some((type) => type.identifierType === 'CBE' && type.validationRegEx === '^[0-9]{10}$'));
  });

  describe('refuses what eHealth would refuse', () => {
    const request = async (signer: EidCard['signature'], options: { tamper?: (contract: Contract) => Contract; subject?: [string, string][] } = {}) => {
      const { csr } = await makeCsr(options.subject ?? personSubject(SSIN, 'JEAN DUPONT'));
      const issued = await contract();
      return suite.harness.client.call(certra.generateCertificate, { contactData, csr, contract: options.tamper ? options.tamper(issued) : issued }, signer);
    };
    const refusedWith = async (promise: Promise<unknown>, code: string) => {
      await assert.rejects(promise, (error: unknown) => error instanceof AuthorityError && error.has(code));
    };

    it('a request signed with the Authentication key instead of the Signature key', () => refusedWith(request(suite.card.authentication), 'WRONG_SIGNING_KEY'));

    it('a signer whose chain does not lead to a trusted root', async () => {
      const stranger = makeEidPki('Untrusted Root');
      try {
        await refusedWith(request(stranger.card(SSIN).signature), 'UNTRUSTED_CERTIFICATE');
      } finally {
        stranger.remove();
      }
    });

    it('a signature that does not match the content', async () => {
      const tampering = { ...suite.card.signature, sign: async (data: Buffer) => suite.card.signature.sign(Buffer.concat([data, Buffer.from(' ')])) };
      await refusedWith(request(tampering), 'INVALID_SIGNATURE');
    });

    it('a signer whose certificate carries an invalid SSIN', () => refusedWith(request(suite.pki.card('79021802146').signature), 'INVALID_SSIN'));

    it('a contract changed after it was issued', () =>
      refusedWith(request(suite.card.signature, { tamper: (issued) => ({ ...issued, xml: issued.xml.replace('JEAN DUPONT', 'JEAN DUPONX') }) }), 'CONTRACT_ALTERED'));

    it('a CSR whose subject is not the eHealth DN', () => refusedWith(request(suite.card.signature, { subject: personSubject(SSIN, 'JEAN') }), 'INVALID_DN'));

    it('a contract for someone else than the signer', async () => {
      const other: Actor = { ids: [{ type: SSIN_TYPE, value: '85073003328' }], firstNames: ['Anne'], name: 'Martin' };
      await refusedWith(suite.harness.client.call(certra.generateContract, { contactData, signer: jean.actor, certificate: { actor: other } }), 'NOT_AUTHORIZED');
    });

    it('a signer whose first names are split over several FirstName elements', async () => {
      const split: Actor = { ...jean.actor, firstNames: ['Jean', 'Pierre'] };
      await refusedWith(suite.harness.client.call(certra.generateContract, { contactData, signer: split, certificate: { actor: split } }), 'INVALID_SIGNER');
    });

    it('a signer named otherwise than on the eID certificate that signs (accents dropped)', async () => {
      const accented = suite.pki.card(SSIN, { names: { given: 'Émilie Anaïs', surname: 'Lefèvre' } });
      const flattened: Actor = { ...jean.actor, firstNames: ['Emilie Anais'], name: 'Lefevre' };
      const issued = await suite.harness.client.call(certra.generateContract, { contactData, signer: flattened, certificate: { actor: flattened } });
      const { csr } = await makeCsr(personSubject(SSIN, 'EMILIE ANAIS LEFEVRE'));
      await refusedWith(suite.harness.client.call(certra.generateCertificate, { contactData, csr, contract: issued }, accented.signature), 'SIGNER_MISMATCH');
    });

    it('a person identified by a URN type instead of SSIN', async () => {
      const urn: Actor = { ...jean.actor, ids: [{ type: 'urn:be:fgov:person:ssin', value: SSIN }] };
      await refusedWith(suite.harness.client.call(certra.generateContract, { contactData, signer: urn, certificate: { actor: urn } }), 'INVALID_SIGNER');
    });

    it('a renewal before the replacement period (the last 90 days)', async () => {
      await assert.rejects(request(suite.card.signature), (error: unknown) => error instanceof AuthorityError && error.has('NOT_IN_REPLACEMENT_PERIOD') && /\d{4}-/.test(error.errors[0].parameters.replacementPeriodStartDate));
    });

    it('a request the XSD rejects, with a SOAP fault', async () => {
      await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier: 'not-hex' }), (error: unknown) => isDomainError(error, 'ra', 'soap-fault'));
    });
  });
});
