// `--in` and `--out` of the CLI: a file, or `-` for standard input or output as openssl and gpg take
// it. A file is written under the output rules (src/keystore/outputFile.ts: never replaced without
// --force, a keystore never). Bytes that are not text (DER, a signature, PKCS#12) are never written
// to a terminal: they would garble it and be lost.
import { promises as fs } from 'node:fs';
import { checkOutputTarget, writeOutputFile, type OutputOptions } from '../keystore/outputFile';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import type { CliContext } from './context';

/** The name that means standard input (`--in -`) or standard output (`--out -`). */
export const STANDARD_STREAM = '-';

export interface Output extends OutputOptions {
  /** Not text: refused when standard output is a terminal. */
  binary: boolean;
}

/** `--in`: the file's bytes, or all of standard input for `-`. */
export async function readInput(file: string): Promise<Buffer> {
  if (file !== STANDARD_STREAM) return fs.readFile(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Fails when `target` will be refused (an existing file, a keystore, binary bytes for a terminal):
 * called before the costly or irreversible work (a password, a PIN, a signature).
 */
export async function checkOutput(context: CliContext, target: string, output: Output): Promise<void> {
  if (target !== STANDARD_STREAM) return checkOutputTarget(target, output);
  // Standard output holds the JSON document and nothing else.
  if (context.json) throw new CliError(context.t('cli.error.json-needs-out'), ExitCode.usage);
  if (output.binary && process.stdout.isTTY) throw new CliError(context.t('cli.error.binary-to-terminal'), ExitCode.usage);
}

/** Writes `bytes` to the file `target`, or to standard output for `-` (resolved once written). */
export async function writeOutput(context: CliContext, target: string, bytes: Uint8Array, output: Output): Promise<void> {
  if (target !== STANDARD_STREAM) return writeOutputFile(target, bytes, output);
  await checkOutput(context, target, output);
  await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())));
}
