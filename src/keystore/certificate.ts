// Turns a DER certificate into the fields the domain model shows. Node's X509Certificate gives the
// key details and signature checks; a walk of the DER (pkcs12/der.ts) gives what Node does not expose (key
// usage bits, subject key identifier, names as ordered attributes) at a fraction of the schema
// library's cost, which matters since every open parses every certificate.
import { X509Certificate, type KeyObject } from 'node:crypto';
import { KeystoreError } from './errors';
import { BerReader, BerTag, oidString, text, type BerElement } from './pkcs12/der';
import type { KeyDescription, KeystoreCertificate } from './model';

const attributeNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.42': 'GN',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** One attribute of a distinguished name, in certificate order (country first). */
export interface NameAttribute {
  type: string;
  value: string;
}

export interface ParsedCertificate {
  details: KeystoreCertificate;
  subjectAttributes: NameAttribute[];
  /** The subject Name as encoded (DER), for the JDK's entry names (jdkName.ts). */
  subjectName: Uint8Array;
  x509: X509Certificate;
}

/** Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }, flattened in encoded order. */
function nameAttributes(name: BerElement): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const rdns = BerReader.inside(name, 'name'); !rdns.done; ) {
    for (const rdn = BerReader.inside(rdns.next(BerTag.set), 'name'); !rdn.done; ) {
      const pair = BerReader.inside(rdn.next(BerTag.sequence), 'name');
      const type = oidString(pair.next());
      attributes.push({ type: attributeNames[type] ?? type, value: attributeValue(pair.next()) });
    }
  }
  return attributes;
}

/** The string types as text; any other value as hex of its encoding, as the schema library gave it. */
const attributeValue = (value: BerElement) => text(value) ?? Buffer.from(value.encoded).toString('hex');

/** RFC 4514 string, most specific attribute first: `CN=SSIN\=79021802145, OU=..., C=BE`. */
export function formatName(attributes: NameAttribute[]): string {
  const escape = (value: string) =>
    value.replace(/[\\,+"<>;=]/g, (character) => `\\${character}`).replace(/^[ #]/, (character) => `\\${character}`).replace(/ $/, '\\ ');
  return [...attributes].reverse().map((attribute) => `${attribute.type}=${escape(attribute.value)}`).join(', ');
}

/** Type and size of a public key, or of a private key stored without its certificate. */
export function keyDescription(key: KeyObject): KeyDescription {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') return { type: 'rsa', ...(details.modulusLength ? { bits: details.modulusLength } : {}) };
  if (key.asymmetricKeyType === 'ec') return { type: 'ec', ...(details.namedCurve ? { curve: details.namedCurve } : {}) };
  return { type: 'other' };
}

export function parseCertificate(der: Uint8Array): ParsedCertificate {
  try {
    return readCertificate(der);
  } catch {
    // Whatever a damaged certificate breaks (Node's parser, the schema, an extension), it is damage.
    throw new KeystoreError('corrupt', 'certificate unreadable');
  }
}

/** KeyUsage bit names by bit number, listed in the order the model has always given them. */
const keyUsageBits: Array<[number, string]> = [
  [6, 'crlSign'],
  [3, 'dataEncipherment'],
  [8, 'decipherOnly'],
  [0, 'digitalSignature'],
  [7, 'encipherOnly'],
  [4, 'keyAgreement'],
  [5, 'keyCertSign'],
  [2, 'keyEncipherment'],
  [1, 'nonRepudiation'],
];

function keyUsageNames(extnValue: Uint8Array): string[] {
  const bits = BerReader.read(extnValue, 'key usage', BerTag.bitString).contents;
  const unused = bits[0];
  if (unused === undefined || unused > 7) throw new KeystoreError('corrupt', 'key usage: bad BIT STRING');
  const count = (bits.length - 1) * 8 - unused;
  return keyUsageBits.flatMap(([bit, name]) => (bit < count && bits[1 + (bit >> 3)] & (0x80 >> (bit & 7)) ? [name] : []));
}

const extendedKeyUsageNames: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

function extendedKeyUsage(extnValue: Uint8Array): string[] {
  const purposes: string[] = [];
  for (const list = BerReader.inside(BerReader.read(extnValue, 'extended key usage', BerTag.sequence), 'extended key usage'); !list.done; ) {
    const id = oidString(list.next());
    purposes.push(extendedKeyUsageNames[id] ?? id);
  }
  return purposes;
}

/** UTCTime (YYMMDDHHMMSSZ, 1950 to 2049) or GeneralizedTime (YYYYMMDDHHMMSS[.fff]Z), as ISO 8601. */
function readTime(time: BerElement): string {
  const value = Buffer.from(time.contents).toString('latin1');
  const match =
    time.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/i.exec(value) : time.tag === 0x18 ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d+))?Z$/i.exec(value) : null;
  if (!match) throw new KeystoreError('corrupt', 'certificate: bad time');
  const [year, month, day, hours, minutes, seconds] = match.slice(1, 7).map(Number);
  const fullYear = time.tag === 0x17 ? (year < 50 ? 2000 : 1900) + year : year;
  const millis = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0;
  const date = new Date(Date.UTC(fullYear, month - 1, day, hours, minutes, seconds, millis));
  // Date.UTC maps years 0 to 99 to 1900 to 1999.
  if (fullYear < 100) date.setUTCFullYear(fullYear);
  return date.toISOString();
}

