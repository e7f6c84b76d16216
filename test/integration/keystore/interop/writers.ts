// Keystores written by other people's software, each holding the authentication key of a sandbox
// PKI (test/unit/keystore/testPki.ts) with its chain: keytool (JDK 17 default and legacy, with an
// ETK key, a trusted certificate and a secret key), OpenSSL 3, BouncyCastle, Python `cryptography`,
// and the real keystore the official eHealth tool wrote.
import { copyFileSync, writeFileSync } from 'node:fs';
import { X509Certificate, type KeyObject } from 'node:crypto';
import * as path from 'node:path';
import { etkAlias, realKeystorePath, realPassword } from '../../../unit/keystore/fixtures';
import { makePki } from '../../../unit/keystore/testPki';
import { password } from '../generate';
import { bouncyCastleJar, debianPython, mustRun, pythonScript, pythonViewOfInputs, type PythonView } from './oracles';

/** PEM files of the sandbox PKI, written once per run. */
export interface Inputs {
  authKey: string;
  auth: string;
  /** The authentication certificate's CAs, issuing then root. */
  cas: string[];
  /** The same CAs in one file, for openssl -certfile. */
  chain: string;
  etkKey: string;
  etk: string;
}

export async function writeInputs(dir: string): Promise<Inputs> {
  const pki = await makePki();
  const pem = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const certificate = (der: Uint8Array) => new X509Certificate(der).toString();
  const key = (privateKey: KeyObject) => privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    authKey: pem('auth.key', key(pki.authKey)),
    auth: pem('auth.crt', certificate(pki.auth)),
    cas: [pem('issuing.crt', certificate(pki.issuing)), pem('root.crt', certificate(pki.root))],
    chain: pem('chain.pem', certificate(pki.issuing) + certificate(pki.root)),
    etkKey: pem('etk.key', key(pki.etkKey)),
    etk: pem('etk.crt', certificate(pki.etk)),
  };
}

export interface Written {
  file: string;
  password: string;
  /** A key without any certificate: inspect shows it with a warning. */
  keyOnly?: boolean;
  /**
   * What Python should see in the original when it cannot open it itself: OpenSSL 3.0's
   * PKCS12_parse (under cryptography 38) refuses a file without MAC when given a password.
   */
  pythonOriginal?: PythonView;
}

export interface Writer {
  writer: string;
  variant: string;
  /** Writes `keystore.p12` in `dir` (a folder of its own). */
  write(dir: string, inputs: Inputs): Written;
}

const exportWithOpenssl = (out: string, inputs: Inputs, flags: string[]) =>
  mustRun('openssl', ['pkcs12', '-export', '-inkey', inputs.authKey, '-in', inputs.auth, '-certfile', inputs.chain, '-name', 'authentication', '-passout', 'env:P12_PASSWORD', '-out', out, ...flags], password);

function openssl(variant: string, flags: string[], more: (inputs: Inputs) => Partial<Written> = () => ({})): Writer {
  return {
    writer: 'OpenSSL 3',
    variant,
    write: (dir, inputs) => {
      const file = path.join(dir, 'keystore.p12');
      exportWithOpenssl(file, inputs, flags);
      return { file, password, ...more(inputs) };
    },
  };
}

/**
 * keytool cannot import a PEM key: the two key entries (authentication with its chain, the ETK) are
 * copied from PKCS#12 files openssl writes, then a trusted certificate and an AES secret key are added.
 * The JDK writes every bag of the result itself.
 */
function keytool(variant: string, flags: string[]): Writer {
  return {
    writer: 'keytool (JDK 17)',
    variant,
    write: (dir, inputs) => {
      const file = path.join(dir, 'keystore.p12');
      const store = ['-keystore', file, '-storetype', 'PKCS12', '-storepass:env', 'P12_PASSWORD'];
      const authSource = path.join(dir, 'source-auth.p12');
      exportWithOpenssl(authSource, inputs, []);
      const etkSource = path.join(dir, 'source-etk.p12');
      mustRun('openssl', ['pkcs12', '-export', '-inkey', inputs.etkKey, '-in', inputs.etk, '-name', etkAlias, '-passout', 'env:P12_PASSWORD', '-out', etkSource], password);
      for (const source of [authSource, etkSource]) {
        mustRun('keytool', [...flags, '-importkeystore', '-noprompt', '-srckeystore', source, '-srcstoretype', 'PKCS12', '-srcstorepass:env', 'P12_PASSWORD', '-destkeystore', file, '-deststoretype', 'PKCS12', '-deststorepass:env', 'P12_PASSWORD'], password);
      }
      mustRun('keytool', [...flags, '-importcert', '-noprompt', '-alias', 'sandbox-root', '-file', inputs.cas[1], ...store], password);
      mustRun('keytool', [...flags, '-genseckey', '-keyalg', 'AES', '-keysize', '128', '-alias', 'secret', ...store], password);
      return { file, password };
    },
  };
}

function bouncyCastle(variant: string, storePassword: string): Writer {
  return {
    writer: 'BouncyCastle',
    variant,
    write: (dir, inputs) => {
      const file = path.join(dir, 'keystore.p12');
      mustRun('java', ['-cp', bouncyCastleJar, path.join(__dirname, 'BouncyCastleKeystore.java'), file, 'authentication', inputs.authKey, inputs.auth, ...inputs.cas], storePassword);
      return { file, password: storePassword };
    },
  };
}

function python(variant: string): Writer {
  return {
    writer: 'Python cryptography',
    variant,
    write: (dir, inputs) => {
      const file = path.join(dir, 'keystore.p12');
      mustRun(debianPython, [pythonScript, 'write', variant, file, 'authentication', inputs.authKey, inputs.auth, ...inputs.cas], password);
      return { file, password };
    },
  };
}

export const writers: Writer[] = [
  keytool('default (PBES2 AES-256, HMAC-SHA256)', []),
  keytool('legacy (3DES keys, RC2 certificates, SHA-1 MAC)', ['-J-Dkeystore.pkcs12.legacy']),
  openssl('default (PBES2 AES-256)', []),
  openssl('-legacy (RC2 certificates, 3DES key)', ['-legacy']),
  openssl('-nomac', ['-nomac'], (inputs) => ({ pythonOriginal: pythonViewOfInputs('authentication', inputs.authKey, inputs.auth, inputs.cas) })),
  {
    writer: 'OpenSSL 3',
    variant: '-nocerts (a key alone)',
    write: (dir, inputs) => {
      const file = path.join(dir, 'keystore.p12');
      mustRun('openssl', ['pkcs12', '-export', '-nocerts', '-inkey', inputs.authKey, '-name', 'authentication', '-passout', 'env:P12_PASSWORD', '-out', file], password);
      return { file, password, keyOnly: true };
    },
  },
  bouncyCastle('default', password),
  bouncyCastle('empty password (encoded as zero bytes)', ''),
  python('best-available'),
  python('3des-sha1'),
  {
    writer: 'the official eHealth tool',
    variant: 'real acceptance keystore',
    write: (dir) => {
      const file = path.join(dir, 'keystore.p12');
      copyFileSync(realKeystorePath, file);
      return { file, password: realPassword };
    },
  },
];
