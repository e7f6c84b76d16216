// Several keystore files opened in one run (`keystore inspect F1 F2...`, `keystore check`): all at
// once through the engine's one derivation pool, each file's failure kept as its own report (its
// code, words and exit code) without stopping the others.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { CallingThreadDeriver } from '../keystore/callingThreadDeriver';
import { inspectFile, type InspectOptions } from '../keystore/inspect';
import type { Keystore } from '../keystore/model';
import { ExitCode } from '../faces/exitCodes';
import { pathsOf } from '../platform/paths';
import { CliError } from './cliError';
import type { CliContext } from './context';
import { failureOf, type JsonError } from './output';

/**
 * Folders added by the user, as the extension's `ehealth.keystore.folders` setting does, separated
 * as the system separates PATH: `;` on Windows (whose `C:\x` has a colon), `:` elsewhere.
 */
export function configuredFolders(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  return (env.EHEALTH_KEYSTORE_FOLDERS ?? '').split(pathsOf(platform).delimiter).filter(Boolean);
}

/** `--at DATE` (ISO 8601), else now: the date validity is judged on. */
export function evaluationDate(context: CliContext, given: string | undefined): Date {
  const at = given === undefined ? new Date() : new Date(given);
  if (Number.isNaN(at.getTime())) throw new CliError(context.t('cli.error.bad-date', { value: given ?? '' }), ExitCode.usage);
  return at;
}

/**
 * How this run derives the keys of `fileCount` keystores: a command line may block its own thread.
 * One keystore is derived on it alone (a worker thread costs more to start and warm up than it saves
 * on one file, and even more on a busy machine); several with a helper worker per other core.
 */
export function derivationFor(fileCount: number): CallingThreadDeriver {
  return new CallingThreadDeriver(fileCount > 1 ? Math.min(3, availableParallelism() - 1) : 0);
}

export type FileReport = { file: string; keystore: Keystore } | { file: string; error: JsonError };

/** Each file's keystore or error, in the order given; `file` made absolute, as an opened keystore's. */
export async function inspectEach(context: CliContext, files: readonly string[], options: Omit<InspectOptions, 'fileName'>): Promise<FileReport[]> {
  const deriver = derivationFor(files.length);
  const settled = await Promise.allSettled(files.map((file) => inspectFile(file, { deriver, ...options })));
  return settled.map((outcome, index) => {
    const file = path.resolve(files[index]);
    return outcome.status === 'fulfilled' ? { file, keystore: outcome.value.keystore } : { file, error: failureOf(outcome.reason, context.language) };
  });
}