const id = { keyUsage: '2.5.29.15', extendedKeyUsage: '2.5.29.37', subjectKeyIdentifier: '2.5.29.14' } as const;

function readCertificate(der: Uint8Array): ParsedCertificate {
  const x509 = new X509Certificate(der);
  const tbs = BerReader.inside(BerReader.inside(BerReader.read(der, 'certificate', BerTag.sequence), 'certificate').next(BerTag.sequence), 'certificate');
  tbs.optional(0xa0); // version
  const serial = tbs.next(BerTag.integer).contents;
  tbs.next(BerTag.sequence); // signature algorithm
  const issuer = nameAttributes(tbs.next(BerTag.sequence));
  const validity = BerReader.inside(tbs.next(BerTag.sequence), 'validity');
  const [notBefore, notAfter] = [readTime(validity.next()), readTime(validity.next())];
  const subject = tbs.next(BerTag.sequence);
  const subjectAttributes = nameAttributes(subject);
  tbs.next(BerTag.sequence); // subject public key info: Node reads it
  tbs.optional(0x81); // issuerUniqueID
  tbs.optional(0x82); // subjectUniqueID
  const extensions = new Map<string, Uint8Array>();
  const explicit = tbs.optional(0xa3);
  if (explicit) {
    for (const list = BerReader.inside(BerReader.inside(explicit, 'extensions').next(BerTag.sequence), 'extensions'); !list.done; ) {
      const extension = BerReader.inside(list.next(BerTag.sequence), 'extension');
      const extnId = oidString(extension.next());
      extension.optional(BerTag.boolean); // critical
      const value = extension.next(BerTag.octetString).contents;
      if (!extensions.has(extnId)) extensions.set(extnId, value);
    }
  }
  const keyUsage = extensions.get(id.keyUsage);
  const eku = extensions.get(id.extendedKeyUsage);
  const ski = extensions.get(id.subjectKeyIdentifier);
  const serialHex = Buffer.from(serial).toString('hex').replace(/^(00)+(?=.)/, '');
  return {
    x509,
    subjectAttributes,
    subjectName: subject.encoded,
    details: {
      subject: formatName(subjectAttributes),
      issuer: formatName(issuer),
      serialNumber: BigInt(`0x${serialHex}`).toString(10),
      serialNumberHex: serialHex.toUpperCase(),
      notBefore,
      notAfter,
      key: keyDescription(x509.publicKey),
      keyUsage: keyUsage ? keyUsageNames(keyUsage) : [],
      extendedKeyUsage: eku ? extendedKeyUsage(eku) : [],
      ...(ski ? { subjectKeyIdentifier: Buffer.from(BerReader.read(ski, 'subject key identifier', BerTag.octetString).contents).toString('hex').toUpperCase() } : {}),
      der: Buffer.from(der).toString('base64'),
    },
  };
}

/**
 * `issuer` issued `child`: the names chain and the signature verifies with the issuer's key. Key
 * usage is deliberately not required (OpenSSL's checkIssued wants keyCertSign), because an ETK is
 * signed by the authentication key, which has no keyCertSign.
 */
export function issuedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (child.details.issuer !== issuer.details.subject) return false;
  try {
    return child.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}
