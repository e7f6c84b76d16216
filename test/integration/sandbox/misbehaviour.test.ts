// The sandbox told to misbehave like the real service (options and POST /sandbox/behaviour), and
// guarding its doors: loopback names only, JSON-only admin endpoint, schema-invalid requests.
import assert from 'node:assert/strict';
import * as certra from '../../../src/ra/certra';
import { SERVICE_PATHS } from '../../../src/ra/endpoints';
import { isDomainError } from '../../../src/core/domainError';
import { AuthorityError } from '../../../src/ra/errors';
import { soapCall } from '../../../src/ra/soap';
import { RaClient } from '../../../src/ra/client';
import { endpoints } from '../../../src/ra/endpoints';
import { requestForJean, sandboxSuite } from './harness';

describe('sandbox misbehaviour and guards', function () {
  this.timeout(30_000);
  const suite = sandboxSuite();
  afterEach(() => suite.harness.sandbox.setBehaviour({ pendingPolls: 0, manualValidationMs: 0, refuse: false, failWith: undefined, delayMs: 0 }));

  const requestCertificate = async () => (await requestForJean(suite.harness, suite.card)).publicKeyIdentifier;

  it('refuses requests when told to (status REFUSED, GetCertificate CERT_REFUSED)', async () => {
    assert.equal((await suite.harness.admin('{"refuse": true}')).status, 200);
    const publicKeyIdentifier = await requestCertificate();
    await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier }), (error: unknown) => error instanceof AuthorityError && error.has('CERT_REFUSED'));
    const infos = await suite.harness.client.call(certra.getCertificateInfoForCitizen, undefined, suite.card.authentication);
    assert.equal(infos.find((info) => info.publicKeyIdentifier === publicKeyIdentifier)?.status, 'REFUSED');
  });

  it('holds a request for manual validation, then delivers it', async () => {
    suite.harness.sandbox.setBehaviour({ manualValidationMs: 400 });
    const publicKeyIdentifier = await requestCertificate();
    await assert.rejects(suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier }), (error: unknown) => isDomainError(error, 'ra', 'not-yet-delivered'));
    await new Promise((resolve) => setTimeout(resolve, 450));
    assert.equal((await suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier })).length, 2);
  });

  it('fails with an HTTP status or a SOAP fault, and answers slowly', async () => {
    await suite.harness.admin('{"failWith": {"http": 503}}');
    await assert.rejects(suite.harness.client.call(certra.getGenericOrganizationTypes, undefined), (error: unknown) => isDomainError(error, 'ra', 'http') && error.params.status === 503);
    await suite.harness.admin('{"failWith": {"soapFault": "Maintenance"}}');
    await assert.rejects(suite.harness.client.call(certra.getGenericOrganizationTypes, undefined), (error: unknown) => isDomainError(error, 'ra', 'soap-fault') && /Maintenance/.test(error.message));
    await suite.harness.admin('{"failWith": null, "delayMs": 600}');
    const impatient = new RaClient({ endpoints: endpoints({ baseUrl: suite.harness.sandbox.url }), timeoutMs: 200 });
    await assert.rejects(impatient.call(certra.getGenericOrganizationTypes, undefined), (error: unknown) => isDomainError(error, 'ra', 'timeout'));
  });

  it('takes behaviour changes as JSON only, and checks them', async () => {
    assert.equal((await suite.harness.admin('{"refuse": true}', 'text/plain')).status, 415);
    assert.equal((await suite.harness.admin('{"pendingPolls": -1}')).status, 400);
    assert.equal((await suite.harness.admin('{"surprise": 1}')).status, 400);
    assert.deepEqual(await (await fetch(`${suite.harness.sandbox.url}/sandbox/behaviour`)).json(), { pendingPolls: 0, manualValidationMs: 0, refuse: false, delayMs: 0, bareEtkAnswer: false, hostileContract: false });
  });

  it('refuses a Host that is not a loopback name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${suite.harness.sandbox.url}/sandbox/behaviour`);
      request({ host: url.hostname, port: url.port, path: url.pathname, headers: { Host: 'attacker.example' } }, (response) => resolve(response.statusCode ?? 0))
        .on('error', reject)
        .end();
    });
    assert.equal(status, 403);
  });

  it('answers a SOAP Client fault to a request its XSD rejects', async () => {
    const url = new URL(SERVICE_PATHS.certra, suite.harness.sandbox.url);
    const envelope = (body: string) => `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
    const missing = envelope('<ra:GetCertificateRequest xmlns:ra="urn:be:fgov:ehealth:certra:protocol:v2" Id="_1" IssueInstant="2026-01-01T00:00:00Z"/>');
    await assert.rejects(soapCall(url, certra.getCertificate.soapAction, missing), (error: unknown) => isDomainError(error, 'ra', 'soap-fault') && /lacks PublicKeyIdentifier/.test(error.message));
    const unsigned = envelope('<ra:GetCertificateInfoForCitizenRequest xmlns:ra="urn:be:fgov:ehealth:certra:protocol:v2" Id="_1" IssueInstant="2026-01-01T00:00:00Z"/>');
    await assert.rejects(soapCall(url, certra.getCertificateInfoForCitizen.soapAction, unsigned), (error: unknown) => isDomainError(error, 'ra', 'soap-fault') && /ds:Signature/.test(error.message));
    await assert.rejects(soapCall(url, 'urn:unknown', missing), (error: unknown) => isDomainError(error, 'ra', 'soap-fault'));
    const withDtd = `<!DOCTYPE x [<!ENTITY e "boom">]>${envelope('<ra:GetGenericOrganizationTypesRequest xmlns:ra="urn:be:fgov:ehealth:certra:protocol:v2" Id="_1" IssueInstant="2026-01-01T00:00:00Z"/>')}`;
    await assert.rejects(soapCall(url, certra.getGenericOrganizationTypes.soapAction, withDtd), (error: unknown) => isDomainError(error, 'ra', 'soap-fault') && /DTD/.test(error.message));
  });

  it('takes organisation identifiers by their plain DN type, and refuses the URN forms', async () => {
    const url = new URL(SERVICE_PATHS.certra, suite.harness.sandbox.url);
    const ask = (type: string) =>
      soapCall(
        url,
        certra.getExistingApplicationIds.soapAction,
        `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ra:GetExistingApplicationIdsRequest xmlns:ra="urn:be:fgov:ehealth:certra:protocol:v2" Id="_1" IssueInstant="2026-01-01T00:00:00Z"><ra:OrganizationIdentifier Type="${type}">0123456749</ra:OrganizationIdentifier></ra:GetExistingApplicationIdsRequest></S:Body></S:Envelope>`,
      );
    assert.match(await ask('CBE'), /GetExistingApplicationIdsResponse/);
    await assert.rejects(ask('urn:be:fgov:ehealth:1.0:certificateholder:organization:cbe'), (error: unknown) => isDomainError(error, 'ra', 'soap-fault') && /Unknown organization identifier type/.test(error.message));
  });

  it('routes GetEtk by its path and element: no SOAPAction (the WSDL declares none), and no other', async () => {
    const url = new URL(SERVICE_PATHS.etkdepot, suite.harness.sandbox.url);
    const request = `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><d:GetEtkRequest xmlns:d="urn:be:fgov:ehealth:etkdepot:1_0:protocol"><d:SearchCriteria><d:Identifier><d:Type>SSIN</d:Type><d:Value>79021802145</d:Value></d:Identifier></d:SearchCriteria></d:GetEtkRequest></S:Body></S:Envelope>`;
    assert.match(await soapCall(url, '', request), /GetEtkResponse/);
    await assert.rejects(soapCall(url, 'urn:be:fgov:ehealth:etkdepot:1_0:protocol:getEtk', request), (error: unknown) => isDomainError(error, 'ra', 'soap-fault') && /SOAPAction/.test(error.message));
  });
});
