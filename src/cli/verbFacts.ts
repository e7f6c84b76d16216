// What a verb's help tells beside its options: the environment variables it reads, the exit codes
// it may end with, and examples. Each verb declares them in its VerbSpec (options.ts); the families
// of exit codes several verbs share are named here once.
import { ExitCode } from '../faces/exitCodes';
import type { MessageKey } from '../i18n';

/** Every variable the CLI reads by a fixed name (secrets are read from variables the user names). */
export const environmentVariables = ['EHEALTH_LANG', 'EHEALTH_KEYSTORE_FOLDERS', 'EHEALTH_PKCS11_MODULE', 'EHEALTH_SANDBOX_DATA', 'CI'] as const;
export type EnvironmentVariable = (typeof environmentVariables)[number];

/** Read by every verb (the language of its messages): not declared by each. */
export const everyVerbReads: readonly EnvironmentVariable[] = ['EHEALTH_LANG'];

/** Every verb may end with these: not declared by each. */
export const everyVerbExits: readonly ExitCode[] = [ExitCode.ok, ExitCode.failure, ExitCode.usage];

/** Exit codes by what the verb touches. */
export const exits = {
  /** Opens a keystore file. */
  keystore: [ExitCode.notFound, ExitCode.unreadable, ExitCode.wrongPassword, ExitCode.damaged, ExitCode.unsupported],
  /** Rewrites a keystore file. */
  keystoreWrite: [ExitCode.keystoreBusy, ExitCode.readOnly],
  /** Writes an output file (`--out`). */
  output: [ExitCode.outputExists, ExitCode.outputIsKeystore],
  /** Reads the eID card. */
  eid: [ExitCode.noCard, ExitCode.middlewareMissing],
  /** Presents the eID PIN. */
  pin: [ExitCode.pinIncorrect, ExitCode.pinLocked, ExitCode.pinFormat, ExitCode.pinLastTry],
  /** Talks to the registration authority. */
  authority: [ExitCode.authority],
} as const satisfies Record<string, readonly ExitCode[]>;

/** A command line as typed (never translated), with an optional comment line in the user's language. */
export interface Example {
  command: string;
  comment?: MessageKey;
}
