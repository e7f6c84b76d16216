// The sandbox's own XML door, written apart from the client's (an oracle shares no logic with what
// it tests): requests are parsed with @xmldom/xmldom, DTDs and entity references refused, and read
// with getters that turn every deviation from the XSD into an InvalidRequest; answers are written
// as text by a small serializer that escapes every value and declares every namespace once.
import { DOMParser } from '@xmldom/xmldom';
import { NS } from '../protocol/namespaces';
import { InvalidRequest } from './refusal';

/** A piece of an answer: an element, text, or nothing (optional parts read naturally). */
export type Part = Node_ | string | undefined | false;

export interface Node_ {
  ns: string;
  name: string;
  attributes: Record<string, string>;
  parts: Part[];
}

/** An element of an answer; `ns` '' for the unqualified children some eHealth types have. */
export function node(ns: string, name: string, parts: Part[] | string = [], attributes: Record<string, string> = {}): Node_ {
  return { ns, name, attributes, parts: typeof parts === 'string' ? [parts] : parts };
}

const PREFIX: Record<string, string> = {
  [NS.soap]: 'S',
  [NS.commonsCore]: 'core',
  [NS.commonsCoreV1]: 'core1',
  [NS.eteeCore]: 'etee',
  [NS.certra]: 'certra',
  [NS.certraCore]: 'certracore',
  [NS.etkra]: 'etkra',
  [NS.etkdepot]: 'depot',
  [NS.xsi]: 'xsi',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
const escaped = (value: string) => value.replace(/[&<>"\r]/g, (character) => ESCAPES[character]);

function qualified(ns: string, name: string): string {
  if (!ns) return name;
  const prefix = PREFIX[ns];
  if (!prefix) throw new Error(`No prefix for namespace ${ns}.`);
  return `${prefix}:${name}`;
}

function write(element: Node_, used: Set<string>): string {
  if (element.ns) used.add(element.ns);
  if (Object.keys(element.attributes).some((key) => key.startsWith('xsi:'))) used.add(NS.xsi);
  const name = qualified(element.ns, element.name);
  const attributes = Object.entries(element.attributes).map(([key, value]) => ` ${key}="${escaped(value)}"`).join('');
  const inner = element.parts.map((part) => (part === undefined || part === false ? '' : typeof part === 'string' ? escaped(part) : write(part, used))).join('');
  return `<${name}${attributes}>${inner}</${name}>`;
}

/** A standalone document whose root declares every namespace it uses (xml: needs none). */
export function document(root: Node_): string {
  const used = new Set<string>();
  const body = write(root, used);
  const declarations = [...used].map((ns) => ` xmlns:${PREFIX[ns]}="${ns}"`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>${body.replace(/^<([^\s>]+)/, `<$1${declarations}`)}`;
}

/** A SOAP 1.1 envelope around one payload element. */
export const soapEnvelope = (payload: Node_) => document(node(NS.soap, 'Envelope', [node(NS.soap, 'Body', [payload])]));

// ---- reading requests ----

const DOCUMENT_TYPE = 10;
const ENTITY_REFERENCE = 5;

function refuseDtd(parent: Node): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === DOCUMENT_TYPE || child.nodeType === ENTITY_REFERENCE) throw new InvalidRequest('DTDs and entity references are not accepted.');
    refuseDtd(child);
  }
}

export function parseDocument(text: string): Document {
  const fail = (message: string): never => {
    throw new InvalidRequest(`The request is not well-formed XML: ${message}`);
  };
  const doc = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, 'text/xml');
  if (!doc?.documentElement) fail('no root element');
  refuseDtd(doc);
  return doc;
}

/** The child elements of `parent`, all or those named `name` in `ns` (null: unqualified). */
export function elements(parent: Element, ns?: string | null, name?: string): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    if (name === undefined || (element.localName === name && (element.namespaceURI ?? null) === ns)) found.push(element);
  }
  return found;
}

export function optional(parent: Element, ns: string | null, name: string): Element | undefined {
  const found = elements(parent, ns, name);
  if (found.length > 1) throw new InvalidRequest(`${parent.localName} has more than one ${name}.`);
  return found[0];
}

export function single(parent: Element, ns: string | null, name: string): Element {
  const found = optional(parent, ns, name);
  if (!found) throw new InvalidRequest(`${parent.localName} lacks ${name}.`);
  return found;
}

export const textOf = (element: Element) => element.textContent ?? '';

export const valueOf = (parent: Element, ns: string | null, name: string) => textOf(single(parent, ns, name));

export function optionalValueOf(parent: Element, ns: string | null, name: string): string | undefined {
  const found = optional(parent, ns, name);
  return found && textOf(found);
}

/** xs:base64Binary content. */
export function binaryOf(parent: Element, ns: string | null, name: string): Buffer {
  const text = valueOf(parent, ns, name).replace(/\s+/g, '');
  if (!text || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new InvalidRequest(`${name} is not base64.`);
  return Buffer.from(text, 'base64');
}

/** A PublicKeyIdentifier (xs:hexBinary of 20 bytes), lower case. */
export function keyIdentifierOf(parent: Element, ns: string, name: string): string {
  const text = valueOf(parent, ns, name).trim();
  if (!/^[0-9A-Fa-f]{40}$/.test(text)) throw new InvalidRequest(`${name} is not a 20-byte hexBinary.`);
  return text.toLowerCase();
}
