// What the conformance tests share: the facts table and the hand-written fixtures of
// test/fixtures/protocol, a structural comparison in which the fixture is the oracle, the external
// tools (xmllint, xmlsec1, openssl) and a local HTTP endpoint that answers with fixtures. Nothing
// here uses the client's own XML code: documents are read with @xmldom/xmldom directly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'protocol');

export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const DS = 'http://www.w3.org/2000/09/xmldsig#';

export type ServiceName = 'certra' | 'etkra' | 'etkdepot';
export type SigningKeyName = 'eid-authentication' | 'eid-signature' | 'ehealth-authentication';

export interface ServiceFacts {
  namespace: string;
  schema: string;
  path: string;
  acceptance: string;
  production: string;
  source: string;
}

export interface OperationFacts {
  service: ServiceName;
  soapAction: string;
  soapActionSource: string;
  signedWith: SigningKeyName | null;
  signedWithSource: string;
  requestChildren: string[];
  requests: string[];
  answers: Record<string, string>;
}

export interface Facts {
  services: Record<ServiceName, ServiceFacts>;
  signature: { canonicalization: string; signatureMethod: string; transforms: string[]; digest: string };
  operations: Record<string, OperationFacts>;
  fault: string;
  challenge: { fixture: string; encryptionKey: string; serial: string };
}

export const facts: Facts = JSON.parse(readFileSync(join(FIXTURES, 'facts.json'), 'utf8'));

export const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

export const schemaOf = (service: ServiceName): string => resolve(FIXTURES, facts.services[service].schema);

export function parse(xml: string): Document {
  const errors: string[] = [];
  const keep = (message: string) => void errors.push(message);
  const doc = new DOMParser({ errorHandler: { error: keep, fatalError: keep } }).parseFromString(xml, 'text/xml');
  if (errors.length || !doc.documentElement) throw new Error(`Not well-formed XML: ${errors.join('; ')}`);
  return doc as unknown as Document;
}

/** An element as a document of its own (xmldom declares the namespaces it inherited). */
export const serialize = (element: Element): string => new XMLSerializer().serializeToString(element as unknown as Node);

export const elementChildren = (parent: Element): Element[] => Array.from(parent.childNodes as unknown as Node[]).filter((node): node is Element => node.nodeType === 1);

/** The request or answer element: the Body's one child in an envelope, else the document element. */
export function payloadOf(xml: string): Element {
  const root = parse(xml).documentElement;
  if (root.namespaceURI !== SOAP11 || root.localName !== 'Envelope') return root;
  const body = elementChildren(root).find((child) => child.namespaceURI === SOAP11 && child.localName === 'Body');
  const [payload] = body ? elementChildren(body) : [];
  if (!payload) throw new Error('The envelope has no Body content.');
  return payload;
}

/** A fixture payload (an eHealth answer) inside a plain SOAP 1.1 envelope, as the service sends it. */
export function inEnvelope(document: string): string {
  const body = document.replace(/^\s*<\?xml[^?]*\?>\s*/, '');
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP11}"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

export const expanded = (element: Element): string => `{${element.namespaceURI ?? ''}}${element.localName}`;

/** The name facts.json uses for a request child: the local name, `ds:` for the signature. */
export const childName = (element: Element): string => (element.namespaceURI === DS ? `ds:${element.localName}` : element.localName);

// ---- structural comparison: the fixture is the oracle ----

/** Values that differ between two correct requests and are checked for their form only. */
const UUID_ID = /^_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Elements typed xs:base64Binary in the XSDs: compared as bytes, whatever the line breaks. */
const BASE64_ELEMENTS = new Set(['CSR', 'PublicEncryptionKey', 'ToBeRegistered', 'X509Certificate', 'Challenge', 'ETK']);
/** Elements typed hexBinary (etee PublicKeyIdentifier): compared as bytes, whatever the case. */
const HEX_ELEMENTS = new Set(['PublicKeyIdentifier', 'ReplacesCertificate']);
/** Signature values: made afresh for each request, so only their form is checked. */
const SIGNATURE_VALUES = new Set(['DigestValue', 'SignatureValue', 'X509Certificate']);

interface Attribute {
  name: string;
  value: string;
}

function attributesOf(element: Element): Attribute[] {
  const attributes: Attribute[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i)!;
    if (attribute.name === 'xmlns' || attribute.prefix === 'xmlns') continue;
    attributes.push({ name: `{${attribute.namespaceURI ?? ''}}${attribute.localName}`, value: attribute.value });
  }
  return attributes.sort((a, b) => a.name.localeCompare(b.name));
}

const textOf = (element: Element): string => element.textContent ?? '';

function sameLeafText(element: string, expected: string, actual: string, inSignature: boolean): string | undefined {
  if (inSignature && SIGNATURE_VALUES.has(element)) return BASE64.test(actual.replace(/\s+/g, '')) ? undefined : `not base64: "${actual}"`;
  if (BASE64_ELEMENTS.has(element)) {
    const decoded = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('hex');
    if (!BASE64.test(actual.replace(/\s+/g, ''))) return `not base64: "${actual.slice(0, 40)}"`;
    return decoded(expected) === decoded(actual) ? undefined : 'other bytes than the fixture';
  }
  if (HEX_ELEMENTS.has(element)) return expected.trim().toLowerCase() === actual.trim().toLowerCase() ? undefined : `"${actual}" instead of "${expected}"`;
  return expected === actual ? undefined : `text "${actual}" instead of "${expected}"`;
}

