// The virtual eID's test PKI, made with openssl at build time: Root -> Citizen CA -> the holder's
// Authentication and Signature certificates, RSA 2048 or EC P-384 throughout, subjects shaped like
// those on a real card. Names say TEST so no one mistakes them for the Belgian government's.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { VirtualAlgorithm, VirtualHolder } from './holders';
import { tool } from './tools';

export interface IssuedKey {
  /** PKCS#8 DER private key (deleted once imported into the token). */
  keyDer: string;
  certificateDer: string;
  certificatePem: string;
}

export interface TestPki {
  root: IssuedKey;
  ca: IssuedKey;
  authentication: IssuedKey;
  signature: IssuedKey;
}

const extensions = `
[root]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[authentication]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth, emailProtection
authorityKeyIdentifier = keyid
[signature]
basicConstraints = critical, CA:FALSE
keyUsage = critical, nonRepudiation
authorityKeyIdentifier = keyid
`;

type Role = keyof TestPki;

export async function makeTestPki(dir: string, algorithm: VirtualAlgorithm, holder: VirtualHolder): Promise<TestPki> {
  await fs.mkdir(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  await fs.writeFile(file('extensions.cnf'), extensions);
  const digest = algorithm === 'ec' ? '-sha384' : '-sha256';
  const keyOptions = algorithm === 'ec' ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-pkeyopt', 'ec_param_enc:named_curve'] : ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
  const roles: Role[] = ['root', 'ca', 'authentication', 'signature'];
  await Promise.all(roles.map((role) => tool('openssl', ['genpkey', ...keyOptions, '-out', file(`${role}.key.pem`)])));

  const name = `${holder.givenName} ${holder.surname}`;
  const holderSubject = (use: string) => `/C=BE/CN=${name} (${use})/SN=${holder.surname}/GN=${holder.firstNames}/serialNumber=${holder.nationalNumber}`;
  const subjects: Record<Role, string> = {
    root: '/C=BE/CN=TEST Belgium Root CA (virtual eID)',
    ca: '/C=BE/CN=TEST Citizen CA (virtual eID)/serialNumber=202401',
    authentication: holderSubject('Authentication'),
    signature: holderSubject('Signature'),
  };
  const issuer: Record<Role, Role> = { root: 'root', ca: 'root', authentication: 'ca', signature: 'ca' };
  const days: Record<Role, string> = { root: '7300', ca: '5475', authentication: '3650', signature: '3650' };

  // In order: each certificate needs its issuer's.
  for (const [index, role] of roles.entries()) {
    const key = file(`${role}.key.pem`);
    const pem = file(`${role}.pem`);
    if (role === 'root') {
      await tool('openssl', ['req', '-new', '-x509', '-utf8', '-key', key, '-subj', subjects.root, digest, '-days', days.root, '-set_serial', '1', '-config', file('extensions.cnf'), '-extensions', 'root', '-out', pem]);
    } else {
      await tool('openssl', ['req', '-new', '-utf8', '-key', key, '-subj', subjects[role], '-out', file(`${role}.csr`)]);
      await tool('openssl', ['x509', '-req', '-in', file(`${role}.csr`), '-CA', file(`${issuer[role]}.pem`), '-CAkey', file(`${issuer[role]}.key.pem`), digest, '-days', days[role], '-set_serial', String(index + 1), '-extfile', file('extensions.cnf'), '-extensions', role, '-out', pem]);
    }
  }
  const issued = await Promise.all(
    roles.map(async (role): Promise<[Role, IssuedKey]> => {
      const keyDer = file(`${role}.key.der`);
      const certificateDer = file(`${role}.der`);
      await tool('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', file(`${role}.key.pem`), '-outform', 'DER', '-out', keyDer]);
      await tool('openssl', ['x509', '-in', file(`${role}.pem`), '-outform', 'DER', '-out', certificateDer]);
      return [role, { keyDer, certificateDer, certificatePem: file(`${role}.pem`) }];
    }),
  );
  return Object.fromEntries(issued) as unknown as TestPki;
}
