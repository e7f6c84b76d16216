// The client reads eHealth's answers as the hand-written fixtures show them (test/fixtures/protocol,
// written from the XSDs and the public connector, never produced by our code): typed results for
// successes, typed errors for error statuses, faults and depot errors.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { isDomainError } from '../../../src/core/domainError';
import { AuthorityError } from '../../../src/ra/errors';
import type { Actor, CertificateInfo, EtkLookup } from '../../../src/ra/model';
import { parseAnswer } from '../../../src/ra/operation';
import { clientOperation } from './operations';
import { facts, fixture, inEnvelope, payloadOf } from './support';

const SSIN = '85073003427';
const KEY_ID = '550063b52dac55b8b771348f9735d05188168887';
const RENEWED_KEY_ID = '7d3e9a41c2b85f0613e47a9d2c5b8f0e61a4d273';
const PERSON_DN = 'CN=SSIN\\=85073003427,OU=eHealth-platform Belgium,OU=EMILIE ANAIS DUBOIS-LEFEVRE,OU=SSIN\\=85073003427,O=Federal Government,C=BE';
const person: Actor = { ids: [{ type: 'SSIN', value: SSIN }], firstNames: ['Émilie Anaïs'], name: 'Dubois-Lefèvre' };

/** Reads the fixture `answer` of `operation` (facts.json) with the client, as the service would send it. */
function read(operation: string, answer: string): unknown {
  return parseAnswer(clientOperation(operation), inEnvelope(fixture(facts.operations[operation].answers[answer])));
}

function failure(operation: string, answer: string): unknown {
  try {
    read(operation, answer);
  } catch (error) {
    return error;
  }
  return assert.fail(`${operation} ${answer}: the client accepted an error answer.`);
}

/** The text of the first `name` element of a fixture, to compare opaque base64 values byte for byte. */
function base64In(path: string, name: string): Buffer {
  const element = payloadOf(fixture(path)).getElementsByTagNameNS('*', name)[0];
  return Buffer.from(element.textContent ?? '', 'base64');
}

