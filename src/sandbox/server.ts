// The sandbox registration authority: an HTTP server on 127.0.0.1 only, serving CertRA v2, EtkRA v2
// and EtkDepot v1 under eHealth's paths. It routes on the path and the request element in the SOAP
// Body, and checks the SOAPAction the WSDLs declare (none for GetEtk: empty or absent). A small
// admin endpoint (/sandbox/behaviour) makes it misbehave on purpose, and carries the manual
// validator's decisions.
import { X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NS } from '../protocol/namespaces';
import { SERVICE_PATHS, type Service } from '../protocol/services';
import { faultAnswer, refusalAnswer, successAnswer } from './answers';
import { behaviourFields, changeBehaviour, DEFAULT_BEHAVIOUR, type Behaviour } from './behaviour';
import { openCa } from './ca';
import type { Handler, SandboxContext } from './context';
import { certraHandlers } from './handlers/certra';
import { etkdepotHandlers } from './handlers/etkdepot';
import { etkraHandlers } from './handlers/etkra';
import { DEFAULT_VALIDITY_DAYS, defaultDataFolder, type SandboxOptions } from './options';
import { InvalidRequest, Refusal } from './refusal';
import { elements, parseDocument, single } from './xml';
import { checkShape } from './shape';
import { SandboxState, type CertificateRecord } from './state';
import { decide, decisionIn, type Decision } from './validation';
import { verifySignedRequest } from './verify';

const HANDLERS: Handler[] = [...certraHandlers, ...etkraHandlers, ...etkdepotHandlers];
const MAX_REQUEST_BYTES = 1024 * 1024;
const BEHAVIOUR_PATH = '/sandbox/behaviour';

const serviceAt = (path: string): Service | undefined => (Object.keys(SERVICE_PATHS) as Service[]).find((service) => SERVICE_PATHS[service] === path);

/** The one element in the SOAP 1.1 Body of a request. */
function payloadOf(body: string): Element {
  const envelope = parseDocument(body).documentElement!;
  if (envelope.namespaceURI !== NS.soap || envelope.localName !== 'Envelope') throw new InvalidRequest('The request is not a SOAP 1.1 Envelope.');
  const [payload, ...others] = elements(single(envelope, NS.soap, 'Body'));
  if (!payload || others.length) throw new InvalidRequest('The SOAP Body must hold exactly one element.');
  return payload;
}

function handlerFor(service: Service, payload: Element): Handler {
  const found = HANDLERS.find(({ spec }) => spec.service === service && spec.ns === payload.namespaceURI && `${spec.name}Request` === payload.localName);
  if (!found) throw new InvalidRequest(`${SERVICE_PATHS[service]} has no operation {${payload.namespaceURI ?? ''}}${payload.localName}.`);
  return found;
}

/** The SOAPAction header without its quotes; absent reads as empty. */
const soapActionOf = (request: IncomingMessage) => String(request.headers.soapaction ?? '').replace(/^"(.*)"$/, '$1');

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
      anchors: { eid: [], sandbox: new X509Certificate(Buffer.from(ca.root.certificate.rawData)) },
      validityDays: options.validityDays ?? DEFAULT_VALIDITY_DAYS,
      behaviour: changeBehaviour(DEFAULT_BEHAVIOUR, options.behaviour ?? {}),
    };
    const server = createServer();
    const sandbox = new SandboxServer(server, context, options);
    sandbox.trust(options.trustedRoots ?? []);
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

  /** Trusts these PEM roots for eID signatures too (the eID a procedure is about to sign with). */
  trust(roots: readonly string[]): void {
    const known = new Set(this.context.anchors.eid.map((anchor) => anchor.fingerprint256));
    for (const root of roots.map((pem) => new X509Certificate(pem))) {
      if (!known.has(root.fingerprint256)) this.context.anchors.eid.push(root);
      known.add(root.fingerprint256);
    }
  }

  /** Changes the behaviour (fields as in POST /sandbox/behaviour); returns the new one. */
  setBehaviour(change: Partial<Behaviour>): Behaviour {
    this.context.behaviour = changeBehaviour(this.context.behaviour, change);
    return this.context.behaviour;
  }

  /** eHealth's validator decides on a request awaiting manual validation (an organisation typed by hand). */
  decide(publicKeyIdentifier: string, decision: Decision): CertificateRecord {
    const record = decide(this.context.state, publicKeyIdentifier, decision, this.now());
    this.log(`validator: ${decision} ${record.publicKeyIdentifier}`);
    return record;
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
    const { status, text, outcome, operation } = await this.exchange(service, soapActionOf(request), body);
    this.log(`${operation}: ${outcome}`);
    return xml(status, text);
  }

  /** Runs one operation: read and check the request, verify its signature, let the handler answer. */
  private async exchange(service: Service, soapAction: string, body: string): Promise<{ status: number; text: string; outcome: string; operation: string }> {
    const now = this.now();
    let handler: Handler | undefined;
    let requestId: string | undefined;
    try {
      const request = payloadOf(body);
      handler = handlerFor(service, request);
      const { spec } = handler;
      if (soapAction !== spec.soapAction) throw new InvalidRequest(`${spec.name} expects the SOAPAction "${spec.soapAction}", not "${soapAction}".`);
      requestId = request.getAttribute('Id') || undefined;
      checkShape(spec, request);
      const signer = spec.signedWith ? verifySignedRequest(body, request, spec.signedWith, this.context.anchors, now) : undefined;
      const answer = await handler.handle({ request, signer, now, context: this.context });
      return { status: 200, text: successAnswer(spec, requestId, answer, now), outcome: 'ok', operation: spec.name };
    } catch (error) {
      const operation = handler?.spec.name ?? service;
      if (error instanceof Refusal && handler && handler.spec.version === 2 && !handler.spec.withoutStatus) {
        return { status: 200, text: refusalAnswer(handler.spec, requestId, error, now), outcome: error.code, operation };
      }
      if (error instanceof Refusal || error instanceof InvalidRequest) {
        return { status: 500, text: faultAnswer('Client', error.message), outcome: `fault: ${error.message}`, operation };
      }
      throw error;
    }
  }

  private async answerBehaviour(request: IncomingMessage, reply: (status: number, contentType: string, body: string) => void): Promise<void> {
    if (request.method === 'GET') return reply(200, 'application/json', JSON.stringify(this.context.behaviour));
    // Requiring JSON keeps browsers' "simple" cross-site posts out (they cannot send this type without a preflight).
    if (request.method !== 'POST' || !String(request.headers['content-type'] ?? '').startsWith('application/json')) return reply(415, 'text/plain', 'POST application/json');
    try {
      // The validator's decision rides along: everything is checked before it is taken, and the behaviour changes only after.
      const { decision, rest } = decisionIn(behaviourFields(JSON.parse((await readBody(request)) ?? '') as unknown));
      const behaviour = changeBehaviour(this.context.behaviour, rest);
      if (decision) this.decide(decision[1], decision[0]);
      this.context.behaviour = behaviour;
      this.log(`behaviour: ${JSON.stringify(this.context.behaviour)}`);
      return reply(200, 'application/json', JSON.stringify(this.context.behaviour));
    } catch (error) {
      return reply(400, 'application/json', JSON.stringify({ error: (error as Error).message }));
    }
  }
}
