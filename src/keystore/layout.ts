// What goes into an eHealth keystore and under which names, as the official tooling writes it:
// the `authentication` key with its certificate and chain, each ETK key under the decimal serial of
// its certificate, then the chain again as certificate entries named as the JDK names them (jdkName.ts).
import type { KeyObject } from 'node:crypto';
import { parseCertificate } from './certificate';
import { jdkSubjectName } from './jdkName';
import type { CertificateToWrite, KeyToWrite, Pkcs12Contents } from './pkcs12/writer';

export interface EhealthKeystoreContent {
  authentication: { privateKey: KeyObject; chain: Uint8Array[] };
  encryption: Array<{ privateKey: KeyObject; certificate: Uint8Array }>;
}

/** The JDK's local key id: "Time " and the creation time in milliseconds, unique per key. */
const timeKeyId = (millis: number) => new TextEncoder().encode(`Time ${millis}`);

export function ehealthLayout(content: EhealthKeystoreContent, now: number = Date.now()): Pkcs12Contents {
  const { chain } = content.authentication;
  const [leaf] = chain;
  if (!leaf) throw new RangeError('the authentication chain needs at least its own certificate');
  // Each chain certificate goes in twice (as in the JDK's files): named once.
  const named = chain.map((der) => ({ der, friendlyName: jdkSubjectName(der) }));
  const keys: KeyToWrite[] = [];
  const certificates: CertificateToWrite[] = [];
  const authNames = { friendlyName: 'authentication', localKeyId: timeKeyId(now) };
  keys.push({ privateKey: content.authentication.privateKey, ...authNames });
  certificates.push({ der: leaf, ...authNames }, ...named.slice(1));
  content.encryption.forEach((etk, index) => {
    const names = { friendlyName: parseCertificate(etk.certificate).details.serialNumber, localKeyId: timeKeyId(now + index + 1) };
    keys.push({ privateKey: etk.privateKey, ...names });
    certificates.push({ der: etk.certificate, ...names });
  });
  certificates.push(...named);
  return { keys, certificates };
}
