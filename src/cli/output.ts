// What `--json` prints: one document on stdout, `schemaVersion` first, nothing else on stdout (the
// words for people go to stderr). The shapes are documented in docs/CLI.md and docs/schemas/.
import { DomainError } from '../core/domainError';
import { printable } from '../core/printable';
import type { Language } from '../i18n';
import { errorFace, errorMessage } from '../faces/errors';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import type { CliContext } from './context';

/** Raised when a document's shape changes incompatibly (a field renamed, removed or retyped). */
export const SCHEMA_VERSION = 1;

/** `--json` given after the verb or before the group (`ehealth --json keystore list`). */
export const jsonMode = (context: CliContext, values: { json?: boolean }): boolean => values.json === true || context.json;

/** The document, pretty-printed, on stdout. */
export function printJson(context: CliContext, document: object): void {
  context.out(JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...document }, null, 2));
}

/** Several documents as one (`keystore inspect F1 F2 --json`): a pretty-printed array, `schemaVersion` first in each. */
export function printJsonArray(context: CliContext, documents: readonly object[]): void {
  context.out(JSON.stringify(documents.map((document) => ({ schemaVersion: SCHEMA_VERSION, ...document })), null, 2));
}

/** One document of a stream (`sandbox serve --json`): JSON Lines, one compact document a line. */
export function printJsonLine(context: CliContext, document: object): void {
  context.out(JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...document }));
}

/** An error as JSON documents carry it: its stable code, its words, the exit code it ends with. */
export interface JsonError {
  code: string;
  message: string;
  exitCode: number;
}

/**
 * The stable code of any error: a domain error's own (`keystore/wrong-password`), a CLI error's
 * (`cli/usage`, `cli/unknown-option`...), else `cli/failure` (Node's own errors: a file not found).
 */
function errorCode(error: unknown): string {
  if (error instanceof DomainError) return error.key;
  if (error instanceof CliError) return error.code ?? (error.exitCode === ExitCode.usage ? 'cli/usage' : 'cli/failure');
  return 'cli/failure';
}

/** How the CLI reports `error`: its words in `language`, its stable code and the exit code it ends with. */
export function failureOf(error: unknown, language: Language): JsonError {
  const code = errorCode(error);
  if (error instanceof CliError) return { code, message: error.message, exitCode: error.exitCode };
  const face = errorFace(error);
  // A domain error's parameters may be names read from disk or text from the authority.
  if (face) return { code, message: printable(errorMessage(error, language)), exitCode: face.exit };
  return { code, message: error instanceof Error ? error.message : String(error), exitCode: ExitCode.failure };
}

/** The error document of JSON mode: `{"schemaVersion":1,"error":{"code","message","exitCode"}}`. */
export function printJsonError(context: CliContext, error: JsonError): void {
  printJson(context, { error });
}

/**
 * A local date and time without zone (`2026-03-01T10:20:30`, from a keystore's file name) with the
 * offset this machine had then: `2026-03-01T10:20:30+01:00`.
 */
export function withLocalOffset(local: string): string {
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const hours = String(Math.trunc(Math.abs(minutes) / 60)).padStart(2, '0');
  return `${local.slice(0, 19)}${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}
