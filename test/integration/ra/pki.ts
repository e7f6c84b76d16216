// A throw-away PKI made with openssl at test time: a test CA and RSA 2048 / EC P-384 leaves, as
// Signers. Nothing is written outside the temporary folder, which the caller removes.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Signer } from '../../../src/core/signer';
import { keySigner } from '../../../src/ra/signer';

export interface TestPki {
  folder: string;
  caPem: string;
  rsa: Signer;
  ec: Signer;
  /** PEM of each Signer's leaf certificate, by algorithm. */
  leafPem: Record<Signer['algorithm'], string>;
  remove(): void;
}

function openssl(folder: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
}

function der(pem: string): Buffer {
  return Buffer.from(new X509Certificate(pem).raw);
}

export function makeTestPki(): TestPki {
  const folder = mkdtempSync(join(tmpdir(), 'ra-pki-'));
  openssl(folder, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem',
    '-days', '2', '-subj', '/CN=Test eHealth issuing CA/O=Sandbox/C=BE', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  writeFileSync(join(folder, 'leaf.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\n');
  const leaf = (name: string, keyArgs: string[]) => {
    openssl(folder, 'req', '-newkey', ...keyArgs, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=SSIN=79021802145/OU=${name}/O=Federal Government/C=BE`);
    openssl(folder, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-extfile', 'leaf.ext', '-out', `${name}.pem`);
    const pem = readFileSync(join(folder, `${name}.pem`), 'utf8');
    const caPem = readFileSync(join(folder, 'ca.pem'), 'utf8');
    return { pem, signer: keySigner(createPrivateKey(readFileSync(join(folder, `${name}.key`))), [der(pem), der(caPem)]) };
  };
  const rsa = leaf('rsa', ['rsa:2048']);
  const ec = leaf('ec', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-384']);
  return {
    folder,
    caPem: readFileSync(join(folder, 'ca.pem'), 'utf8'),
    rsa: rsa.signer,
    ec: ec.signer,
    leafPem: { 'rsa-sha256': rsa.pem, 'ecdsa-sha384': ec.pem },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
