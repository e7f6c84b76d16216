// The one door to ASN.1 in untrusted bytes: a hand-written reader, since every open walks the
// whole file and its certificates, and the schema library spent about 2 ms of main thread on a
// keystore (it builds an object tree per element). Every failure is keystore/corrupt.
import { KeystoreError } from '../errors';

export const BerTag = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  set: 0x31,
  /** [0] EXPLICIT, or [0] IMPLICIT of a constructed type. */
  context0: 0xa0,
} as const;

/** PKCS#12 nests about ten levels deep. */
const maxIndefiniteDepth = 32;

/** One element: its tag byte, its contents and its whole encoding (both views into the input). */
export interface BerElement {
  tag: number;
  contents: Uint8Array;
  encoded: Uint8Array;
}

/**
 * Reads the elements of a sequence one after the other. DER, plus the BER that PKCS#12 writers
 * such as NSS use: indefinite lengths and constructed OCTET STRINGs (see `octets`). One-byte tags.
 */
export class BerReader {
  private offset = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly what: string,
    /** Nesting of indefinite lengths, which are found by walking the children: bounded. */
    private readonly depth = 0,
  ) {}

  /** A reader over the elements inside a constructed element, which must have `tag` when given. */
  static inside(element: BerElement, what: string, tag?: number): BerReader {
    if (tag !== undefined && element.tag !== tag) throw new KeystoreError('corrupt', `${what}: tag 0x${element.tag.toString(16)} where 0x${tag.toString(16)} belongs`);
    return new BerReader(element.contents, what);
  }

  /** The single element that `data` holds (trailing bytes are ignored, as they always were). */
  static read(data: Uint8Array, what: string, tag?: number): BerElement {
    return new BerReader(data, what).next(tag);
  }

  get done(): boolean {
    return this.offset >= this.data.length;
  }

  /** The next element, which must have `tag` when given. */
  next(tag?: number): BerElement {
    const { data } = this;
    const start = this.offset;
    if (start + 2 > data.length) throw this.corrupt('truncated');
    const elementTag = data[start];
    if ((elementTag & 0x1f) === 0x1f) throw this.corrupt('multi-byte tag');
    if (tag !== undefined && elementTag !== tag) throw this.corrupt(`tag 0x${elementTag.toString(16)} where 0x${tag.toString(16)} belongs`);
    let length = data[start + 1];
    let offset = start + 2;
    if (length === 0x80) {
      // Indefinite length: the contents run to the end-of-contents mark that closes this level.
      if (!(elementTag & 0x20)) throw this.corrupt('indefinite length on a primitive element');
      if (this.depth >= maxIndefiniteDepth) throw this.corrupt('nested too deep');
      const children = new BerReader(data.subarray(offset), this.what, this.depth + 1);
      while (data[offset + children.offset] !== 0 || data[offset + children.offset + 1] !== 0) children.next();
      const end = offset + children.offset;
      if (end + 2 > data.length) throw this.corrupt('truncated');
      this.offset = end + 2;
      return { tag: elementTag, contents: data.subarray(offset, end), encoded: data.subarray(start, end + 2) };
    }
    if (length & 0x80) {
      const count = length & 0x7f;
      // Four length bytes already exceed any keystore.
      if (count > 4 || offset + count > data.length) throw this.corrupt('bad length');
      length = 0;
      for (const end = offset + count; offset < end; offset++) length = length * 256 + data[offset];
    }
    const end = offset + length;
    if (end > data.length) throw this.corrupt('truncated');
    this.offset = end;
    return { tag: elementTag, contents: data.subarray(offset, end), encoded: data.subarray(start, end) };
  }

  /** The next element if it has `tag` (OPTIONAL and DEFAULT fields). */
  optional(tag: number): BerElement | undefined {
    return !this.done && this.data[this.offset] === tag ? this.next() : undefined;
  }

  private corrupt(problem: string): KeystoreError {
    return new KeystoreError('corrupt', `${this.what}: ${problem}`);
  }
}

