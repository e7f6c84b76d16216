// The client against a misbehaving authority on 127.0.0.1: slow, huge, hostile, redirecting,
// failing, unreachable or with an untrusted TLS certificate. Every case ends in a clear RaError.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCertificate, getCertificateInfoForCitizen } from '../../../src/ra/certra';
import { RaClient } from '../../../src/ra/client';
import { endpoints } from '../../../src/ra/endpoints';
import { isDomainError } from '../../../src/core/domainError';
import { type RaErrorCode } from '../../../src/ra/errors';
import { errorMessage } from '../../../src/faces/errors';
import { folderTracer } from '../../../src/ra/trace';
import { makeTestPki, type TestPki } from './pki';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'ra', `${name}.xml`), 'utf8');

interface Received {
  soapAction?: string;
  contentType?: string;
}

// Behaviours chosen by the first path segment, so one server plays every kind of authority.
function behave(received: Received[], request: IncomingMessage, response: ServerResponse): void {
  received.push({ soapAction: request.headers.soapaction as string, contentType: request.headers['content-type'] });
  const mode = (request.url ?? '').split('/')[1];
  const xml = (status: number, body: string): void => {
    response.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8' }).end(body);
  };
  request.resume();
  switch (mode) {
    case 'ok':
      return xml(200, fixture('GetCertificateInfoForCitizenResponse'));
    case 'fault':
      return xml(500, fixture('Fault'));
    case 'down':
      return xml(503, '<html>Service Unavailable</html>');
    case 'redirect':
      return void response.writeHead(302, { Location: 'https://attacker.example/CertRa/v2' }).end();
    case 'xxe':
      return xml(200, `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${fixture('Fault').replace(/^<\?xml[^>]*>/, '')}`);
    case 'huge': {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let sent = 0; sent < 4 * 1024 * 1024; sent += chunk.length) response.write(chunk);
      return void response.end();
    }
    case 'slow':
      return; // never answers: the client's timeout must end the call
    default:
      return xml(404, '');
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('ra transport against a misbehaving local authority', function () {
  this.timeout(20_000);
  const received: Received[] = [];
  let server: Server;
  let port: number;
  let pki: TestPki;
  const client = (mode: string, options: { timeoutMs?: number; maxBytes?: number; trace?: ReturnType<typeof folderTracer> } = {}) =>
    new RaClient({ endpoints: endpoints({ baseUrl: `http://127.0.0.1:${port}/${mode}` }), timeoutMs: 2_000, ...options });

  before(async () => {
    pki = makeTestPki();
    server = createHttpServer((request, response) => behave(received, request, response));
    port = await listen(server);
  });
  after(() => {
    server.closeAllConnections();
    server.close();
    pki.remove();
  });

  it('sends the SOAPAction and reads the answer', async () => {
    const infos = await client('ok').call(getCertificateInfoForCitizen, undefined, pki.rsa);
    assert.equal(infos.length, 2);
    assert.equal(received.at(-1)?.soapAction, '"urn:be:fgov:ehealth:certra:protocol:v2:getCertificateInfoForCitizen"');
    assert.equal(received.at(-1)?.contentType, 'text/xml; charset=utf-8');
  });

  it('traces every envelope, numbered and named by operation', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ra-trace-'));
    try {
      const tracer = folderTracer(folder);
      await client('ok', { trace: tracer }).call(getCertificateInfoForCitizen, undefined, pki.rsa);
      assert.deepEqual(readdirSync(tracer.folder).sort(), ['001-GetCertificateInfoForCitizen-request.json', '001-GetCertificateInfoForCitizen-request.xml', '001-GetCertificateInfoForCitizen-response.xml']);
      assert.match(readFileSync(join(tracer.folder, '001-GetCertificateInfoForCitizen-request.xml'), 'utf8'), /<ds:SignatureValue>/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  const failures: [string, string, RaErrorCode, object?][] = [
    ['a SOAP fault (HTTP 500)', 'fault', 'soap-fault'],
    ['an HTTP error', 'down', 'http'],
    ['a redirect to another host', 'redirect', 'redirect'],
    ['an answer with external entities', 'xxe', 'hostile'],
    ['a 4 MB answer', 'huge', 'too-large'],
    ['no answer at all', 'slow', 'timeout', { timeoutMs: 300 }],
  ];
  for (const [name, mode, expected, options] of failures) {
    it(`ends ${name} in ra/${expected}`, async () => {
      const started = Date.now();
      await assert.rejects(client(mode, options).call(getCertificate, { publicKeyIdentifier: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567' }), (error: unknown) => isDomainError(error, 'ra', expected));
      assert.ok(Date.now() - started < 2_000, 'failed fast');
    });
  }

  it('ends an authority that is down in ra/unreachable', async () => {
    const closed = createHttpServer();
    const closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new RaClient({ endpoints: endpoints({ baseUrl: `http://127.0.0.1:${closedPort}` }) });
    await assert.rejects(unreachable.call(getCertificate, { publicKeyIdentifier: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567' }), (error: unknown) =>
      isDomainError(error, 'ra', 'unreachable') && errorMessage(error, 'nl').includes(`127.0.0.1:${closedPort}`));
  });

  it('refuses a server whose TLS certificate is not trusted', async () => {
    const tlsServer = createHttpsServer(
      { key: readFileSync(join(pki.folder, 'rsa.key')), cert: readFileSync(join(pki.folder, 'rsa.pem')) },
      (request, response) => behave(received, request, response),
    );
    const tlsPort = await listen(tlsServer);
    try {
      const untrusted = new RaClient({ endpoints: endpoints({ baseUrl: `https://127.0.0.1:${tlsPort}/ok` }) });
      await assert.rejects(untrusted.call(getCertificateInfoForCitizen, undefined, pki.rsa), (error: unknown) => isDomainError(error, 'ra', 'tls'));
    } finally {
      tlsServer.closeAllConnections();
      tlsServer.close();
    }
  });
});
