// The name the JDK gives a certificate entry in a keystore: the RFC 2253 form of the certificate's
// subject as javax.security.auth.x500.X500Principal.getName("RFC2253") writes it (sun.security.x509
// AVA.toRFC2253String), e.g. `CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001,2.5.4.5=#1303303031,O=ZETES SA,C=BE`.
import { BerReader, BerTag, oidString, type BerElement } from './pkcs12/der';
import { parseCertificate } from './certificate';

/** The only keywords the JDK writes in RFC 2253 names; any other attribute goes by its OID. */
const keywords: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** PrintableString, T61String, IA5String, GeneralString, BMPString, UTF8String: written as text. */
const stringTags = new Set([0x13, 0x14, 0x16, 0x1b, 0x1e, 0x0c]);

/** The JDK reads every string type's bytes as UTF-8 (a BMPString too), replacing what does not decode. */
const utf8 = new TextDecoder('utf-8');

/** Backslash before `,=+<>#;"\`, `\00` for NUL, and a backslash before each leading or trailing space or CR. */
function escapeValue(text: string): string {
  const escaped = text.replace(/[,=+<>#;"\\]/g, '\\$&').replace(/\0/g, '\\00');
  const [, lead, body, trail] = /^([ \r]*)(.*?)([ \r]*)$/s.exec(escaped)!;
  const each = (spaces: string) => spaces.replace(/[ \r]/g, '\\$&');
  return each(lead) + body + each(trail);
}

function attribute(type: string, value: BerElement): string {
  const keyword = keywords[type];
  if (!keyword || !stringTags.has(value.tag)) return `${keyword ?? type}=#${Buffer.from(value.encoded).toString('hex')}`;
  return `${keyword}=${escapeValue(utf8.decode(value.contents))}`;
}

/** Most specific RDN first, joined by `,` without spaces; the values of a multi-valued RDN by `+`, in encoded order. */
export function jdkSubjectName(certificate: Uint8Array): string {
  const rdns: string[] = [];
  for (const name = BerReader.inside(BerReader.read(parseCertificate(certificate).subjectName, 'name'), 'name', BerTag.sequence); !name.done; ) {
    const values: string[] = [];
    for (const rdn = BerReader.inside(name.next(BerTag.set), 'name'); !rdn.done; ) {
      const pair = BerReader.inside(rdn.next(BerTag.sequence), 'name');
      values.push(attribute(oidString(pair.next()), pair.next()));
    }
    rdns.unshift(values.join('+'));
  }
  return rdns.join(',');
}
