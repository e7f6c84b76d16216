// Every request the client builds, for every operation and both signature algorithms, validates
// against eHealth's XSDs (xmllint) and carries a signature that xmlsec1 verifies against the test CA.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as certra from '../../../src/ra/certra';
import * as etkra from '../../../src/ra/etkra';
import { getEtk } from '../../../src/ra/etkdepot';
import { SSIN_TYPE } from '../../../src/core/holder';
import { type Actor, type Contract, type RevocationContract } from '../../../src/ra/model';
import { NS } from '../../../src/ra/namespaces';
import { buildRequest, parseAnswer, type Operation } from '../../../src/ra/operation';
import { childElements, parseXml, serialize } from '../../../src/ra/xml';
import { run } from '../protocol/support';
import { makeTestPki, type TestPki } from './pki';

const root = join(__dirname, '..', '..', 'fixtures');
const SCHEMAS: Record<Operation<unknown, unknown>['service'], string> = {
  certra: join(root, 'xsd/ehealth-etee/XSD/ehealth-certra-schema-protocol-2_0.xsd'),
  etkra: join(root, 'xsd/ehealth-etee/XSD/ehealth-etkra-schema-protocol-2_0.xsd'),
  etkdepot: join(root, 'xsd/ehealth-etee/XSD/ehealth-etkdepot-schema-protocol-1_0.xsd'),
};

function bodyElement(envelope: string): Element {
  const body = childElements(parseXml(envelope).documentElement!, NS.soap, 'Body')[0];
  return childElements(body)[0];
}

const person: Actor = { ids: [{ type: SSIN_TYPE, value: '79021802145' }], firstNames: ['Jean Marie'], name: 'Dupont' };
const keyId = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const contactData = { emailPrivate: 'jean@example.be', phonePrivate: '+32470000000', phoneGeneral: '+3221111111' };
const der = Buffer.from('3082010a0282010100c0ffee', 'hex');

