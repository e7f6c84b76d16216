// `--trace DIR` as support would read it: one folder per run, each exchange's request, answer and a
// JSON that says what went over the wire. The oracle is a recording relay between the client and a
// sandbox: what it saw on the wire must be what the JSON says. Planted links are never followed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getGenericOrganizationTypes } from '../../../src/ra/certra';
import { RaClient } from '../../../src/ra/client';
import { endpoints } from '../../../src/ra/endpoints';
import { getEtk } from '../../../src/ra/etkdepot';
import { isDomainError } from '../../../src/core/domainError';
import { errorMessage } from '../../../src/faces/errors';
import { folderTracer, TraceRefused, type TracedExchange } from '../../../src/ra/trace';
import { SandboxServer } from '../../../src/sandbox/server';

interface Seen {
  method: string;
  path: string;
  soapAction: string | undefined;
  contentType: string | undefined;
  body: Buffer;
  status: number;
  answer: Buffer;
}

/** Passes every request on to `target` unchanged and records it, with the status and body returned. */
function relay(target: () => string, seen: Seen[]): Server {
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'soapaction', 'accept']) if (request.headers[name] !== undefined) headers[name] = String(request.headers[name]);
      void fetch(`${target()}${request.url ?? ''}`, { method: request.method, headers, body })
        .then(async (answered) => {
          const answer = Buffer.from(await answered.arrayBuffer());
          seen.push({ method: request.method ?? '', path: request.url ?? '', soapAction: request.headers.soapaction as string | undefined, contentType: request.headers['content-type'], body, status: answered.status, answer });
          response.writeHead(answered.status, { 'Content-Type': answered.headers.get('content-type') ?? 'text/plain' }).end(answer);
        })
        .catch(() => response.writeHead(502).end());
    });
  });
}

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const json = (folder: string, name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as TracedExchange;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const WHEN = new Date(2026, 11, 2, 10, 15, 30);

describe('ra traces (--trace DIR)', function () {
  this.timeout(30_000);
  let root: string;
  let sandbox: SandboxServer;
  let server: Server;
  let port: number;
  const seen: Seen[] = [];
  const client = (tracer: ReturnType<typeof folderTracer>, baseUrl = `http://127.0.0.1:${port}`) => new RaClient({ endpoints: endpoints({ baseUrl }), timeoutMs: 10_000, trace: tracer });
  const traces = () => mkdtempSync(join(root, 'trace-'));

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'ra-trace-'));
    sandbox = await SandboxServer.start({ dataFolder: join(root, 'sandbox') });
    server = relay(() => sandbox.url, seen);
    port = await listen(server);
  });
  after(async () => {
    server.closeAllConnections();
    server.close();
    await sandbox.close();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    seen.length = 0;
    sandbox.setBehaviour({ failWith: undefined });
  });

  it('writes a run folder of its own (0700) with the request, the answer and a JSON that matches the wire (0600)', async () => {
    const parent = traces();
    const tracer = folderTracer(parent);
    const types = await client(tracer).call(getGenericOrganizationTypes, undefined);
    assert.ok(types.length > 0);
    assert.equal(readdirSync(parent).length, 1);
    assert.equal(join(parent, readdirSync(parent)[0]), tracer.folder);
    assert.match(readdirSync(parent)[0], /^\d{8}-\d{6}-\d+$/);
    const prefix = '001-GetGenericOrganizationTypes';
    assert.deepEqual(readdirSync(tracer.folder).sort(), [`${prefix}-request.json`, `${prefix}-request.xml`, `${prefix}-response.xml`]);
    if (process.platform !== 'win32') {
      assert.equal(statSync(tracer.folder).mode & 0o777, 0o700);
      for (const name of readdirSync(tracer.folder)) assert.equal(statSync(join(tracer.folder, name)).mode & 0o077, 0, `${name} is private`);
    }

    assert.equal(seen.length, 1);
    const [wire] = seen;
    const traced = json(tracer.folder, `${prefix}-request.json`);
    assert.equal(traced.operation, 'GetGenericOrganizationTypes');
    assert.equal(traced.method, wire.method);
    assert.equal(traced.url, `http://127.0.0.1:${port}${wire.path}`);
    assert.equal(wire.path, '/CertRa/v2');
    assert.equal(traced.soapAction, wire.soapAction);
    assert.equal(traced.soapAction, '"urn:be:fgov:ehealth:certra:protocol:v2:getGenericOrganizationTypes"');
    assert.equal(traced.contentType, wire.contentType);
    assert.equal(traced.httpStatus, wire.status);
    assert.equal(traced.httpStatus, 200);
    assert.equal(traced.error, null);
    assert.equal(traced.requestBytes, wire.body.length);
    assert.equal(traced.requestSha256, sha256(wire.body));
    assert.deepEqual(readFileSync(join(tracer.folder, traced.request)), wire.body, 'the request file is what was sent, byte for byte');
    assert.equal(traced.response, `${prefix}-response.xml`);
    assert.deepEqual(readFileSync(join(tracer.folder, `${prefix}-response.xml`)), wire.answer, 'the answer file is what came back');
    assert.ok(Date.parse(traced.sentAt) <= Date.parse(traced.endedAt));
    assert.equal(traced.durationMs, Date.parse(traced.endedAt) - Date.parse(traced.sentAt));
  });

  it('GetEtk: the empty SOAPAction "" exactly as sent', async () => {
    const tracer = folderTracer(traces());
    await client(tracer).call(getEtk, { identifiers: [{ type: 'SSIN', value: '85073003328' }] });
    const traced = json(tracer.folder, '001-GetEtk-request.json');
    assert.equal(seen[0].soapAction, '""');
    assert.equal(traced.soapAction, '""');
    assert.equal(traced.url, `http://127.0.0.1:${port}/EtkDepot/v1`);
    assert.equal(traced.httpStatus, seen[0].status);
  });

  it('numbers the exchanges of a run in order, one JSON beside each request', async () => {
    const tracer = folderTracer(traces());
    const traced = client(tracer);
    await traced.call(getGenericOrganizationTypes, undefined);
    await traced.call(getEtk, { identifiers: [{ type: 'SSIN', value: '85073003328' }] });
    const names = readdirSync(tracer.folder).sort();
    assert.deepEqual(names, [
      '001-GetGenericOrganizationTypes-request.json',
      '001-GetGenericOrganizationTypes-request.xml',
      '001-GetGenericOrganizationTypes-response.xml',
      '002-GetEtk-request.json',
      '002-GetEtk-request.xml',
      '002-GetEtk-response.xml',
    ]);
    assert.ok(Date.parse(json(tracer.folder, names[0]).endedAt) <= Date.parse(json(tracer.folder, names[3]).sentAt));
  });

  it('an HTTP error: its status and the error code, and the page that came back', async () => {
    sandbox.setBehaviour({ failWith: { http: 503 } });
    const tracer = folderTracer(traces());
    await assert.rejects(client(tracer).call(getGenericOrganizationTypes, undefined), (error: unknown) => isDomainError(error, 'ra', 'http'));
    const traced = json(tracer.folder, '001-GetGenericOrganizationTypes-request.json');
    assert.equal(seen[0].status, 503);
    assert.equal(traced.httpStatus, 503);
    assert.deepEqual(traced.error, { code: 'http' });
    assert.deepEqual(readFileSync(join(tracer.folder, traced.response ?? '')), seen[0].answer);
  });

  it('no answer at all: no status, the transport error code, no answer file', async () => {
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const tracer = folderTracer(traces());
    await assert.rejects(client(tracer, `http://127.0.0.1:${closedPort}`).call(getGenericOrganizationTypes, undefined), (error: unknown) => isDomainError(error, 'ra', 'unreachable'));
    const traced = json(tracer.folder, '001-GetGenericOrganizationTypes-request.json');
    assert.equal(traced.httpStatus, null);
    assert.deepEqual(traced.error, { code: 'unreachable', reason: 'ECONNREFUSED' });
    assert.equal(traced.response, null);
    assert.deepEqual(readdirSync(tracer.folder).sort(), ['001-GetGenericOrganizationTypes-request.json', '001-GetGenericOrganizationTypes-request.xml']);
  });

  it('two runs into the same folder in the same second: two run folders, the first left as it was', async () => {
    const parent = traces();
    const first = folderTracer(parent, { now: () => WHEN });
    await client(first).call(getGenericOrganizationTypes, undefined);
    const before = readdirSync(first.folder).map((name) => readFileSync(join(first.folder, name), 'utf8'));
    const second = folderTracer(parent, { now: () => WHEN });
    await client(second).call(getGenericOrganizationTypes, undefined);
    assert.notEqual(second.folder, first.folder);
    assert.deepEqual(readdirSync(parent).sort(), [`20261202-101530-${process.pid}`, `20261202-101530-${process.pid}-2`]);
    assert.deepEqual(readdirSync(first.folder).map((name) => readFileSync(join(first.folder, name), 'utf8')), before);
    assert.equal(readdirSync(second.folder).length, 3);
  });

  it('a link planted where the run folder would go is not followed: the run goes to a new folder', async () => {
    const parent = traces();
    const elsewhere = mkdtempSync(join(root, 'elsewhere-'));
    symlinkSync(elsewhere, join(parent, '20261202-101530-4711'), 'dir');
    const tracer = folderTracer(parent, { now: () => WHEN, id: '4711' });
    await client(tracer).call(getGenericOrganizationTypes, undefined);
    assert.equal(tracer.folder, join(parent, '20261202-101530-4711-2'));
    assert.ok(lstatSync(tracer.folder).isDirectory() && !lstatSync(tracer.folder).isSymbolicLink());
    assert.deepEqual(readdirSync(elsewhere), [], 'nothing written through the link');
  });

  it('a link planted at the request file: refused, nothing sent, nothing written through it', async () => {
    const tracer = folderTracer(traces());
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'precious');
    const dangling = join(root, 'never-created.txt');
    symlinkSync(victim, join(tracer.folder, '001-GetGenericOrganizationTypes-request.xml'));
    symlinkSync(dangling, join(tracer.folder, '002-GetGenericOrganizationTypes-request.xml'));
    const traced = client(tracer);
    await assert.rejects(traced.call(getGenericOrganizationTypes, undefined), (error: unknown) => error instanceof TraceRefused && /EEXIST|ELOOP/.test(error.reason));
    await assert.rejects(traced.call(getGenericOrganizationTypes, undefined), TraceRefused);
    assert.equal(seen.length, 0, 'nothing reached the authority');
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
    assert.equal(existsSync(dangling), false, 'a dangling link is not a way to create a file either');
    assert.match(errorMessage(new TraceRefused('F', 'EEXIST'), 'fr'), /Rien n’a été envoyé/);
  });

  it('a link planted at the answer file: the call goes on, the file is reported, nothing written through it', async () => {
    const tracer = folderTracer(traces());
    const victim = join(root, 'victim-answer.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(tracer.folder, '001-GetGenericOrganizationTypes-response.xml'));
    const types = await client(tracer).call(getGenericOrganizationTypes, undefined);
    assert.ok(types.length > 0, 'the answer still reached the caller');
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
    assert.deepEqual(tracer.problems.map((problem) => problem.file), [join(tracer.folder, '001-GetGenericOrganizationTypes-response.xml')]);
    const traced = json(tracer.folder, '001-GetGenericOrganizationTypes-request.json');
    assert.equal(traced.response, null);
    assert.equal(traced.httpStatus, 200);
  });

  it('a run folder that cannot be made is refused at once', () => {
    const parent = traces();
    const file = join(parent, 'not-a-folder');
    writeFileSync(file, '');
    assert.throws(() => folderTracer(file), (error: unknown) => error instanceof TraceRefused && error.file === file);
    mkdirSync(join(parent, 'ok'));
    assert.ok(folderTracer(join(parent, 'ok')).folder.startsWith(join(parent, 'ok')));
  });
});
