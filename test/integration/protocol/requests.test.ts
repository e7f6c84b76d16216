// What the client sends, against the hand-written fixtures of test/fixtures/protocol: the same
// elements, namespaces, order, attributes (identifier Type values) and fixed texts; the SOAPAction,
// service path and signing key of facts.json; signatures that xmlsec1 verifies and XML that
// eHealth's XSDs accept. The names and identifiers come from where the procedures take them (the
// eID's identity, the organisation chosen among the authority's answers), not from the test.
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EidAccess, ProcedureContext } from '../../../src/procedures/context';
import { eidUser, type EidUser } from '../../../src/procedures/eid';
import { chosenHolder, holderChoices } from '../../../src/procedures/holder';
import { RaClient } from '../../../src/ra/client';
import { endpoints } from '../../../src/ra/endpoints';
import { isDomainError } from '../../../src/core/domainError';
import type { ActorQualities, CertificateIdentifier, Contract, RevocationContract } from '../../../src/ra/model';
import { buildRequest, parseAnswer } from '../../../src/ra/operation';
import type { Signer } from '../../../src/core/signer';
import { makeTestPki, type TestPki } from '../ra/pki';
import { clientOperation } from './operations';
import {
  DS,
  FIXTURES,
  differences,
  elementChildren,
  facts,
  fixture,
  fixtureEndpoint,
  inEnvelope,
  payloadOf,
  run,
  scratch,
  serialize,
  validate,
  type FixtureEndpoint,
  type OperationFacts,
  type Scratch,
} from './support';

const SSIN = '85073003427';
const CBE = '0123456749';
const personContact = { emailPrivate: 'emilie.dubois@example.be', phonePrivate: '+32475123456' };
const organizationContact = { ...personContact, emailGeneral: 'secretariat@cabinet-parc.example.be', phoneGeneral: '+3221234567' };

/** The eID of the fixtures' holder, as the card reader would give it. */
const eid = {
  engine: {
    identity: async () => ({
      surname: 'Dubois-Lefèvre',
      firstNames: 'Émilie Anaïs',
      // The initial of a third given name is another field of the card: it is not part of FirstName.
      thirdInitial: 'M',
      nationalNumber: SSIN,
      nationalNumberValid: true,
      cardNumber: '592000000017',
      birthDate: '1985-07-30',
    }),
  },
  prompter: {},
} as unknown as EidAccess;

/** An answer fixture in its envelope; by default the first answer facts.json lists, a success. */
const answerFixture = (operation: string, answer = Object.keys(facts.operations[operation].answers)[0]) => inEnvelope(fixture(facts.operations[operation].answers[answer]));
const answerOf = <R>(operation: string, answer?: string) => parseAnswer(clientOperation(operation), answerFixture(operation, answer)) as R;

/** The text of the first `name` element of a fixture (an opaque base64 value the test passes on). */
function base64In(path: string, name: string): Buffer {
  return Buffer.from(payloadOf(fixture(path)).getElementsByTagNameNS('*', name)[0].textContent ?? '', 'base64');
}

const fixtureKeyId = () => (answerOf<{ publicKeyIdentifier: string }>('GenerateCertificate')).publicKeyIdentifier;

/** A local authority that answers every operation with its success fixture. */
const successEndpoint = () => fixtureEndpoint(({ operation }) => (operation in facts.operations ? { body: answerFixture(operation) } : { status: 500, body: fixture(facts.fault) }));

