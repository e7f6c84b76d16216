// Typed readers over answer elements: each value is checked against its XSD type, and anything
// missing or out of shape becomes ra/malformed naming the element.
import { RaError } from './errors';
import { childElements } from './xml';
import { NS } from './namespaces';

function malformed(element: string, problem: string): never {
  throw new RaError('malformed', `The answer's ${element} ${problem}.`, { detail: element });
}

export function children(parent: Element, ns: string | null, name: string): Element[] {
  return childElements(parent, ns, name);
}

/** One or more `name` children (XSD maxOccurs="unbounded" with minOccurs="1"). */
export function oneOrMore(parent: Element, ns: string | null, name: string): Element[] {
  const found = childElements(parent, ns, name);
  if (!found.length) malformed(name, 'is missing');
  return found;
}

export function optionalChild(parent: Element, ns: string | null, name: string): Element | undefined {
  const found = childElements(parent, ns, name);
  if (found.length > 1) malformed(name, 'appears more than once');
  return found[0];
}

export function child(parent: Element, ns: string | null, name: string): Element {
  return optionalChild(parent, ns, name) ?? malformed(name, 'is missing');
}

export function textOf(element: Element): string {
  return element.textContent ?? '';
}

export function text(parent: Element, ns: string | null, name: string): string {
  return textOf(child(parent, ns, name));
}

export function optionalText(parent: Element, ns: string | null, name: string): string | undefined {
  const found = optionalChild(parent, ns, name);
  return found && textOf(found);
}

export function boolean(parent: Element, ns: string | null, name: string): boolean {
  const value = text(parent, ns, name).trim();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return malformed(name, 'is not a boolean');
}

export function dateTimeOf(element: Element): Date {
  const value = textOf(element).trim();
  const date = new Date(value);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(value) || Number.isNaN(date.getTime())) malformed(element.localName, 'is not a date-time');
  return date;
}

export function dateTime(parent: Element, ns: string | null, name: string): Date {
  return dateTimeOf(child(parent, ns, name));
}

export function base64Of(element: Element): Buffer {
  const value = textOf(element).replace(/\s+/g, '');
  if (!value || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4) malformed(element.localName, 'is not base64');
  return Buffer.from(value, 'base64');
}

export function base64(parent: Element, ns: string | null, name: string): Buffer {
  return base64Of(child(parent, ns, name));
}

/** A PublicKeyIdentifier (hexBinary, 20 bytes), returned in lower case. */
export function keyIdentifier(parent: Element, ns: string | null, name: string): string {
  const value = text(parent, ns, name).trim();
  if (!/^[0-9a-fA-F]{40}$/.test(value)) malformed(name, 'is not a 20-byte key identifier');
  return value.toLowerCase();
}

export function oneOf<T extends string>(parent: Element, ns: string | null, name: string, allowed: readonly T[]): T {
  const value = text(parent, ns, name).trim();
  if (!(allowed as readonly string[]).includes(value)) malformed(name, `has an unknown value "${value}"`);
  return value as T;
}

export function optionalAttributeOneOf<T extends string>(element: Element, name: string, allowed: readonly T[]): T | undefined {
  const value = element.getAttribute(name) || undefined;
  if (value !== undefined && !(allowed as readonly string[]).includes(value)) malformed(`${element.localName}/@${name}`, `has an unknown value "${value}"`);
  return value as T | undefined;
}

/** True when the element is `xsi:nil`. */
export function isNil(element: Element): boolean {
  const nil = element.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'nil');
  return nil === 'true' || nil === '1';
}

export function xmlLang(element: Element): string {
  return element.getAttributeNS(NS.xml, 'lang') ?? '';
}
