// Changing a keystore's password: check the eHealth policy, open with the old password, write the
// same entries under the new one with the same kind of protection, and replace the file safely.
import { PasswordPolicyViolation } from './errors';
import { readKeystoreFile } from './inspect';
import { contentsOf } from './layout';
import { failedRules } from './passwordPolicy';
import type { Deriver } from './pkcs12/kdf';
import { readStructure, unlock, type Pkcs12Structure } from './pkcs12/reader';
import { writePkcs12, type ProtectionMode } from './pkcs12/writer';
import { safeRewrite, type RewriteResult } from './safeRewrite';
import { sharedKdfPool } from './workerPool';

export interface ChangePasswordOptions {
  deriver?: Deriver;
  now?: Date;
  /** Iteration count of the rewritten file; for tests that need speed only. */
  iterations?: number;
}

/** A file protected with PBES2 anywhere stays modern; the JDK legacy layout stays compatible. */
function modeOf(structure: Pkcs12Structure): ProtectionMode {
  const schemes = [...structure.encrypted.map((safe) => safe.scheme), ...structure.keys.flatMap((key) => (key.scheme ? [key.scheme] : []))];
  return schemes.some((scheme) => scheme.kind === 'pbes2') ? 'modern' : 'compatible';
}

export async function changePassword(file: string, oldPassword: string, newPassword: string, confirmation: string, options: ChangePasswordOptions = {}): Promise<RewriteResult> {
  const failures = failedRules(newPassword, confirmation);
  if (failures.length) throw new PasswordPolicyViolation(failures);
  const deriver = options.deriver ?? sharedKdfPool();
  // These bytes are the ones the rewrite checks are still on disk before replacing them.
  const original = await readKeystoreFile(file);
  const structure = readStructure(original);
  const contents = await contentsOf(await unlock(structure, oldPassword, deriver));
  const bytes = await writePkcs12(contents, newPassword, { mode: modeOf(structure), ...(options.iterations ? { iterations: options.iterations } : {}) }, deriver);
  const verify = async (written: Uint8Array) => {
    const reopened = await unlock(readStructure(written), newPassword, deriver);
    await Promise.all(reopened.keys.map((key) => key.privateKey()));
    if (reopened.keys.length !== contents.keys.length || reopened.certificates.length !== contents.certificates.length) {
      throw new Error('entries lost in the rewrite');
    }
  };
  return safeRewrite(file, original, bytes, verify, options.now);
}
