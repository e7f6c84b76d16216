// Errors of the keystore engine: a code and parameters, no words (the faces word them from
// src/faces/errors.ts). `Error.message` is for developers (English, never a secret).
import { errorsOf } from '../core/domainError';
import type { PasswordRule } from './passwordPolicy';

export type KeystoreErrorCode =
  | 'wrong-password'
  | 'corrupt'
  | 'unsupported'
  | 'too-costly'
  | 'not-ehealth'
  | 'not-found'
  | 'is-directory'
  | 'is-fifo'
  | 'is-device'
  | 'not-a-file'
  | 'too-large'
  | 'permission-denied'
  | 'symlink-loop'
  | 'unreadable'
  | 'entry-not-found'
  | 'entry-without-certificate'
  | 'password-policy'
  | 'same-password'
  | 'rewrite-failed'
  | 'busy'
  | 'changed'
  | 'read-only'
  | 'output-exists'
  | 'output-is-keystore';

declare module '../core/domainError' {
  interface DomainErrorCodes {
    keystore: KeystoreErrorCode;
  }
}

/**
 * wrong-password: the password does not open the keystore (MAC mismatch, or a bag that does not decrypt).
 * corrupt: not a PKCS#12 file, truncated, or altered. unsupported: a valid PKCS#12 file using an
 * algorithm this engine does not implement (`algorithm`). too-costly: parameters that would cost absurd
 * work, refused before any work. not-ehealth: a PKCS#12 file without any private key.
 * is-directory, is-fifo, is-device, not-a-file: refused before reading (a pipe would wait forever for
 * a writer, /dev/zero never ends); `file`, and `example` for a folder. too-large: refused before
 * reading past the limit (`file`, `mebibytes`). permission-denied, symlink-loop, unreadable: the file
 * exists but cannot be read (`file`, `reason`). entry-without-certificate: the entry `alias` is a
 * private key stored without its certificate. same-password: a password change to the password the
 * keystore already has, refused before anything is read. rewrite-failed: a rewritten keystore did not verify, the
 * original is untouched. busy: another process holds the write lock (`file`). changed: the keystore on
 * disk is no longer the one that was read, nothing was written (`file`). read-only: not writable by its
 * owner, refused, never replaced (`file`). output-exists: `--out` exists without `--force` (`file`).
 * output-is-keystore: an output would replace a keystore, never done even with `--force` (`file`).
 */
export class KeystoreError<C extends KeystoreErrorCode = KeystoreErrorCode> extends errorsOf('keystore')<C> {}

/** The new password breaks the eHealth policy; `failures` lists the rules, each worded on its own. */
export class PasswordPolicyViolation extends KeystoreError<'password-policy'> {
  constructor(readonly failures: PasswordRule[]) {
    super('password-policy', `password policy: ${failures.join(', ')}`);
  }
}
