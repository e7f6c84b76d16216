// Errors of the keystore engine: values with a code, parameters and a message in the user's
// language. `Error.message` is for developers (English, never a secret); faces show `userMessage`.
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n';
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
  | 'rewrite-failed'
  | 'busy'
  | 'changed'
  | 'read-only'
  | 'output-exists'
  | 'output-is-keystore';

export abstract class KeystoreError extends Error {
  abstract readonly code: KeystoreErrorCode;

  constructor(
    detail: string,
    readonly params: MessageParams = {},
  ) {
    super(detail);
  }

  userMessage(language: Language): string {
    return translate(language, `keystore.error.${this.code}` as MessageKey, this.params);
  }
}

/** The password does not open the keystore (MAC mismatch, or a bag that does not decrypt). */
export class WrongPassword extends KeystoreError {
  readonly code = 'wrong-password';
}

/** Not a PKCS#12 file, truncated, or altered. */
export class CorruptKeystore extends KeystoreError {
  readonly code = 'corrupt';
}

/** A valid PKCS#12 file using an algorithm this engine does not implement (`params.algorithm`). */
export class UnsupportedKeystore extends KeystoreError {
  readonly code = 'unsupported';
}

/** Parameters that would cost absurd work (iteration counts, sizes): refused before any work. */
export class TooCostlyKeystore extends KeystoreError {
  readonly code = 'too-costly';
}

/** A PKCS#12 file without any private key: not an eHealth keystore. */
export class NotAnEhealthKeystore extends KeystoreError {
  readonly code = 'not-ehealth';
}

export class KeystoreNotFound extends KeystoreError {
  readonly code = 'not-found';
}

/**
 * The path names a folder, a named pipe, a device or another special file: refused before reading
 * it (a pipe would wait forever for a writer, /dev/zero never ends). `params.file`, and
 * `params.example` for a folder.
 */
export class NotAKeystoreFile extends KeystoreError {
  constructor(
    readonly code: 'is-directory' | 'is-fifo' | 'is-device' | 'not-a-file',
    params: MessageParams,
  ) {
    super(`${code}: ${String(params.file)}`, params);
  }
}

/** Far larger than any keystore: refused before reading past the limit (`params.file`, `params.mebibytes`). */
export class KeystoreTooLarge extends KeystoreError {
  readonly code = 'too-large';
}

/** The file exists but cannot be read: permissions, a symbolic link loop, an I/O error (`params.file`, `params.reason`). */
export class KeystoreUnreadable extends KeystoreError {
  constructor(
    readonly code: 'permission-denied' | 'symlink-loop' | 'unreadable',
    params: MessageParams,
  ) {
    super(`${code}: ${String(params.file)} (${String(params.reason)})`, params);
  }
}

export class EntryNotFound extends KeystoreError {
  readonly code = 'entry-not-found';
}

/** The entry `params.alias` is a private key stored without its certificate: nothing to export. */
export class EntryWithoutCertificate extends KeystoreError {
  readonly code = 'entry-without-certificate';
}

/** The new password breaks the eHealth policy; `failures` lists the rules, each reported on its own. */
export class PasswordPolicyViolation extends KeystoreError {
  readonly code = 'password-policy';

  constructor(readonly failures: PasswordRule[]) {
    super(`password policy: ${failures.join(', ')}`);
  }

  override userMessage(language: Language): string {
    const failures = this.failures.map((rule) => translate(language, `keystore.policy.${rule}`)).join('; ');
    return translate(language, 'keystore.error.password-policy', { failures });
  }
}

/** A rewritten keystore did not verify; the original is untouched. */
export class RewriteFailed extends KeystoreError {
  readonly code = 'rewrite-failed';
}

/** Another process holds the keystore's write lock (`params.file`). */
export class KeystoreBusy extends KeystoreError {
  readonly code = 'busy';
}

/** The keystore on disk is no longer the one that was read: nothing was written (`params.file`). */
export class KeystoreChanged extends KeystoreError {
  readonly code = 'changed';
}

/** The keystore file is not writable by its owner: it is refused, never replaced (`params.file`). */
export class ReadOnlyKeystore extends KeystoreError {
  readonly code = 'read-only';
}

/** An output file (`--out`) exists and `--force` was not given (`params.file`). */
export class OutputExists extends KeystoreError {
  readonly code = 'output-exists';
}

/** An output file would replace a keystore: never done, even with `--force` (`params.file`). */
export class OutputIsKeystore extends KeystoreError {
  readonly code = 'output-is-keystore';
}
