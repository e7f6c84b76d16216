// Builds, inside the test, a complete eHealth-style keystore issued by a sandbox CA: openssl makes
// the keys and certificates (authentication valid about 3 years, ETK self-issued by the
// authentication key), our writer lays them out as the official tool does.
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ehealthLayout } from '../../../src/keystore/layout';
import { pkcs12Kdf, type Deriver } from '../../../src/keystore/pkcs12/kdf';
import { writePkcs12 } from '../../../src/keystore/pkcs12/writer';

/** Key derivation in this thread: the engine's worker bundle is not beside the test bundle. */
export const inThreadDeriver: Deriver = { derive: async (job) => pkcs12Kdf(job) };

/** `pending`: a request's keystore, the new key under a self-signed stand-in with the requested DN, no ETK yet. */
export async function writeSandboxKeystore(folder: string, ssin: string, password: string, state: 'complete' | 'pending' = 'complete'): Promise<string> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'sandbox-pki-'));
  try {
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: 'pipe' });
    const subject = `/C=BE/O=Federal Government/OU=eHealth-platform Belgium/OU=JANE DOE/OU=SSIN=${ssin}/CN=SSIN\\=${ssin}`;
    const read = (name: string) => readFileSync(path.join(work, name));
    if (state === 'pending') {
      openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'auth.key', '-out', 'auth.crt', '-outform', 'DER', '-days', '30', '-subj', subject);
      return await writeKeystore(folder, ssin, password, ehealthLayout({ authentication: { privateKey: createPrivateKey(read('auth.key')), chain: [read('auth.crt')] }, encryption: [] }));
    }
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650', '-subj', '/C=BE/O=eHealth Certificates/CN=eHealth Sandbox issuing CA');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'auth.key', '-out', 'auth.csr', '-subj', subject);
    openssl('x509', '-req', '-in', 'auth.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', '4242', '-days', '1096', '-out', 'auth.crt', '-outform', 'DER');
    openssl('x509', '-in', 'auth.crt', '-inform', 'DER', '-out', 'auth.pem');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'etk.key', '-out', 'etk.csr', '-subj', subject);
    openssl('x509', '-req', '-in', 'etk.csr', '-CA', 'auth.pem', '-CAkey', 'auth.key', '-set_serial', '0x0123456789abcdef0123456789abcdef', '-days', '1096', '-out', 'etk.crt', '-outform', 'DER');
    openssl('x509', '-in', 'ca.crt', '-out', 'ca.der', '-outform', 'DER');
    const contents = ehealthLayout({
      authentication: { privateKey: createPrivateKey(read('auth.key')), chain: [read('auth.crt'), read('ca.der')] },
      encryption: [{ privateKey: createPrivateKey(read('etk.key')), certificate: read('etk.crt') }],
    });
    return await writeKeystore(folder, ssin, password, contents);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function writeKeystore(folder: string, ssin: string, password: string, contents: ReturnType<typeof ehealthLayout>): Promise<string> {
  const bytes = await writePkcs12(contents, password, { mode: 'modern' }, inThreadDeriver);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = path.join(folder, `SSIN=${ssin} ${stamp}.sandbox-p12`);
  writeFileSync(file, bytes);
  return file;
}
