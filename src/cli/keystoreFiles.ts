// Several keystore files opened in one run (`keystore inspect F1 F2...`, `keystore check`): all at
// once through the engine's one derivation pool, each file's failure kept as its own report (its
// code, words and exit code) without stopping the others.
import * as path from 'node:path';
import { inspectFile, type InspectOptions } from '../keystore/inspect';
import type { Keystore } from '../keystore/model';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import type { CliContext } from './context';
import { failureOf, type JsonError } from './output';

/** Folders added by the user, as the extension's `ehealth.keystore.folders` setting does (path-separated). */
export function configuredFolders(): string[] {
  return (process.env.EHEALTH_KEYSTORE_FOLDERS ?? '').split(process.platform === 'win32' ? ';' : ':').filter(Boolean);
}

/** `--at DATE` (ISO 8601), else now: the date validity is judged on. */
export function evaluationDate(context: CliContext, given: string | undefined): Date {
  const at = given === undefined ? new Date() : new Date(given);
  if (Number.isNaN(at.getTime())) throw new CliError(context.t('cli.error.bad-date', { value: given ?? '' }), ExitCode.usage);
  return at;
}

export type FileReport = { file: string; keystore: Keystore } | { file: string; error: JsonError };

/** Each file's keystore or error, in the order given; `file` made absolute, as an opened keystore's. */
export async function inspectEach(context: CliContext, files: readonly string[], options: Omit<InspectOptions, 'fileName'>): Promise<FileReport[]> {
  const settled = await Promise.allSettled(files.map((file) => inspectFile(file, options)));
  return settled.map((outcome, index) => {
    const file = path.resolve(files[index]);
    return outcome.status === 'fulfilled' ? { file, keystore: outcome.value.keystore } : { file, error: failureOf(outcome.reason, context.language) };
  });
}
