// The commands the CLI suggests as a next step ("complete it with ...", "to revoke it: ..."): pasted
// as printed, they run against the same authority as the command that printed them. One builder, so
// every hint carries --env, --ra-url and --module by the same rule, its words quoted for the shell.
import * as path from 'node:path';
import type { Environment } from '../core/environment';
import { environmentFromSuffix } from '../keystore/fileName';

/** Where a command ran: what the command it suggests must repeat. */
export interface Where {
  env: Environment;
  raUrl?: string;
  module?: string;
}

/** A word as a shell reads it back unchanged: as is when plain, else quoted (single quotes; double quotes on Windows). */
export function shellWord(word: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  if (platform === 'win32') return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The environment a command takes by itself: its keystore's (by the file's name), else the sandbox. */
const impliedEnvironment = (keystore: string | undefined) => (keystore !== undefined ? environmentFromSuffix(path.basename(keystore)) : 'sandbox');

/**
 * `ehealth COMMAND [--env ENV] [--ra-url URL] [--module PATH] [--keystore FILE] WORDS...`: --env when
 * it is not the one the command takes by itself, --ra-url when one was given, --module for a verb
 * that reads the eID (`eid`). `words` are written as given (quote what needs it with shellWord).
 */
export function suggestedCommand(command: string, where: Where, options: { keystore?: string; eid?: boolean; words?: string[] } = {}): string {
  const { keystore, eid = false, words = [] } = options;
  return [
    'ehealth',
    command,
    ...(where.env !== impliedEnvironment(keystore) ? ['--env', where.env] : []),
    ...(where.raUrl !== undefined ? ['--ra-url', shellWord(where.raUrl)] : []),
    ...(eid && where.module !== undefined ? ['--module', shellWord(where.module)] : []),
    ...(keystore !== undefined ? ['--keystore', shellWord(keystore)] : []),
    ...words,
  ].join(' ');
}
