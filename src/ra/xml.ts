// The only door to XML in the registration client: elements are built as a DOM (never by string
// concatenation of values), and answers are parsed with DTDs and entities refused outright.
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { RaError } from './errors';
import { PREFIXES } from './namespaces';

/** Content of an element to build: child elements, text, or nodes copied verbatim from an answer. */
export type XmlContent = XmlElement | string | Node | undefined;

export interface XmlElement {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlContent[];
}

/** Describes an element; `undefined` children are skipped so optional fields read naturally. */
export function el(ns: string, name: string, children: XmlContent[] | string = [], attrs: Record<string, string> = {}): XmlElement {
  return { ns, name, attrs, children: typeof children === 'string' ? [children] : children };
}

function isXmlElement(content: XmlContent): content is XmlElement {
  return typeof content === 'object' && 'ns' in content && 'children' in content;
}

function usedNamespaces(element: XmlElement, into = new Set<string>()): Set<string> {
  into.add(element.ns);
  for (const child of element.children) if (child !== undefined && isXmlElement(child)) usedNamespaces(child, into);
  return into;
}

function qualifiedName(ns: string, name: string): string {
  const prefix = PREFIXES[ns];
  return prefix ? `${prefix}:${name}` : name;
}

function toDom(doc: Document, element: XmlElement): Element {
  const node = doc.createElementNS(element.ns, qualifiedName(element.ns, element.name));
  for (const [name, value] of Object.entries(element.attrs)) node.setAttribute(name, value);
  for (const child of element.children) {
    if (child === undefined) continue;
    if (typeof child === 'string') node.appendChild(doc.createTextNode(child));
    else if (isXmlElement(child)) node.appendChild(toDom(doc, child));
    else node.appendChild(doc.importNode(child, true));
  }
  return node;
}

/**
 * Builds a document whose root is `root` inside the optional `wrap` chain (outermost first), and
 * declares every namespace of `root` on `root` itself so that it stands alone once extracted.
 */
export function buildDocument(root: XmlElement, wrap: XmlElement[] = []): { doc: Document; root: Element } {
  const doc = new DOMImplementation().createDocument(null, '', null);
  let parent: Node = doc;
  for (const level of wrap) parent = parent.appendChild(toDom(doc, level));
  const rootNode = parent.appendChild(toDom(doc, root));
  for (const ns of usedNamespaces(root)) {
    const prefix = PREFIXES[ns];
    if (prefix) rootNode.setAttributeNS('http://www.w3.org/2000/xmlns/', `xmlns:${prefix}`, ns);
  }
  return { doc, root: rootNode };
}

export function serialize(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

// A DOCTYPE may only appear in the prolog: find it there rather than anywhere in the text, where
// an HTML contract in a CDATA section could legitimately mention one.
const PROLOG_ITEM = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)/;

function prologHasDoctype(text: string): boolean {
  let rest = text.replace(/^\uFEFF/, '');
  for (let match = PROLOG_ITEM.exec(rest); match && match[0].length; match = PROLOG_ITEM.exec(rest)) rest = rest.slice(match[0].length);
  return rest.startsWith('<!');
}

const DOCUMENT_TYPE_NODE = 10;
const ENTITY_REFERENCE_NODE = 5;

function assertNoDtdNodes(node: Node): void {
  if (node.nodeType === DOCUMENT_TYPE_NODE || node.nodeType === ENTITY_REFERENCE_NODE) {
    throw new RaError('hostile', 'The answer carries a document type or an entity reference.');
  }
  for (let child = node.firstChild; child; child = child.nextSibling) assertNoDtdNodes(child);
}

/** Parses an answer: refuses any DTD or entity, and any well-formedness error or warning. */
export function parseXml(text: string): Document {
  if (prologHasDoctype(text)) {
    throw new RaError('hostile', 'The answer declares a document type (DTD) or entities; refused.');
  }
  const fail = (message: string): never => {
    throw new RaError('malformed', `The answer is not well-formed XML: ${message}`, { detail: 'XML' });
  };
  const doc = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, 'text/xml');
  if (!doc?.documentElement) fail('no root element');
  assertNoDtdNodes(doc);
  return doc;
}

/** Child elements of `parent`, optionally only those named `name` in namespace `ns` (`null` = no namespace). */
export function childElements(parent: Element, ns?: string | null, name?: string): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    if (name !== undefined && (element.localName !== name || (element.namespaceURI ?? null) !== ns)) continue;
    found.push(element);
  }
  return found;
}
