// The guides folder the `guides` verbs read when none is given, and a lint message as they print it.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../faces/lintText';
import type { LintMessage } from '../guides/guideLint';
import type { CliContext } from './context';

/** `./guides` when run from a checkout, else the guides shipped with the CLI (dist/cli/../../guides). */
export function defaultGuidesFolder(): string {
  const local = path.resolve('guides');
  return existsSync(local) ? local : path.resolve(__dirname, '..', '..', 'guides');
}

/** `file:line: severity code: text`; line 0 is about a whole folder or file (no line then). */
export function lintLine(context: CliContext, message: LintMessage): string {
  const file = path.relative(process.cwd(), message.file) || '.';
  const where = message.line > 0 ? `${file}:${message.line}` : file;
  return `${where}: ${context.t(`guides.lint.${message.severity}`)} ${message.code}: ${lintText(message, context.t)}`;
}
