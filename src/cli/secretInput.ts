// Secrets the CLI reads, in one way everywhere: three names with one meaning each (`password` opens
// the keystore a verb reads, `new-password` protects the one it writes, `pin` is the eID PIN), each
// given as `--X-env VAR`, `--X-file PATH` (a file, a named pipe, /dev/fd/N) or `--X-stdin`; never on
// the command line itself. What is read stops at the end of the first line and at 4 KiB, so endless
// input (`yes |`, `< /dev/zero`) is never read whole.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { MessageKey, Translator } from '../i18n';
import { ExitCode } from '../faces/exitCodes';
import { ProcedureError } from '../procedures/errors';
import { CliError } from './cliError';
import type { CliContext } from './context';
import { orList } from './question';

/** Far past any real password or PIN: what is read stops here. */
export const maxSecretBytes = 4096;

export type SecretName = 'password' | 'new-password' | 'pin';
const SECRET_NAMES: readonly SecretName[] = ['password', 'new-password', 'pin'];

type SecretForm = 'env' | 'file' | 'stdin';
const FORMS: readonly SecretForm[] = ['env', 'file', 'stdin'];

const helps: Readonly<Record<SecretName, Readonly<Record<SecretForm, MessageKey>>>> = {
  password: { env: 'cli.option.password-env', file: 'cli.option.password-file', stdin: 'cli.option.password-stdin' },
  'new-password': { env: 'cli.option.new-password-env', file: 'cli.option.new-password-file', stdin: 'cli.option.new-password-stdin' },
  pin: { env: 'cli.option.pin-env', file: 'cli.option.pin-file', stdin: 'cli.option.pin-stdin' },
};

/** Asked on a terminal for `--X-stdin`, unless the verb gives its own prompt (one naming the keystore). */
const stdinPrompts: Readonly<Record<SecretName, MessageKey>> = { password: 'cli.prompt.password', 'new-password': 'procedures.prompt.new-password', pin: 'eid.pin.prompt' };

interface NamedValue {
  readonly type: 'string';
  readonly value: MessageKey;
  readonly help: MessageKey;
}
interface Switch {
  readonly type: 'boolean';
  readonly default: false;
  readonly help: MessageKey;
}
export type SecretOptions<N extends SecretName> = { readonly [K in `${N}-env`]: NamedValue } & { readonly [K in `${N}-file`]: NamedValue } & { readonly [K in `${N}-stdin`]: Switch };

/** The three options that give the secret `name`, spread into a verb's option table. */
export const secretOptions = <N extends SecretName>(name: N): SecretOptions<N> =>
  ({
    [`${name}-env`]: { type: 'string', value: 'cli.value.variable', help: helps[name].env },
    [`${name}-file`]: { type: 'string', value: 'cli.value.file', help: helps[name].file },
    [`${name}-stdin`]: { type: 'boolean', default: false, help: helps[name].stdin },
  }) as SecretOptions<N>;

/** The flags that give the secret `name`, as typed: what a message tells a script to add. */
export const secretFlags = (name: SecretName): string[] => FORMS.map((form) => `--${name}-${form}`);

const given = (values: object, name: SecretName, form: SecretForm): unknown => (values as Record<string, unknown>)[`${name}-${form}`];
const isGiven = (value: unknown) => value !== undefined && value !== false;

/** The flag that gave the secret `name` (`--pin-file`), for messages; undefined when none did. */
export const givenSecretFlag = (values: object, name: SecretName): string | undefined => {
  const form = FORMS.find((candidate) => isGiven(given(values, name, candidate)));
  return form && `--${name}-${form}`;
};

/**
 * The secret `name` from whichever of its forms was given; undefined when none was. Two forms of
 * one secret, or two secrets on standard input, are a usage error: which one was meant is a guess.
 * `prompt` is shown when `--X-stdin` is a terminal.
 */
export async function givenSecret(context: CliContext, values: object, name: SecretName, prompt?: string): Promise<string | undefined> {
  const { t } = context;
  const forms = FORMS.filter((form) => isGiven(given(values, name, form)));
  if (forms.length > 1) throw togetherError(context, forms.map((form) => `--${name}-${form}`));
  const onStdin = SECRET_NAMES.filter((secret) => isGiven(given(values, secret, 'stdin')));
  if (onStdin.length > 1) throw togetherError(context, onStdin.map((secret) => `--${secret}-stdin`));
  const form = forms[0];
  if (form === undefined) return undefined;
  const value = given(values, name, form);
  if (form === 'env') return secretFromEnvironment(String(value), t);
  if (form === 'file') return secretFromFile(String(value), `--${name}-file`, t);
  return secretFromStdin(context, prompt ?? t(stdinPrompts[name]));
}

const togetherError = (context: CliContext, flags: string[]) => new CliError(context.t('cli.error.options-together', { options: orList(context, flags) }), ExitCode.usage);

/** A secret from the environment variable `name`; a usage error when it is not set. */
function secretFromEnvironment(name: string, t: Translator): string {
  const value = process.env[name];
  if (value === undefined) throw new CliError(t('cli.error.env-missing', { name }), ExitCode.usage);
  return value;
}

/** /dev/fd/N: the descriptor itself, read as it is (a socket, as Node's spawn gives, cannot be opened by that path). */
const DESCRIPTOR = /^\/dev\/fd\/(\d+)$/;

/** The first line of a file, a named pipe or an inherited descriptor (/dev/fd/3); a usage error when it cannot be opened. */
async function secretFromFile(file: string, option: string, t: Translator): Promise<string> {
  const descriptor = DESCRIPTOR.exec(file)?.[1];
  const stream = descriptor === undefined ? createReadStream(file) : createReadStream('', { fd: Number(descriptor) });
  try {
    return await firstLine(stream, t);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(t(code === 'ENOENT' ? 'cli.error.secret-file-missing' : 'cli.error.secret-file-unreadable', { option, file }), ExitCode.usage);
  } finally {
    stream.destroy();
  }
}

/** Standard input's first line; on a terminal, typed without echo (Ctrl-C or Ctrl-D stops the verb). */
async function secretFromStdin(context: CliContext, prompt: string): Promise<string> {
  const { t } = context;
  if (!process.stdin.isTTY) return firstLine(process.stdin, t);
  const typed = await readHidden(prompt, t);
  if (typed === undefined) throw new ProcedureError('cancelled');
  return typed;
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

/** The first line of `stream` (its \r\n or \n removed): nothing after it is read. */
async function firstLine(stream: Readable, t: Translator): Promise<string> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
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
