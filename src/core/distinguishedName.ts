// A distinguished name as people read it. DNs reach us in several spellings: RFC 4514 as the
// keystore engine and eHealth write them (`CN=SSIN\=79021802145, ..., C=BE`), quoted RFC 1779 values
// (`CN="SSIN=79021802145"`), the JDK's aliases with bare OIDs and BER values (`2.5.4.5=#1303303031`),
// Node's unescaped lines (`C=BE, CN=Amélie Lefèvre`). Here they become attributes named by name with
// their values unescaped, in the order written. Dependency-free but for its siblings.
import { printable } from './printable';

export interface DnAttribute {
  /** `CN`, `SERIALNUMBER`, `O`, ...; an attribute type we do not name keeps its OID. */
  type: string;
  value: string;
}

// Attribute types by OID, and the spellings other tools use for them (OpenSSL's SN and GN, the JDK's OID.x).
const names: ReadonlyArray<[oid: string, name: string, ...aliases: string[]]> = [
  ['2.5.4.3', 'CN', 'COMMONNAME'],
  ['2.5.4.4', 'SURNAME', 'SN'],
  ['2.5.4.5', 'SERIALNUMBER'],
  ['2.5.4.6', 'C', 'COUNTRYNAME'],
  ['2.5.4.7', 'L', 'LOCALITYNAME'],
  ['2.5.4.8', 'ST', 'S', 'STATEORPROVINCENAME'],
  ['2.5.4.9', 'STREET', 'STREETADDRESS'],
  ['2.5.4.10', 'O', 'ORGANIZATIONNAME'],
  ['2.5.4.11', 'OU', 'ORGANIZATIONALUNITNAME'],
  ['2.5.4.12', 'TITLE'],
  ['2.5.4.17', 'POSTALCODE'],
  ['2.5.4.42', 'GIVENNAME', 'GN', 'G'],
  ['2.5.4.97', 'ORGANIZATIONIDENTIFIER'],
  ['1.2.840.113549.1.9.1', 'E', 'EMAIL', 'EMAILADDRESS'],
  ['0.9.2342.19200300.100.1.25', 'DC'],
  ['0.9.2342.19200300.100.1.1', 'UID'],
];
const typeNames = new Map(names.flatMap(([oid, name, ...aliases]) => [oid, name, ...aliases].map((spelling): [string, string] => [spelling, name])));

const typeName = (type: string) => {
  const spelling = type.trim().replace(/^OID\./i, '');
  return typeNames.get(spelling.toUpperCase()) ?? spelling;
};

/** The attributes of a DN, in the order written; a text that is no DN gives none. */
export function dnAttributes(dn: string): DnAttribute[] {
  const attributes: DnAttribute[] = [];
  let at = 0;
  while (at < dn.length) {
    const equals = dn.indexOf('=', at);
    if (equals < 0) break;
    const type = dn.slice(at, equals).replace(/^[\s,;+]+/, '');
    const { value, end } = readValue(dn, equals + 1);
    if (type.trim()) attributes.push({ type: typeName(type), value });
    at = end + 1; // past the separator
  }
  return attributes;
}

/** Reads one value from `start` to its unescaped separator (`,` `;` `+`); `end` is the separator's index. */
function readValue(dn: string, start: number): { value: string; end: number } {
  let at = start;
  while (dn[at] === ' ') at++;
  if (dn[at] === '#') {
    // A BER value only when it is hex up to the separator; else (`#ZZ`, `#1 Team`) the text as written.
    const hex = /^#([0-9A-Fa-f]*) *(?:[,;+]|$)/.exec(dn.slice(at))?.[1];
    if (hex !== undefined) return { value: berString(hex) ?? `#${hex}`, end: separatorAfter(dn, at + 1 + hex.length) };
  }
  const bytes: number[] = [];
  const quoted = dn[at] === '"';
  if (quoted) at++;
  let trailingSpaces = 0;
  for (; at < dn.length; at++) {
    const char = dn[at];
    if (quoted ? char === '"' : char === ',' || char === ';' || char === '+') break;
    if (char === '\\' && at + 1 < dn.length) {
      const pair = dn.slice(at + 1, at + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(pair)) {
        bytes.push(parseInt(pair, 16));
        at += 2;
      } else bytes.push(...utf8.encode(dn[++at]));
      trailingSpaces = 0; // an escaped space is kept
      continue;
    }
    bytes.push(...utf8.encode(char));
    // Spaces around an unquoted value are no part of it; inside quotes they are.
    trailingSpaces = char === ' ' && !quoted ? trailingSpaces + 1 : 0;
  }
  const end = quoted ? separatorAfter(dn, at + 1) : at;
  return { value: decode(bytes.slice(0, bytes.length - trailingSpaces)), end };
}

const separatorAfter = (dn: string, from: number) => {
  const found = dn.slice(from).search(/[,;+]/);
  return found < 0 ? dn.length : from + found;
};

const utf8 = new TextEncoder();
const decode = (bytes: number[]) => new TextDecoder('utf-8').decode(new Uint8Array(bytes));

/** A BER-encoded string value (`#1303303031` is PrintableString "001"); undefined for anything else. */
function berString(hex: string): string | undefined {
  const bytes = hex.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? [];
  if (bytes.length < 2) return undefined;
  const [tag, first] = bytes;
  let offset = 2;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 3) return undefined;
    length = bytes.slice(2, 2 + count).reduce((sum, byte) => sum * 256 + byte, 0);
    offset += count;
  }
  const contents = new Uint8Array(bytes.slice(offset, offset + length));
  if (contents.length !== length) return undefined;
  // UTF8String, NumericString, PrintableString, IA5String, VisibleString: UTF-8 (ASCII) text; TeletexString: Latin-1 as read in practice; BMPString: UTF-16BE.
  if ([0x0c, 0x12, 0x13, 0x16, 0x1a].includes(tag)) return new TextDecoder('utf-8').decode(contents);
  if (tag === 0x14) return new TextDecoder('latin1').decode(contents);
  if (tag === 0x1e) return new TextDecoder('utf-16be').decode(contents);
  return undefined;
}

/** The first common name, unescaped: `SSIN=79021802145`, `ZetesConfidens Private Trust PKI - eHealth issuing CA 001`. */
export function commonName(dn: string): string | undefined {
  return dnAttributes(dn).find((attribute) => attribute.type === 'CN')?.value;
}

/**
 * The DN for people, one line in the order written: `CN=SSIN=79021802145, OU=eHealth-platform Belgium, ...`,
 * types by name and values unescaped (no longer parseable back: it is for reading), control characters shown.
 * A text that is no DN is shown as it is.
 */
export function readableDn(dn: string): string {
  const attributes = dnAttributes(dn);
  if (attributes.length === 0) return printable(dn);
  return attributes.map((attribute) => `${printable(attribute.type)}=${printable(attribute.value)}`).join(', ');
}