describe('protocol conformance: the client reads the fixture answers', () => {
  it('GetActorQualities: the person may request, and the organisations with their plain DN types', () => {
    assert.deepEqual(read('GetActorQualities', 'success'), {
      naturalPerson: true,
      organizations: [
        { names: [{ lang: 'fr', value: 'Cabinet Médical du Parc' }, { lang: 'nl', value: 'Medisch Kabinet van het Park' }], identifier: { type: 'CBE', value: '0123456749' } },
        { names: [{ lang: 'nl', value: 'Ziekenhuis Sint-Voorbeeld' }], identifier: { type: 'NIHII-HOSPITAL', value: '71012345' } },
      ],
    });
  });

  it('GetCertificateInfoForCitizen: a person and an organisation, read through a default namespace and numbered prefixes', () => {
    const [own, organization] = read('GetCertificateInfoForCitizen', 'success') as CertificateInfo[];
    assert.equal(own.requestedDate.toISOString(), '2026-12-01T09:40:02.000Z');
    assert.equal(own.publicKeyIdentifier, KEY_ID);
    assert.equal(own.entityType, 'NaturalPerson');
    assert.deepEqual(own.certificate.actor, person);
    assert.equal(own.certificate.applicationId, undefined);
    assert.equal(own.status, 'VALID_ACTIVE');
    assert.equal(own.etkStatus, 'VALID_ACTIVE');
    assert.equal(own.automaticallyValidated, true);
    assert.equal(own.details?.serialNumber, '2246800662264969608');
    assert.equal(own.details?.subject, PERSON_DN);
    assert.equal(own.details?.issuer, 'CN=Fixture eHealth issuing CA (not real),O=Fixture,C=BE');
    assert.equal(own.details?.notBefore, '2026-12-02T10:18:19.000Z');
    assert.equal(own.details?.notAfter, '2029-12-01T10:18:19.000Z');
    assert.equal(own.revocable, true);
    assert.equal(own.replaceable, false);
    assert.equal(own.replacementPeriodStartDate?.toISOString(), '2029-09-02T10:18:19.000Z');
    assert.equal(own.contactData.emailPrivate, 'emilie.dubois@example.be');
    assert.equal(own.contactData.emailGeneral, undefined);
    assert.deepEqual(own.baseServiceUsage, []);

    assert.equal(organization.publicKeyIdentifier, RENEWED_KEY_ID);
    assert.equal(organization.entityType, 'Organization');
    assert.deepEqual(organization.certificate.actor, { ids: [{ type: 'CBE', value: '0123456749' }], firstNames: [], name: 'Cabinet Médical du Parc' });
    assert.equal(organization.certificate.applicationId, 'PORTAL');
    assert.equal(organization.status, 'IN_PROGRESS');
    assert.equal(organization.etkStatus, 'NOT_REQUESTED');
    assert.equal(organization.details, undefined);
    assert.equal(organization.replacementPeriodStartDate, undefined);
    assert.equal(organization.contactData.phoneGeneral, '+3221234567');
    assert.deepEqual(organization.baseServiceUsage, ['tsa', 'codage']);
  });

  it('GetCertificateInfoForAuthenticationCertificate: one certificate, its ETK waiting for activation', () => {
    const info = read('GetCertificateInfoForAuthenticationCertificate', 'success') as CertificateInfo;
    assert.equal(info.publicKeyIdentifier, RENEWED_KEY_ID);
    assert.equal(info.etkStatus, 'WAIT_FOR_ACTIVATION');
    assert.equal(info.automaticallyValidated, false);
    assert.equal(info.details?.serialNumber, '5127');
    assert.equal(info.details?.notAfter, '2032-09-10T07:00:00.000Z');
  });

  it('GetGenericOrganizationTypes: each type with its rules, optional parts absent when absent', () => {
    assert.deepEqual(read('GetGenericOrganizationTypes', 'success'), [
      {
        names: [{ lang: 'fr', value: 'Entreprise (numéro BCE)' }, { lang: 'nl', value: 'Onderneming (KBO-nummer)' }],
        identifierType: 'CBE',
        validationRegEx: '[0-9]{10}',
        checkDigitAlgorithms: ['FIXTURE-MOD97'],
        availableBaseServices: ['tsa', 'codage'],
      },
      {
        names: [{ lang: 'fr', value: 'Hôpital (numéro INAMI)' }, { lang: 'nl', value: 'Ziekenhuis (RIZIV-nummer)' }],
        identifierType: 'NIHII-HOSPITAL',
        validationRegEx: '[0-9]{8}',
        checkDigitAlgorithms: [],
        availableBaseServices: [],
      },
    ]);
  });

  it('GetExistingApplicationIds: an answer without Status; a nil entry is a certificate without application id', () => {
    assert.deepEqual(read('GetExistingApplicationIds', 'success'), [null, 'MEDIDOC']);
  });

  it('GenerateContract: DN, Signer and the HTML texts exactly as written, for a person and for an organisation', () => {
    const contract = read('GenerateContract', 'success') as { dn: string; signer: Actor; texts: { lang: string; value: string }[] };
    assert.equal(contract.dn, PERSON_DN);
    assert.deepEqual(contract.signer, person);
    assert.deepEqual(
      contract.texts.map(({ lang }) => lang),
      ['fr', 'nl'],
    );
    assert.equal(
      contract.texts[0].value,
      '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Contrat</title></head><body><p>Je soussignée, Émilie Anaïs Dubois-Lefèvre, demande un certificat eHealth &amp; j’accepte ses conditions d’utilisation.</p></body></html>',
    );
    assert.match(contract.texts[1].value, /^<!DOCTYPE html><html lang="nl">.*aanvaard de gebruiksvoorwaarden\.<\/p><\/body><\/html>$/);

    const organization = read('GenerateContract', 'success-organization') as { dn: string; signer: Actor };
    assert.equal(organization.dn, 'CN=CBE\\=0123456749\\, PORTAL,OU=eHealth-platform Belgium,OU=CABINET MEDICAL DU PARC,OU=CBE\\=0123456749,OU=PORTAL,O=Federal Government,C=BE');
    assert.deepEqual(organization.signer, person);
  });

  it('GenerateCertificate: the PublicKeyIdentifier (hexBinary in upper case, read in lower case), validation, replacement', () => {
    assert.deepEqual(read('GenerateCertificate', 'success'), { publicKeyIdentifier: KEY_ID, automaticallyValidated: true, replacesCertificate: undefined });
    assert.deepEqual(read('GenerateCertificate', 'success-replacement'), { publicKeyIdentifier: RENEWED_KEY_ID, automaticallyValidated: false, replacesCertificate: KEY_ID });
  });

  it('GenerateCertificate refused: an AuthorityError with the EteeStatusDetail errors and their parameters', () => {
    const error = failure('GenerateCertificate', 'error');
    assert.ok(error instanceof AuthorityError, String(error));
    assert.ok(!(isDomainError(error, 'ra', 'not-yet-delivered')));
    assert.equal(error.status, 'urn:be:fgov:ehealth:2.0:status:Requester');
    assert.deepEqual(error.errors, [{ code: 'FIXTURE_REFUSED', message: 'Illustrative: the contract does not match the CSR', parameters: { field: 'DN' } }]);
  });

  it('GetCertificate: the chain, leaf first, root excluded', () => {
    const chain = read('GetCertificate', 'success') as Buffer[];
    assert.equal(chain.length, 2);
    const [leaf, issuer] = chain.map((der) => new X509Certificate(der));
    assert.match(leaf.subject, /SSIN=85073003427/);
    assert.ok(leaf.checkIssued(issuer), 'the second certificate issued the first');
    assert.notEqual(issuer.subject, issuer.issuer, 'the last one is an intermediate CA, not the root');
  });

  it('GetCertificate before delivery: CERT_NOT_YET_DELIVERED becomes ra/not-yet-delivered', () => {
    const error = failure('GetCertificate', 'CERT_NOT_YET_DELIVERED');
    assert.ok(error instanceof AuthorityError, String(error));
    assert.equal(error.code, 'not-yet-delivered');
    assert.equal(error.errors[0]?.code, 'CERT_NOT_YET_DELIVERED');
    assert.ok(error.has('CERT_NOT_YET_DELIVERED'));
  });

  it('GenerateRevocationContract: the revocation contract with its reason', () => {
    const contract = read('GenerateRevocationContract', 'success') as { dn: string; signer: Actor; reason: string; texts: unknown[] };
    assert.equal(contract.dn, PERSON_DN);
    assert.deepEqual(contract.signer, person);
    assert.equal(contract.reason, 'cessationOfOperation');
    assert.equal(contract.texts.length, 2);
  });

  it('Revoke and ActivateETK: a success status is the whole answer', () => {
    assert.equal(read('Revoke', 'success'), undefined);
    assert.equal(read('ActivateETK', 'success'), undefined);
  });

  it('StartETKRegistration: the challenge, one modulus of ciphertext and 32 bytes of digest', () => {
    const { challenge } = read('StartETKRegistration', 'success') as { challenge: Buffer };
    assert.equal(challenge.length, 256 + 32);
  });

  it('CompleteETKRegistration with the ETK and ToBeActivated', () => {
    const registered = read('CompleteETKRegistration', 'success') as { etk?: Buffer; toBeActivated?: boolean };
    assert.deepEqual(registered.etk, base64In(facts.operations.CompleteETKRegistration.answers.success, 'ETK'));
    assert.equal(registered.toBeActivated, false);
  });

  it('CompleteETKRegistration without ETK nor ToBeActivated (both optional in the XSD) is accepted', () => {
    const registered = read('CompleteETKRegistration', 'success-without-etk') as { etk?: Buffer; toBeActivated?: boolean };
    assert.equal(registered.etk, undefined);
    assert.equal(registered.toBeActivated, undefined);
  });

  it('GetEtk: the token, the matching identifiers when ambiguous', () => {
    const found = read('GetEtk', 'success-etk') as EtkLookup;
    assert.equal(found.kind, 'etk');
    assert.deepEqual(found.kind === 'etk' && found.etk, base64In(facts.operations.GetEtk.answers['success-etk'], 'ETK'));

    const ambiguous = read('GetEtk', 'success-MatchingEtk') as EtkLookup;
    assert.equal(ambiguous.kind, 'ambiguous');
    const matches = ambiguous.kind === 'ambiguous' ? ambiguous.matches : [];
    assert.deepEqual(
      matches.map((identifiers) => identifiers.map(({ type, value, applicationId }) => [type, value, applicationId ?? null])),
      [[['CBE', '0123456749', null]], [['CBE', '0123456749', 'PORTAL']]],
    );
  });

  it('GetEtk with Error elements: an AuthorityError carrying the depot error', () => {
    const error = failure('GetEtk', 'error');
    assert.ok(error instanceof AuthorityError, String(error));
    assert.equal(error.errors[0]?.code, 'FIXTURE_NO_ETK');
    assert.equal(error.errors[0]?.message, 'Illustrative: no encryption token is published for these criteria');
  });

  it('a SOAP fault, whatever the operation, is a ra/soap-fault with its code and reason', () => {
    for (const name of Object.keys(facts.operations)) {
      let error: unknown;
      try {
        parseAnswer(clientOperation(name), fixture(facts.fault));
      } catch (thrown) {
        error = thrown;
      }
      assert.ok(isDomainError(error, 'ra', 'soap-fault'), `${name}: ${String(error)}`);
      assert.equal(error.params.fault, 'soapenv:Server');
      assert.equal(error.params.reason, 'Illustrative: the request could not be processed');
    }
  });
});
