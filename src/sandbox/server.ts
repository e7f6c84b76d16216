// The sandbox registration authority: an HTTP server on 127.0.0.1 only, serving CertRA v2, EtkRA v2
// and EtkDepot v1 under eHealth's paths, dispatching on path + SOAPAction to the operation handlers,
// with a small admin endpoint (/sandbox/behaviour) to make it misbehave on purpose.
import { X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openEnvelope } from '../ra/envelope';
import { SERVICE_PATHS } from '../ra/endpoints';
import { RaError } from '../ra/errors';
import type { Service } from '../ra/operation';
import { faultAnswer, refusalAnswer, successAnswer } from './answers';
import { changeBehaviour, DEFAULT_BEHAVIOUR, type Behaviour } from './behaviour';
import { openCa } from './ca';
import type { Handler, SandboxContext } from './context';
import { certraHandlers } from './handlers/certra';
import { etkdepotHandlers } from './handlers/etkdepot';
import { etkraHandlers } from './handlers/etkra';
import { DEFAULT_VALIDITY_DAYS, defaultDataFolder, type SandboxOptions } from './options';
import { InvalidRequest, Refusal } from './refusal';
import { checkShape } from './shape';
import { SandboxState } from './state';
import { verifySignedRequest } from './verify';

const HANDLERS: Handler[] = [...certraHandlers, ...etkraHandlers, ...etkdepotHandlers];
const MAX_REQUEST_BYTES = 1024 * 1024;
const BEHAVIOUR_PATH = '/sandbox/behaviour';

const serviceAt = (path: string): Service | undefined => (Object.keys(SERVICE_PATHS) as Service[]).find((service) => SERVICE_PATHS[service] === path);

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SandboxServer {
  private constructor(
    private readonly server: Server,
    private readonly context: SandboxContext,
    private readonly options: SandboxOptions,
  ) {}

  /** Opens (or creates) the data folder and its CA, then listens on 127.0.0.1. */
  static async start(options: SandboxOptions = {}): Promise<SandboxServer> {
    const dataFolder = options.dataFolder ?? defaultDataFolder();
    mkdirSync(dataFolder, { recursive: true, mode: 0o700 });
    const ca = await openCa(dataFolder);
    const context: SandboxContext = {
      dataFolder,
      url: '',
      state: SandboxState.open(dataFolder),
      ca,
      anchors: { eid: (options.trustedRoots ?? []).map((pem) => new X509Certificate(pem)), sandbox: new X509Certificate(Buffer.from(ca.root.certificate.rawData)) },
      validityDays: options.validityDays ?? DEFAULT_VALIDITY_DAYS,
      behaviour: changeBehaviour(DEFAULT_BEHAVIOUR, options.behaviour ?? {}),
    };
    const server = createServer();
    const sandbox = new SandboxServer(server, context, options);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      sandbox.answer(request, response).catch((error: unknown) => {
        sandbox.log(`internal error: ${(error as Error).message}`);
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' }).end(faultAnswer('Server', 'Internal sandbox error.'));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    context.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return sandbox;
  }

  get url(): string {
    return this.context.url;
  }

  get dataFolder(): string {
    return this.context.dataFolder;
  }

  get behaviour(): Behaviour {
    return this.context.behaviour;
  }

  /** Changes the behaviour (fields as in POST /sandbox/behaviour); returns the new one. */
  setBehaviour(change: Partial<Behaviour>): Behaviour {
    this.context.behaviour = changeBehaviour(this.context.behaviour, change);
    return this.context.behaviour;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  /** A request through a DNS name that rebinds to 127.0.0.1 carries that name in Host: refused. */
  private fromLoopback(request: IncomingMessage): boolean {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    return ['127.0.0.1', 'localhost', '[::1]'].includes(host);
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    const reply = (status: number, contentType: string, body: string) => void response.writeHead(status, { 'Content-Type': contentType }).end(body);
    if (!this.fromLoopback(request)) return reply(403, 'text/plain', 'Forbidden');
    if (path === BEHAVIOUR_PATH) return this.answerBehaviour(request, reply);
    const service = serviceAt(path);
    if (request.method !== 'POST' || !service) return reply(404, 'text/plain', 'Not found');
    const body = await readBody(request);
    const { behaviour } = this.context;
    if (behaviour.delayMs) await sleep(behaviour.delayMs);
    const xml = (status: number, text: string) => reply(status, 'text/xml; charset=utf-8', text);
    if (body === undefined) return xml(413, faultAnswer('Client', 'The request is too large.'));
    if (behaviour.failWith && 'http' in behaviour.failWith) return reply(behaviour.failWith.http, 'text/plain', 'Sandbox failure on request');
    if (behaviour.failWith) return xml(500, faultAnswer('Server', behaviour.failWith.soapFault));
    const soapAction = String(request.headers.soapaction ?? '').replace(/^"|"$/g, '');
    const handler = HANDLERS.find((candidate) => candidate.operation.service === service && candidate.operation.soapAction === soapAction);
    if (!handler) return xml(500, faultAnswer('Client', `Unknown SOAPAction "${soapAction}" for ${SERVICE_PATHS[service]}.`));
    const { status, text, outcome } = await this.exchange(handler, body);
    this.log(`${handler.operation.name}: ${outcome}`);
    return xml(status, text);
  }

  /** Runs one operation: read and check the request, verify its signature, let the handler answer. */
  private async exchange(handler: Handler, body: string): Promise<{ status: number; text: string; outcome: string }> {
    const { operation } = handler;
    const now = this.now();
    let requestId: string | undefined;
    try {
      const request = openEnvelope(body, operation.ns, `${operation.name}Request`);
      requestId = request.getAttribute('Id') || undefined;
      checkShape(operation, request, handler.children);
      const signer = operation.signedWith ? verifySignedRequest(body, request, operation.signedWith, this.context.anchors, now) : undefined;
      const answer = await handler.handle({ request, signer, now, context: this.context });
      return { status: 200, text: successAnswer(operation, requestId, answer, now, !handler.withoutStatus), outcome: 'ok' };
    } catch (error) {
      if (error instanceof Refusal && operation.version === 2 && !handler.withoutStatus) {
        return { status: 200, text: refusalAnswer(operation, requestId, error, now), outcome: error.code };
      }
      if (error instanceof Refusal || error instanceof InvalidRequest || error instanceof RaError) {
        // RaError here comes from the client's readers: the request is not what the XSD describes.
        return { status: 500, text: faultAnswer('Client', error.message.replace(/^The answer('s)?/, 'The request$1')), outcome: `fault: ${error.message}` };
      }
      throw error;
    }
  }

  private async answerBehaviour(request: IncomingMessage, reply: (status: number, contentType: string, body: string) => void): Promise<void> {
    if (request.method === 'GET') return reply(200, 'application/json', JSON.stringify(this.context.behaviour));
    // Requiring JSON keeps browsers' "simple" cross-site posts out (they cannot send this type without a preflight).
    if (request.method !== 'POST' || !String(request.headers['content-type'] ?? '').startsWith('application/json')) return reply(415, 'text/plain', 'POST application/json');
    try {
      const body = await readBody(request);
      this.setBehaviour(JSON.parse(body ?? '') as Partial<Behaviour>);
      this.log(`behaviour: ${JSON.stringify(this.context.behaviour)}`);
      return reply(200, 'application/json', JSON.stringify(this.context.behaviour));
    } catch (error) {
      return reply(400, 'application/json', JSON.stringify({ error: (error as Error).message }));
    }
  }
}