describe('protocol conformance: the client sends what the fixtures show', function () {
  this.timeout(60_000);
  let pki: TestPki;
  let temp: Scratch;
  let user: EidUser;
  let endpoint: FixtureEndpoint;
  let organization: CertificateIdentifier;
  /** Params of each request fixture, as the procedures would pass them. */
  let params: Record<string, () => unknown>;

  before(async () => {
    run('xmllint', ['--version']);
    run('xmlsec1', ['--version']);
    pki = makeTestPki();
    temp = scratch('protocol-requests-');
    user = await eidUser(eid);
    endpoint = await successEndpoint();
    const context = { client: new RaClient({ endpoints: endpoints({ baseUrl: endpoint.baseUrl }), timeoutMs: 10_000 }) } as unknown as ProcedureContext;
    const qualities = answerOf<ActorQualities>('GetActorQualities');
    const choices = holderChoices(context, qualities, user);
    const self = await chosenHolder(choices, user, { kind: 'self' });
    organization = (await chosenHolder(choices, user, { kind: 'organization', type: 'CBE', id: CBE, applicationId: 'PORTAL' })).certificate;
    const contract = answerOf<Contract>('GenerateContract');
    const revocation = answerOf<RevocationContract>('GenerateRevocationContract');
    const encryptionKey = createPublicKey(readFileSync(join(FIXTURES, facts.challenge.encryptionKey)));
    params = {
      'certra/GetActorQualitiesRequest.xml': () => ({ ssin: user.ssin }),
      'certra/GetCertificateInfoForCitizenRequest.xml': () => undefined,
      'certra/GetCertificateInfoForAuthenticationCertificateRequest.xml': () => undefined,
      'certra/GetGenericOrganizationTypesRequest.xml': () => undefined,
      'certra/GetExistingApplicationIdsRequest.xml': () => ({ organization: organization.actor.ids[0] }),
      'certra/GenerateContractRequest-person.xml': () => ({ contactData: personContact, signer: user.actor, certificate: self.certificate }),
      'certra/GenerateContractRequest-organization.xml': () => ({ contactData: organizationContact, signer: user.actor, certificate: organization }),
      'certra/GenerateCertificateRequest.xml': () => ({ contactData: personContact, csr: base64In('certra/GenerateCertificateRequest.xml', 'CSR'), contract }),
      'certra/GetCertificateRequest.xml': () => ({ publicKeyIdentifier: fixtureKeyId() }),
      'certra/GenerateRevocationContractRequest.xml': () => ({ publicKeyIdentifier: fixtureKeyId(), signer: user.actor, reason: revocation.reason }),
      'certra/RevokeRequest.xml': () => ({ publicKeyIdentifier: fixtureKeyId(), contract: revocation }),
      'etkra/StartETKRegistrationRequest.xml': () => ({ publicEncryptionKey: encryptionKey.export({ type: 'spki', format: 'der' }) }),
      'etkra/CompleteETKRegistrationRequest.xml': () => ({ etkCertificate: base64In('etkra/CompleteETKRegistrationRequest.xml', 'ToBeRegistered') }),
      'etkra/ActivateETKRequest.xml': () => undefined,
      'etkdepot/GetEtkRequest.xml': () => ({ identifiers: [{ type: 'SSIN', value: user.ssin }] }),
      'etkdepot/GetEtkRequest-organization.xml': () => ({ identifiers: [{ type: organization.actor.ids[0].type, value: organization.actor.ids[0].value, applicationId: organization.applicationId }] }),
    };
  });

  after(async () => {
    await endpoint?.close();
    pki?.remove();
    temp?.remove();
  });

  const signerFor = (operation: OperationFacts, algorithm: Signer['algorithm'] = 'rsa-sha256'): Signer | undefined =>
    operation.signedWith === null ? undefined : algorithm === 'rsa-sha256' ? pki.rsa : pki.ec;

  it('the comparison has teeth: a URN type, split first names, another order, a stray reference all show', () => {
    const compare = (path: string, change: (xml: string) => string) => {
      const original = fixture(path);
      const changed = change(original);
      assert.notEqual(changed, original, 'the change applies');
      return differences(payloadOf(original), payloadOf(changed));
    };
    const same = fixture('certra/GetActorQualitiesRequest.xml');
    assert.deepEqual(differences(payloadOf(same), payloadOf(same)), []);
    assert.match(compare('certra/GetActorQualitiesRequest.xml', (xml) => xml.replace('Type="SSIN"', 'Type="urn:be:fgov:person:ssin"')).join(), /@Type: "urn:be:fgov:person:ssin" instead of "SSIN"/);
    assert.match(
      compare('certra/GenerateContractRequest-person.xml', (xml) => xml.replace('<ehc:FirstName>Émilie Anaïs</ehc:FirstName>', '<ehc:FirstName>Émilie</ehc:FirstName><ehc:FirstName>Anaïs</ehc:FirstName>')).join(),
      /Signer: children \[Id, FirstName, FirstName, Name\] instead of \[Id, FirstName, Name\]/,
    );
    assert.match(
      compare('certra/GenerateContractRequest-organization.xml', (xml) => xml.replace(/(<crc:EmailGeneral>.*?<\/crc:EmailGeneral>)(\s*)(<crc:PhonePrivate>.*?<\/crc:PhonePrivate>)/, '$3$2$1')).join(),
      /EmailGeneral/,
    );
    assert.match(compare('certra/RevokeRequest.xml', (xml) => xml.replace('URI="#_', 'URI="#x_')).join(), /does not point at the request Id/);
    assert.match(compare('certra/GetCertificateRequest.xml', (xml) => xml.replace('550063B5', '550063B6')).join(), /PublicKeyIdentifier/);
    assert.deepEqual(compare('certra/GetCertificateRequest.xml', (xml) => xml.replace('550063B52DAC', '550063b52dac')), [], 'hexBinary is not case-sensitive');
  });

  it('every operation object carries the SOAPAction, service and signing key of facts.json', () => {
    for (const [name, operation] of Object.entries(facts.operations)) {
      const client = clientOperation(name);
      assert.equal(client.soapAction, operation.soapAction, `${name} SOAPAction`);
      assert.equal(client.service, operation.service, `${name} service`);
      assert.equal(client.signedWith ?? null, operation.signedWith, `${name} signing key`);
      assert.equal(client.ns, facts.services[operation.service].namespace, `${name} namespace`);
    }
  });

  it('the acceptance and production endpoints are eHealth\'s', () => {
    for (const environment of ['acceptance', 'production'] as const) {
      const urls = endpoints(environment);
      for (const [service, known] of Object.entries(facts.services)) assert.equal(urls[service as keyof typeof urls].href, known[environment], `${environment} ${service}`);
    }
  });

  for (const [name, operation] of Object.entries(facts.operations)) {
    for (const path of operation.requests) {
      it(`${name}: the request built by the client has the structure of ${path}, and the XSD accepts it`, async () => {
        const built = await buildRequest(clientOperation(name), params[path](), signerFor(operation));
        const request = payloadOf(built.envelope);
        assert.deepEqual(differences(payloadOf(fixture(path)), request), []);
        const validation = validate(operation.service, temp.write(`${path.replace(/\W+/g, '_')}`, serialize(request)));
        assert.ok(validation.ok, validation.output);
      });
    }

    if (operation.signedWith === null) continue;
    for (const algorithm of ['rsa-sha256', 'ecdsa-sha384'] as const) {
      it(`${name} signed ${algorithm}: xmlsec1 verifies it against the signer's CA, and a changed byte breaks it`, async () => {
        const built = await buildRequest(clientOperation(name), params[operation.requests[0]](), signerFor(operation, algorithm));
        const request = payloadOf(built.envelope);
        const signature = elementChildren(request).at(-1);
        assert.equal(signature?.namespaceURI, DS);
        assert.equal(signature?.localName, 'Signature');
        const method = signature.getElementsByTagNameNS(DS, 'SignatureMethod')[0].getAttribute('Algorithm');
        assert.equal(method, algorithm === 'rsa-sha256' ? facts.signature.signatureMethod : 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384');
        const idAttribute = ['--id-attr:Id', `${facts.services[operation.service].namespace}:${name}Request`];
        const file = temp.write(`${name}-${algorithm}.xml`, built.envelope);
        const verified = run('xmlsec1', ['--verify', ...idAttribute, '--trusted-pem', join(pki.folder, 'ca.pem'), file]);
        assert.ok(verified.ok, verified.output);
        const changed = built.envelope.replace(/IssueInstant="(\d)/, (_all, digit: string) => `IssueInstant="${(Number(digit) + 1) % 10}`);
        assert.notEqual(changed, built.envelope);
        temp.write(`${name}-${algorithm}.xml`, changed);
        assert.equal(run('xmlsec1', ['--verify', ...idAttribute, '--trusted-pem', join(pki.folder, 'ca.pem'), file]).ok, false);
      });
    }
  }

  it('the Signer is the eID holder verbatim: Type SSIN, one FirstName with every given name, the surname', () => {
    assert.deepEqual(user.actor, { ids: [{ type: 'SSIN', value: SSIN }], firstNames: ['Émilie Anaïs'], name: 'Dubois-Lefèvre' });
  });

  it('an organisation\'s Actor: its plain DN type, no FirstName, the organisation\'s name', () => {
    assert.deepEqual(organization, { actor: { ids: [{ type: 'CBE', value: CBE }], firstNames: [], name: 'Cabinet Médical du Parc' }, applicationId: 'PORTAL' });
  });

  it('on the wire: each operation goes to its service path with its SOAPAction (GetEtk: "")', async () => {
    const wire = await successEndpoint();
    try {
      const client = new RaClient({ endpoints: endpoints({ baseUrl: wire.baseUrl }), timeoutMs: 10_000 });
      for (const [name, operation] of Object.entries(facts.operations)) {
        await client.call(clientOperation(name), params[operation.requests[0]](), signerFor(operation));
        const sent = wire.received.at(-1)!;
        assert.equal(sent.operation, name);
        assert.equal(sent.path, facts.services[operation.service].path, `${name} path`);
        // SOAP 1.1 sends the action as a quoted string; an operation without one sends "".
        assert.equal(sent.headers.soapaction, `"${operation.soapAction}"`, `${name} SOAPAction`);
        assert.match(sent.headers['content-type'] ?? '', /^text\/xml/, `${name} Content-Type`);
        const envelope = payloadOf(sent.body).ownerDocument.documentElement;
        assert.equal(envelope.namespaceURI, 'http://schemas.xmlsoap.org/soap/envelope/', `${name}: a SOAP 1.1 envelope`);
      }
    } finally {
      await wire.close();
    }
  });

  it('on the wire: choosing an organisation asks GetExistingApplicationIds with the plain DN type', () => {
    const asked = endpoint.received.filter(({ operation }) => operation === 'GetExistingApplicationIds');
    assert.equal(asked.length, 1);
    assert.deepEqual(differences(payloadOf(fixture('certra/GetExistingApplicationIdsRequest.xml')), payloadOf(asked[0].body)), []);
  });

  it('on the wire: a fault with HTTP 500 is a ra/soap-fault; CERT_NOT_YET_DELIVERED is ra/not-yet-delivered', async () => {
    const wire = await fixtureEndpoint(({ operation }) =>
      operation === 'GetCertificate' ? { body: answerFixture('GetCertificate', 'CERT_NOT_YET_DELIVERED') } : { status: 500, body: fixture(facts.fault) },
    );
    try {
      const client = new RaClient({ endpoints: endpoints({ baseUrl: wire.baseUrl }), timeoutMs: 10_000 });
      await assert.rejects(client.call(clientOperation('GetCertificate'), { publicKeyIdentifier: fixtureKeyId() }), (error: unknown) => isDomainError(error, 'ra', 'not-yet-delivered'));
      await assert.rejects(client.call(clientOperation('GetGenericOrganizationTypes'), undefined), (error: unknown) => isDomainError(error, 'ra', 'soap-fault'));
    } finally {
      await wire.close();
    }
  });
});