/**
 * The differences between a request the client built and the fixture of that request: element
 * names and namespaces, order, attributes and their values (Type!), text where it is fixed. The
 * request's Id and IssueInstant, and the signature's values, are checked for their form only; the
 * signature's Reference must point at the request's Id; KeyInfo may carry a longer chain.
 */
export function differences(expected: Element, actual: Element): string[] {
  const found: string[] = [];
  const requestId = actual.getAttribute('Id');
  const walk = (want: Element, got: Element, path: string, inSignature: boolean) => {
    const here = `${path}/${got.localName}`;
    if (expanded(want) !== expanded(got)) {
      found.push(`${path}: ${expanded(got)} instead of ${expanded(want)}`);
      return;
    }
    const signature = inSignature || (got.namespaceURI === DS && got.localName === 'Signature');
    const wantAttributes = attributesOf(want);
    const gotAttributes = attributesOf(got);
    const names = (list: Attribute[]) => list.map((a) => a.name).join(' ');
    if (names(wantAttributes) !== names(gotAttributes)) found.push(`${here}: attributes [${names(gotAttributes)}] instead of [${names(wantAttributes)}]`);
    for (const { name, value } of wantAttributes) {
      const other = gotAttributes.find((a) => a.name === name);
      if (!other) continue;
      if (path === '' && name === '{}Id') {
        if (!UUID_ID.test(other.value)) found.push(`${here}/@Id: "${other.value}" is not "_" and a UUID`);
      } else if (path === '' && name === '{}IssueInstant') {
        if (!DATE_TIME.test(other.value)) found.push(`${here}/@IssueInstant: "${other.value}" is not an xs:dateTime`);
      } else if (signature && got.localName === 'Reference' && name === '{}URI') {
        if (other.value !== `#${requestId}`) found.push(`${here}/@URI: "${other.value}" does not point at the request Id "${requestId}"`);
      } else if (other.value !== value) {
        found.push(`${here}/@${name.replace(/^\{\}/, '')}: "${other.value}" instead of "${value}"`);
      }
    }
    let wantChildren = elementChildren(want);
    const gotChildren = elementChildren(got);
    // The fixture shows one certificate; the signer's whole chain is as good.
    if (signature && got.localName === 'X509Data' && wantChildren.length === 1 && gotChildren.length >= 1) wantChildren = gotChildren.map(() => wantChildren[0]);
    if (!wantChildren.length && !gotChildren.length) {
      const problem = sameLeafText(got.localName, textOf(want), textOf(got), signature);
      if (problem) found.push(`${here}: ${problem}`);
      return;
    }
    const list = (children: Element[]) => children.map((child) => child.localName).join(', ');
    if (wantChildren.length !== gotChildren.length) {
      found.push(`${here}: children [${list(gotChildren)}] instead of [${list(wantChildren)}]`);
      return;
    }
    wantChildren.forEach((child, i) => walk(child, gotChildren[i], here, signature));
  };
  walk(expected, actual, '', false);
  return found;
}

// ---- external tools ----

export function run(tool: string, args: string[], input?: Buffer): { ok: boolean; output: string; stdout: Buffer } {
  try {
    const stdout = execFileSync(tool, args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
    return { ok: true, output: stdout.toString('utf8'), stdout };
  } catch (error) {
    const failed = error as { code?: string; stdout?: Buffer; stderr?: Buffer };
    if (failed.code === 'ENOENT') throw new Error(`${tool} is required by these tests and is not installed.`);
    return { ok: false, output: `${failed.stdout?.toString('utf8') ?? ''}${failed.stderr?.toString('utf8') ?? ''}`, stdout: failed.stdout ?? Buffer.alloc(0) };
  }
}

export interface Scratch {
  folder: string;
  write(name: string, content: string | Buffer): string;
  remove(): void;
}

export function scratch(prefix: string): Scratch {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  return {
    folder,
    write: (name, content) => {
      const file = join(folder, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** xmllint against the service's XSD, offline. */
export function validate(service: ServiceName, file: string): { ok: boolean; output: string } {
  return run('xmllint', ['--nonet', '--noout', '--schema', schemaOf(service), file]);
}

// ---- a local endpoint answering with fixtures ----

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The request element's local name without `Request` (the operation). */
  operation: string;
}

export interface Answer {
  status?: number;
  body: string;
}

export interface FixtureEndpoint {
  baseUrl: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records each request and answers what `answer` says for it. */
export async function fixtureEndpoint(answer: (request: ReceivedRequest) => Answer): Promise<FixtureEndpoint> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let operation = '';
      try {
        operation = payloadOf(body).localName.replace(/Request$/, '');
      } catch {
        // Recorded as is; the test looks at it.
      }
      const entry: ReceivedRequest = { path: request.url ?? '', headers: request.headers, body, operation };
      received.push(entry);
      let reply: Answer;
      try {
        reply = answer(entry);
      } catch (error) {
        reply = { status: 599, body: String(error) };
      }
      response.writeHead(reply.status ?? 200, { 'Content-Type': 'text/xml; charset=utf-8' });
      response.end(reply.body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
