// An eID-like throw-away PKI made with openssl at test time: root -> citizen CA -> Signature
// (nonRepudiation) and Authentication (digitalSignature) certificates whose subject serialNumber
// is the SSIN, as on a Belgian eID; plus eHealth-style CSRs. Removed by the caller. Valid about a
// year, as a card is for years: a sandbox's clock moved past a short eHealth certificate's expiry
// still trusts the card.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SSIN_TYPE } from '../../../src/core/holder';
import { type Actor } from '../../../src/ra/model';
import type { Signer } from '../../../src/core/signer';
import { keySigner } from '../../../src/ra/signer';
import { RSA_SHA256, x509 } from '../../../src/sandbox/x509';

export interface EidCard {
  signature: Signer;
  authentication: Signer;
}

export interface EidPki {
  folder: string;
  rootPem: string;
  /** A card of `ssin` (its certificates' GN and SN: `names`, Jean Dupont by default); `ec` makes P-384 keys like recent cards. */
  card(ssin: string, options?: { ec?: boolean; names?: { given: string; surname: string } }): EidCard;
  remove(): void;
}

function openssl(folder: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
}

const der = (pem: string) => Buffer.from(new X509Certificate(pem).raw);

export function makeEidPki(name = 'Test Belgium Root CA'): EidPki {
  const folder = mkdtempSync(join(tmpdir(), 'sandbox-eid-'));
  const caExt = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n';
  writeFileSync(join(folder, 'ca.ext'), caExt);
  openssl(folder, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '400', '-subj', `/C=BE/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl(folder, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'citizen.key', '-out', 'citizen.csr', '-subj', '/C=BE/CN=Test Citizen CA/serialNumber=201204');
  openssl(folder, 'x509', '-req', '-in', 'citizen.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '390', '-extfile', 'ca.ext', '-out', 'citizen.pem');
  const citizenPem = readFileSync(join(folder, 'citizen.pem'), 'utf8');
  let cards = 0;
  const leaf = (ssin: string, role: 'Signature' | 'Authentication', keyArgs: string[], names: { given: string; surname: string }): Signer => {
    const base = `card${cards}-${role}`;
    const usage = role === 'Signature' ? 'nonRepudiation' : 'digitalSignature';
    writeFileSync(join(folder, `${base}.ext`), `basicConstraints=CA:FALSE\nkeyUsage=critical,${usage}\n`);
    openssl(folder, 'req', '-newkey', ...keyArgs, '-nodes', '-keyout', `${base}.key`, '-out', `${base}.csr`,
      '-utf8', '-subj', `/C=BE/CN=${names.given} ${names.surname} (${role})/SN=${names.surname}/GN=${names.given}/serialNumber=${ssin}`);
    openssl(folder, 'x509', '-req', '-in', `${base}.csr`, '-CA', 'citizen.pem', '-CAkey', 'citizen.key', '-CAcreateserial', '-days', '380', '-extfile', `${base}.ext`, '-out', `${base}.pem`);
    const key = createPrivateKey(readFileSync(join(folder, `${base}.key`)));
    return keySigner(key, [der(readFileSync(join(folder, `${base}.pem`), 'utf8')), der(citizenPem)]);
  };
  return {
    folder,
    rootPem: readFileSync(join(folder, 'root.pem'), 'utf8'),
    card: (ssin, options = {}) => {
      cards += 1;
      const keyArgs = options.ec ? ['ec', '-pkeyopt', 'ec_paramgen_curve:P-384'] : ['rsa:2048'];
      const names = options.names ?? { given: 'Jean', surname: 'Dupont' };
      return { signature: leaf(ssin, 'Signature', keyArgs, names), authentication: leaf(ssin, 'Authentication', keyArgs, names) };
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** A new RSA 2048 key and its PKCS#10 request for `subject` (certificate order, C first). */
export async function makeCsr(subject: [string, string][]): Promise<{ csr: Buffer; privateKey: KeyObject }> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const subtle = x509.cryptoProvider.get().subtle;
  const keys = {
    privateKey: await subtle.importKey('pkcs8', privateKey.export({ format: 'der', type: 'pkcs8' }), RSA_SHA256, false, ['sign']),
    publicKey: await subtle.importKey('spki', publicKey.export({ format: 'der', type: 'spki' }), RSA_SHA256, true, ['verify']),
  };
  const name = subject.map(([type, value]) => ({ [type]: [value] }));
  const request = await x509.Pkcs10CertificateRequestGenerator.create({ name, keys, signingAlgorithm: RSA_SHA256 });
  return { csr: Buffer.from(request.rawData), privateKey };
}

/** eHealth's subject for a person (DOMAIN.md section 3). */
export function personSubject(ssin: string, name: string): [string, string][] {
  return [['C', 'BE'], ['O', 'Federal Government'], ['OU', `SSIN=${ssin}`], ['OU', name], ['OU', 'eHealth-platform Belgium'], ['CN', `SSIN=${ssin}`]];
}

/** The citizen most sandbox tests sign as. */
export const jean = {
  ssin: '79021802145',
  actor: { ids: [{ type: SSIN_TYPE, value: '79021802145' }], firstNames: ['Jean'], name: 'Dupont' } satisfies Actor,
  contactData: { emailPrivate: 'jean@example.be', phonePrivate: '+32470000000' },
};