/**
 * The bytes of an OCTET STRING, primitive or (BER) constructed from primitive pieces;
 * `primitiveTag` for IMPLICIT tags.
 */
export function octets(element: BerElement, what: string, primitiveTag: number = BerTag.octetString): Uint8Array {
  if (element.tag === primitiveTag) return element.contents;
  if (element.tag !== (primitiveTag | 0x20)) throw new KeystoreError('corrupt', `${what}: not an OCTET STRING`);
  const pieces: Uint8Array[] = [];
  for (const reader = BerReader.inside(element, what); !reader.done; ) pieces.push(reader.next(BerTag.octetString).contents);
  return Buffer.concat(pieces);
}

/** An INTEGER as a number (imprecise beyond 2^53: the callers' limits refuse such values anyway). */
export function integer(element: BerElement, what: string): number {
  const { contents } = element;
  if (element.tag !== BerTag.integer || !contents.length) throw new KeystoreError('corrupt', `${what}: not an INTEGER`);
  let value = contents[0] & 0x80 ? -1n : 0n;
  for (const byte of contents) value = (value << 8n) | BigInt(byte);
  return Number(value);
}

/** Dotted form of an OBJECT IDENTIFIER. */
export function oidString(element: BerElement): string {
  const { contents } = element;
  if (element.tag !== BerTag.oid || !contents.length || contents[contents.length - 1] & 0x80) throw new KeystoreError('corrupt', 'not an OBJECT IDENTIFIER');
  const arcs: bigint[] = [];
  // Arcs can exceed 2^53 (UUID OIDs under 2.25), hence bigint.
  let value = 0n;
  for (const byte of contents) {
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (byte & 0x80) continue;
    arcs.push(value);
    value = 0n;
  }
  const first = arcs[0] < 80n ? arcs[0] / 40n : 2n;
  return [first, arcs[0] - first * 40n, ...arcs.slice(1)].join('.');
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } */
export function algorithmIdentifier(element: BerElement, what: string): { algorithm: string; parameters?: BerElement } {
  const fields = BerReader.inside(element, what);
  const algorithm = oidString(fields.next());
  return fields.done ? { algorithm } : { algorithm, parameters: fields.next() };
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-16BE (`width` 2) or UTF-32BE cut to 16 bits per character (`width` 4), as asn1js read them. */
function wideString(contents: Uint8Array, width: 2 | 4): string {
  if (contents.length % width) throw new KeystoreError('corrupt', 'string of the wrong size');
  let text = '';
  for (let i = width - 2; i < contents.length; i += width) text += String.fromCharCode((contents[i] << 8) | contents[i + 1]);
  return text;
}

/** The text of a DirectoryString or IA5String, decoded as asn1js did; undefined for other types. */
export function text(element: BerElement): string | undefined {
  const { contents } = element;
  switch (element.tag) {
    case 0x0c: // UTF8String; invalid UTF-8 is shown byte by byte rather than refused
      try {
        return utf8.decode(contents);
      } catch {
        return latin1(contents);
      }
    case 0x13: // PrintableString
    case 0x14: // TeletexString
    case 0x16: // IA5String
      return latin1(contents);
    case 0x1e: // BMPString
      return wideString(contents, 2);
    case 0x1c: // UniversalString
      return wideString(contents, 4);
    default:
      return undefined;
  }
}

/** DER encoding of one element with a definite length (what the rewriting of a keystore writes). */
export function encodeElement(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const length = contents.reduce((sum, part) => sum + part.length, 0);
  const lengthBytes: number[] = [];
  if (length < 0x80) lengthBytes.push(length);
  else {
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
    lengthBytes.unshift(0x80 | lengthBytes.length);
  }
  return Buffer.concat([Uint8Array.of(tag, ...lengthBytes), ...contents]);
}
