// Builds a virtual Belgian eID in a private folder: a SoftHSM2 token "BELPIC" holding a test PKI's
// keys and certificates and the holder's public identity objects, behind our pass-through module
// (shim/virtual-beid.c) that adds PIN lockout, card removal and a pinpad. For tests and demos.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as pkcs11js from 'pkcs11js';
import { eidTokenLabel } from '../../src/eid/slots';
import { holders, identityObjects, type VirtualAlgorithm, type VirtualHolder } from './holders';
import { makeTestPki } from './pki';
import { tool } from './tools';

export interface VirtualEidOptions {
  algorithm: VirtualAlgorithm;
  dir: string;
  /** Default 1234 (an eID PIN has 4 to 12 digits). */
  pin?: string;
}

export interface VirtualEid {
  dir: string;
  algorithm: VirtualAlgorithm;
  /** The module to load: our pass-through module in front of SoftHSM. */
  modulePath: string;
  softhsmConf: string;
  pin: string;
  soPin: string;
  holder: VirtualHolder;
  /** The test root certificate (PEM), for whoever must trust the virtual card. */
  rootPem: string;
}

/** SoftHSM2's module from Debian and Ubuntu, then Homebrew's on Apple silicon and on Intel Macs. */
const softHsmModules = ['/usr/lib/softhsm/libsofthsm2.so', '/opt/homebrew/lib/softhsm/libsofthsm2.so', '/usr/local/lib/softhsm/libsofthsm2.so'];
const soPin = '12345678';

/** Compiles the pass-through module into DIR with the system compiler (never committed as a binary). */
async function compileShim(dir: string): Promise<string> {
  const output = path.join(dir, 'libvirtual-beid.so');
  const headers = path.join(path.dirname(require.resolve('pkcs11js/package.json')), 'includes', 'pkcs11');
  const source = path.join(__dirname, 'shim', 'virtual-beid.c');
  await tool('cc', ['-shared', '-fPIC', '-O2', '-Wall', '-I', headers, '-o', output, source, '-ldl', '-pthread']);
  return output;
}

