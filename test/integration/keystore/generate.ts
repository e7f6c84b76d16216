// Makes keystores with the real tools at test time (nothing generated is stored in the repository):
// OpenSSL 3 default and -legacy, JDK 17 keytool default (PBES2) and legacy, RSA and EC keys,
// several key entries, certificate-only files and non-ASCII passwords. The tools are required:
// a missing tool fails the suite loudly instead of skipping it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export function requireTool(command: string, versionArgs: string[]): void {
  try {
    execFileSync(command, versionArgs, { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`"${command}" is required by the keystore integration tests and could not be run: ${(error as Error).message}`);
  }
}

export const password = 'Test_2024x';
/** UTF-8 on OpenSSL's command line, BMPString in the PKCS#12 KDF, UTF-8 in PBKDF2. */
export const nonAsciiPassword = 'Pässwörd€1';
export const authSubject = '/C=BE/O=Federal Government/OU=SSIN=79021802145/OU=TEST PERSON/OU=eHealth-platform Belgium/CN=SSIN=79021802145';
export const etkSerialHex = '0E5C49B2E38708C8458463E343AABD91';
export const etkAlias = BigInt(`0x${etkSerialHex}`).toString(10);

export interface Generated {
  dir: string;
  file(name: string): string;
  read(name: string): Buffer;
  openssl(...args: string[]): string;
  keytool(...args: string[]): string;
  cleanup(): void;
}

export function generateKeystores(): Generated {
  requireTool('openssl', ['version']);
  requireTool('keytool', ['-help']);
  const dir = mkdtempSync(path.join(tmpdir(), 'ehealth-keystores-'));
  const file = (name: string) => path.join(dir, name);
  const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const openssl = (...args: string[]) => run('openssl', args);
  const keytool = (...args: string[]) => run('keytool', args);
  const pass = `pass:${password}`;

  // A sandbox CA, an eHealth-like authentication certificate (3 years) and its ETK, self-issued by
  // the authentication key as eHealth does.
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650', '-subj', '/C=BE/O=Test/CN=eHealth Sandbox issuing CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'auth.key', '-out', 'auth.csr', '-subj', authSubject);
  openssl('x509', '-req', '-in', 'auth.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', '0x5833A93F965F7473', '-days', '1096', '-out', 'auth.crt');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'etk.key', '-out', 'etk.csr', '-subj', authSubject);
  openssl('x509', '-req', '-in', 'etk.csr', '-CA', 'auth.crt', '-CAkey', 'auth.key', '-set_serial', `0x${etkSerialHex}`, '-days', '1096', '-out', 'etk.crt');
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ec.key', '-out', 'ec.csr', '-subj', authSubject);
  openssl('x509', '-req', '-in', 'ec.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', '7', '-days', '1096', '-out', 'ec.crt');

  const exportP12 = (out: string, key: string, cert: string, name: string, extra: string[] = [], passout = pass) =>
    openssl('pkcs12', '-export', '-inkey', key, '-in', cert, '-certfile', 'ca.crt', '-name', name, '-passout', passout, '-out', out, ...extra);
  exportP12('openssl3.p12', 'auth.key', 'auth.crt', 'authentication');
  exportP12('openssl3-legacy.p12', 'auth.key', 'auth.crt', 'authentication', ['-legacy']);
  exportP12('openssl3-ec.p12', 'ec.key', 'ec.crt', 'authentication');
  exportP12('openssl3-nonascii.p12', 'auth.key', 'auth.crt', 'authentication', [], `pass:${nonAsciiPassword}`);
  exportP12('openssl3-legacy-nonascii.p12', 'auth.key', 'auth.crt', 'authentication', ['-legacy'], `pass:${nonAsciiPassword}`);
  exportP12('etk.p12', 'etk.key', 'etk.crt', etkAlias);
  openssl('pkcs12', '-export', '-nokeys', '-in', 'ca.crt', '-name', 'issuing-ca', '-passout', pass, '-out', 'certificates-only.p12');

  // JDK 17: two key entries (authentication + ETK) merged into one store, PBES2 by default and the
  // legacy layout of the eHealth tooling with keystore.pkcs12.legacy.
  for (const [out, flags] of [['keytool17.p12', []], ['keytool17-legacy.p12', ['-J-Dkeystore.pkcs12.legacy']]] as const) {
    for (const source of ['openssl3.p12', 'etk.p12']) {
      keytool(...flags, '-importkeystore', '-noprompt', '-srckeystore', source, '-srcstoretype', 'pkcs12', '-srcstorepass', password, '-destkeystore', out, '-deststoretype', 'pkcs12', '-deststorepass', password);
    }
  }
  keytool('-genkeypair', '-keyalg', 'EC', '-groupname', 'secp384r1', '-alias', 'authentication', '-dname', 'CN=SSIN=79021802145, O=Federal Government, C=BE', '-validity', '1096', '-keystore', 'keytool17-ec.p12', '-storetype', 'pkcs12', '-storepass', password);

  return { dir, file, read: (name) => readFileSync(file(name)), openssl, keytool, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
