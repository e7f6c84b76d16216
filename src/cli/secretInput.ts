// Secrets the CLI reads: typed on the terminal without echo, or the first line of a pipe. Both stop
// at the end of the line and at 4 KiB, so endless input (`yes |`, `< /dev/zero`) is never read whole.
import type { Translator } from '../i18n';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';

/** Far past any real password or PIN: what is read stops here. */
export const maxSecretBytes = 4096;

/** A secret from the environment variable `name` (`--pin-env`, `--password-env`, ...); a usage error when it is not set. */
export function secretFromEnvironment(name: string, t: Translator): string {
  const value = process.env[name];
  if (value === undefined) throw new CliError(t('cli.error.env-missing', { name }), ExitCode.usage);
  return value;
}

const tooLong = (t: Translator) => new CliError(t('cli.error.secret-too-long', { limit: maxSecretBytes }), ExitCode.usage);

/** Reads one line from the terminal with echo off; undefined when there is no terminal or on Ctrl-C/Ctrl-D. */
export function readHidden(prompt: string, t: Translator): Promise<string | undefined> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(undefined);
  // Echo off before the prompt shows: whatever answers the prompt is never echoed.
  input.setRawMode(true);
  process.stderr.write(prompt);
  input.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const finish = (value: string | undefined | CliError) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (value instanceof CliError) reject(value);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        if (char === '\u0003' || char === '\u0004') return finish(undefined);
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
        if (Buffer.byteLength(typed) > maxSecretBytes) return finish(tooLong(t));
      }
    };
    input.on('data', onData);
  });
}

/** The first line of standard input when it is not a terminal (a pipe, a file): nothing after it is read. */
export async function readFirstLine(t: Translator): Promise<string> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    const end = chunk.indexOf(0x0a);
    const part = end === -1 ? chunk : chunk.subarray(0, end);
    parts.push(part);
    length += part.length;
    // One byte more for the \r of a Windows line end.
    if (length > maxSecretBytes + 1) throw tooLong(t);
    if (end !== -1) break;
  }
  const line = Buffer.concat(parts);
  const text = line.at(-1) === 0x0d ? line.subarray(0, -1) : line;
  if (text.length > maxSecretBytes) throw tooLong(t);
  return text.toString('utf8');
}