describe('ra requests: XSD-valid and signed (xmllint, xmlsec1)', function () {
  this.timeout(60_000);
  let pki: TestPki;
  let contract: Contract;
  let revocationContract: RevocationContract;

  before(() => {
    run('xmllint', ['--version']);
    run('xmlsec1', ['--version']);
    pki = makeTestPki();
    writeFileSync(join(pki.folder, 'ca.pem'), pki.caPem);
    const answer = (name: string) => readFileSync(join(root, 'ra', `${name}.xml`), 'utf8');
    contract = parseAnswer(certra.generateContract, answer('GenerateContractResponse'));
    revocationContract = parseAnswer(certra.generateRevocationContract, answer('GenerateRevocationContractResponse'));
  });
  after(() => pki?.remove());

  const cases: [Operation<never, unknown>, () => unknown][] = [
    [certra.getActorQualities, () => ({ ssin: '79021802145' })],
    [certra.getCertificateInfoForCitizen, () => undefined],
    [certra.getCertificateInfoForAuthenticationCertificate, () => undefined],
    [certra.getGenericOrganizationTypes, () => undefined],
    [certra.getExistingApplicationIds, () => ({ organization: { type: 'CBE', value: '0123456749' } })],
    [certra.generateContract, () => ({ contactData, signer: person, certificate: { actor: { ids: [{ type: 'CBE', value: '0123456749' }], firstNames: [], name: 'Cabinet <Dupont> & Co' }, applicationId: 'GATEWAY' } })],
    [certra.generateCertificate, () => ({ contactData, csr: der, contract, baseServiceUsage: ['tsa', 'codage'] })],
    [certra.getCertificate, () => ({ publicKeyIdentifier: keyId })],
    [certra.generateRevocationContract, () => ({ publicKeyIdentifier: keyId, signer: person, reason: 'superseded' })],
    [certra.revoke, () => ({ publicKeyIdentifier: keyId, contract: revocationContract })],
    [certra.submitCsrForForeigner, () => ({ person, contactData, csr: der })],
    [etkra.startEtkRegistration, () => ({ publicEncryptionKey: der })],
    [etkra.completeEtkRegistration, () => ({ etkCertificate: der })],
    [etkra.activateEtk, () => undefined],
    [getEtk, () => ({ identifiers: [{ type: 'CBE', value: '0123456749', applicationId: 'GATEWAY' }, { type: 'SSIN', value: '79021802145' }] })],
  ];

  for (const [operation, params] of cases) {
    for (const algorithm of operation.signedWith ? (['rsa-sha256', 'ecdsa-sha384'] as const) : ([undefined] as const)) {
      it(`${operation.name}${algorithm ? ` signed ${algorithm}` : ''}`, async () => {
        const signer = algorithm === 'rsa-sha256' ? pki.rsa : algorithm === 'ecdsa-sha384' ? pki.ec : undefined;
        const built = await buildRequest(operation, params() as never, signer);
        const request = bodyElement(built.envelope);
        assert.equal(request.localName, `${operation.name}Request`);
        const requestFile = join(pki.folder, `${operation.name}-${algorithm ?? 'unsigned'}.xml`);
        writeFileSync(requestFile, serialize(request));
        const validation = run('xmllint', ['--nonet', '--noout', '--schema', SCHEMAS[operation.service], requestFile]);
        assert.ok(validation.ok, validation.output);

        const last = childElements(request).at(-1);
        if (!signer) {
          assert.notEqual(last?.localName, 'Signature');
          return;
        }
        assert.equal(last?.namespaceURI, NS.ds);
        assert.equal(last?.localName, 'Signature');
        assert.match(built.id!, /^_[0-9a-f-]{36}$/);
        assert.ok(serialize(last!).includes(`URI="#${built.id}"`));
        const envelopeFile = `${requestFile}.envelope.xml`;
        writeFileSync(envelopeFile, built.envelope);
        const idAttr = ['--id-attr:Id', `${operation.ns}:${operation.name}Request`];
        const verified = run('xmlsec1', ['--verify', ...idAttr, '--trusted-pem', join(pki.folder, 'ca.pem'), envelopeFile]);
        assert.ok(verified.ok, verified.output);

        // The check has teeth: one changed character in the signed content breaks it.
        writeFileSync(envelopeFile, built.envelope.replace(/IssueInstant="(\d)/, (_whole, digit: string) => `IssueInstant="${(Number(digit) + 1) % 10}`));
        assert.equal(run('xmlsec1', ['--verify', ...idAttr, '--trusted-pem', join(pki.folder, 'ca.pem'), envelopeFile]).ok, false);
      });
    }
  }

  it('the contract goes back into GenerateCertificate exactly as received', async () => {
    const built = await buildRequest(certra.generateCertificate, { contactData, csr: der, contract }, pki.rsa);
    const csr = childElements(bodyElement(built.envelope), NS.certra, 'EHealthCSR')[0];
    const sent = childElements(csr, NS.certraCore, 'Contract')[0];
    const received = parseXml(contract.xml).documentElement!;
    assert.deepEqual(
      childElements(sent).map((element) => serialize(element)),
      childElements(received).map((element) => serialize(element)),
    );
  });

  it('the sample answers used by the tests are themselves valid', () => {
    const services: Record<string, string> = { [NS.certra]: SCHEMAS.certra, [NS.etkra]: SCHEMAS.etkra, [NS.etkdepot]: SCHEMAS.etkdepot };
    for (const name of ['GenerateContractResponse', 'GenerateRevocationContractResponse', 'GetCertificateInfoForCitizenResponse',
      'GetCertificateResponse-not-yet-delivered', 'StartETKRegistrationResponse', 'CompleteETKRegistrationResponse', 'GetEtkResponse-ambiguous']) {
      const answer = bodyElement(readFileSync(join(root, 'ra', `${name}.xml`), 'utf8'));
      const file = join(pki.folder, `${name}.xml`);
      writeFileSync(file, serialize(answer));
      const validation = run('xmllint', ['--nonet', '--noout', '--schema', services[answer.namespaceURI!], file]);
      assert.ok(validation.ok, `${name}: ${validation.output}`);
    }
  });
});