export async function buildVirtualEid(options: VirtualEidOptions): Promise<VirtualEid> {
  const dir = path.resolve(options.dir);
  const pin = options.pin ?? '1234';
  const holder = holders[options.algorithm];
  const tokens = path.join(dir, 'tokens');
  await fs.mkdir(tokens, { recursive: true });
  const softhsmConf = path.join(dir, 'softhsm2.conf');
  await fs.writeFile(softhsmConf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = true\n`);
  // A private copy: each virtual card gets its own SoftHSM state, even inside one process.
  const softHsm = process.env.EHEALTH_SOFTHSM_MODULE || softHsmModules.find((module) => existsSync(module)) || softHsmModules[0];
  await fs.copyFile(softHsm, path.join(dir, 'libsofthsm2.so')).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`SoftHSM2 is not installed (Debian package "softhsm2"): ${error.message}`);
  });
  const [modulePath, pki] = await Promise.all([compileShim(dir), makeTestPki(path.join(dir, 'pki'), options.algorithm, holder)]);

  const env = { SOFTHSM2_CONF: softhsmConf };
  await tool('softhsm2-util', ['--init-token', '--free', '--label', eidTokenLabel, '--so-pin', soPin, '--pin', pin], env);
  const write = (file: string, type: string, label: string, id: string, ...extra: string[]) =>
    tool('pkcs11-tool', ['--module', modulePath, '--token-label', eidTokenLabel, '--login', '--pin', pin, '--write-object', file, '--type', type, '--label', label, '--id', id, ...extra], env);
  // Object ids as the eID middleware numbers them.
  await write(pki.authentication.keyDer, 'privkey', 'Authentication', '02');
  // As on the card, the Signature key wants the PIN for every signature (SoftHSM sets this only at creation).
  await write(pki.signature.keyDer, 'privkey', 'Signature', '03', '--always-auth');
  await write(pki.authentication.certificateDer, 'cert', 'Authentication', '02');
  await write(pki.signature.certificateDer, 'cert', 'Signature', '03');
  await write(pki.ca.certificateDer, 'cert', 'CA', '04');
  await write(pki.root.certificateDer, 'cert', 'Root', '06');
  addIdentity(modulePath, pin, holder);
  // A card never gives its keys away: only certificates stay on disk.
  await Promise.all(Object.values(pki).map((issued) => fs.rm(issued.keyDer, { force: true })));
  await Promise.all(['root', 'ca', 'authentication', 'signature'].map((role) => fs.rm(path.join(dir, 'pki', `${role}.key.pem`), { force: true })));

  const rootPem = path.join(dir, 'root.pem');
  await fs.copyFile(pki.root.certificatePem, rootPem);
  return { dir, algorithm: options.algorithm, modulePath, softhsmConf, pin, soPin, holder, rootPem };
}

/**
 * Identity objects, public as on the card (SoftHSM makes data objects private unless told), written
 * with pkcs11js on this thread: the engine's PKCS#11 worker only reads a card. pkcs11-tool cannot
 * write them: it takes CKA_OBJECT_ID as an OID, where the card holds a group name (`id`).
 */
function addIdentity(modulePath: string, pin: string, holder: VirtualHolder): void {
  const module = new pkcs11js.PKCS11();
  module.load(modulePath);
  module.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
  try {
    const [slot] = module.C_GetSlotList(true);
    const session = module.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
    try {
      module.C_Login(session, pkcs11js.CKU_USER, pin);
      for (const object of identityObjects(holder, new Date())) {
        module.C_CreateObject(session, [
          { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_DATA },
          { type: pkcs11js.CKA_TOKEN, value: true },
          { type: pkcs11js.CKA_PRIVATE, value: false },
          { type: pkcs11js.CKA_MODIFIABLE, value: false },
          { type: pkcs11js.CKA_LABEL, value: object.label },
          { type: pkcs11js.CKA_OBJECT_ID, value: Buffer.from(object.objectId, 'latin1') },
          { type: pkcs11js.CKA_VALUE, value: object.value },
        ]);
      }
      module.C_Logout(session);
    } finally {
      module.C_CloseSession(session);
    }
  } finally {
    module.C_Finalize();
    module.close();
  }
}

/** How to point the extension and the CLI at a virtual card. */
export function usage(eid: VirtualEid): string {
  return [
    `Virtual eID (${eid.algorithm === 'ec' ? 'EC P-384' : 'RSA 2048'}) for ${eid.holder.givenName} ${eid.holder.surname}, national number ${eid.holder.nationalNumber}, PIN ${eid.pin}.`,
    '',
    'Point the extension (setting ehealth.eid.pkcs11Module) or the CLI at it:',
    `  export EHEALTH_PKCS11_MODULE='${eid.modulePath}'`,
    `  export SOFTHSM2_CONF='${eid.softhsmConf}'   # for softhsm2-util / pkcs11-tool; the module sets it for itself`,
    '  npx ehealth eid info',
    '',
    `Test root certificate: ${eid.rootPem}`,
    'Simulate:',
    `  card removal      touch '${path.join(eid.dir, 'removed')}'   (rm to insert it again)`,
    `  slow signature    echo 3000 > '${path.join(eid.dir, 'sign-delay-ms')}'`,
    `  slow login        echo 3000 > '${path.join(eid.dir, 'login-delay-ms')}'   (the user typing on a pinpad)`,
    `  pinpad reader     echo ${eid.pin} > '${path.join(eid.dir, 'pinpad')}'   (the PIN "typed" on the reader)`,
    `  unlock the PIN    rm '${path.join(eid.dir, 'pin-failures')}'   (after 3 wrong PINs the card is locked)`,
    `  no reader         touch '${path.join(eid.dir, 'no-reader')}'`,
    `  another card      echo 'OpenPGP card' > '${path.join(eid.dir, 'token-label')}'   (not a Belgian eID)`,
  ].join('\n');
}
