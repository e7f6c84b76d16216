// A verb's options, declared once: node:util's parseArgs reads the command line from this table and
// `--help` is written from it (help.ts), in the user's language. An option shared by several verbs
// is one entry (sharedOptions), with one description.
import { parseArgs } from 'node:util';
import type { MessageKey } from '../i18n';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import type { CliContext } from './context';
import type { EnvironmentVariable, Example } from './verbFacts';
import { suggestion } from './didYouMean';
import { globalOptions } from './globalOptions';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: true;
  short?: string;
  default?: string | boolean;
  /** A default that depends on the user (a folder): shown in the help, applied by the verb. */
  defaultShown?: () => string;
  required?: true;
  /** The only values accepted (shown as the value's name: `sandbox|acceptance|production`). */
  choices?: readonly string[];
  /** The value's name in the help (FILE, VAR, DIR), in the user's language. */
  value?: MessageKey;
  /** Its one-line description. */
  help: MessageKey;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** Words after the verb that are not options: `FILE`, `[DIR...]`. */
export interface PositionalSpec {
  value: MessageKey;
  required?: true;
  multiple?: true;
  /** The same value may be given with this option instead (`--keystore FILE`). */
  option?: string;
}

export interface VerbSpec<O extends OptionTable = OptionTable> {
  /** One line: what the verb does. */
  summary: MessageKey;
  options: O;
  positional?: PositionalSpec;
  /** The environment variables it reads beside EHEALTH_LANG (every verb): shown in its help. */
  environment: readonly EnvironmentVariable[];
  /** The exit codes it may end with beside 0, 1 and 2 (every verb): shown in its help. */
  exitCodes: readonly ExitCode[];
  /** At least one. */
  examples: readonly [Example, ...Example[]];
}

/** A boolean for a switch, one of its choices when it has some, else a string. */
type Value<S extends OptionSpec> = S extends { choices: readonly (infer C extends string)[] } ? C : S['type'] extends 'boolean' ? boolean : string;
type Given<S extends OptionSpec> = S extends { required: true } ? true : S extends { default: string | boolean } ? true : false;

/** What parsing gives for each option of a table: typed, and never undefined when required or defaulted. */
export type Values<O extends OptionTable> = {
  -readonly [K in keyof O]: O[K] extends { multiple: true } ? Value<O[K]>[] | undefined : Given<O[K]> extends true ? Value<O[K]> : Value<O[K]> | undefined;
};

export interface Parsed<O extends OptionTable> {
  values: Values<O>;
  positionals: string[];
  /** `--help` or `-h` was given: the verb shows its help and does nothing else. */
  help: boolean;
}

/** Accepted by every verb, handled before the verb runs. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h', help: 'cli.option.help' } } as const satisfies OptionTable;

const forParseArgs = (options: OptionTable): Record<string, Pick<OptionSpec, 'type' | 'multiple' | 'short' | 'default'>> =>
  Object.fromEntries(
    Object.entries({ ...options, ...HELP_OPTION }).map(([name, spec]: [string, OptionSpec]) => [
      name,
      { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}), ...(spec.default !== undefined ? { default: spec.default } : {}) },
    ]),
  );

/**
 * parseArgs's errors in the user's words, each a usage error: Node's own (English) message is never
 * shown. Node 20 and 22 have these three codes; another would be worded as a command line not understood.
 */
function usageError(context: CliContext, error: unknown, options: OptionTable, usage: string): never {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (!code.startsWith('ERR_PARSE_ARGS_')) throw error;
  const quoted = /'([^']*)'/.exec((error as Error).message)?.[1] ?? '';
  const { t } = context;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.entries({ ...options, ...HELP_OPTION, ...globalOptions }).flatMap(([name, spec]: [string, OptionSpec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
    throw new CliError(t('cli.error.unknown-option', { option: quoted }) + suggestion(t, quoted, known), ExitCode.usage, 'cli/unknown-option');
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // Node names the option `-o, --out <value>`, `--out` or `--json`: its long name.
    const name = /--([\w-]+)/.exec(quoted)?.[1] ?? '';
    const option = `--${name}`;
    if (options[name]?.type === 'boolean') throw new CliError(t('cli.error.no-value', { option }), ExitCode.usage);
    // `--out -x`: the value starts with a dash (written `--out=-x`), else there is none.
    const given = context.args.findIndex((arg) => arg === option || (options[name]?.short !== undefined && arg === `-${options[name].short}`));
    const next = given < 0 ? undefined : context.args[given + 1];
    if (next !== undefined) throw new CliError(t('cli.error.dash-value', { option, value: next }), ExitCode.usage);
    const choices = options[name]?.choices;
    throw new CliError(choices ? t('cli.error.missing-choice', { option, choices: choices.join(', ') }) : t('cli.error.missing-value', { option }), ExitCode.usage);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new CliError(t('cli.error.unexpected-argument', { argument: quoted, usage }), ExitCode.usage);
  throw new CliError(t('cli.error.unreadable-command-line', { usage }), ExitCode.usage);
}

/** Reads `context.args` by the table: required options, choices and positionals checked; `usage` (its line) shown with a mistake. */
export function parse<O extends OptionTable>(context: CliContext, spec: VerbSpec<O>, usage: string): Parsed<O> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: context.args, options: forParseArgs(spec.options), allowPositionals: spec.positional !== undefined, strict: true });
  } catch (error) {
    usageError(context, error, spec.options, usage);
  }
  const { values, positionals } = parsed;
  // `--json` is taken off the line with the global options (main.ts), wherever it stood.
  if (context.json && 'json' in spec.options) values.json = true;
  const help = values.help === true;
  delete values.help;
  if (help) return { values: values as Values<O>, positionals, help };
  for (const [name, option] of Object.entries(spec.options) as Array<[string, OptionSpec]>) {
    if (option.required && values[name] === undefined) throw new CliError(context.t('cli.error.missing-option', { option: `--${name}` }), ExitCode.usage);
    const given = values[name];
    if (option.choices && typeof given === 'string' && !option.choices.includes(given)) {
      throw new CliError(context.t('cli.error.bad-choice', { option: `--${name}`, value: given, choices: option.choices.join(', ') }) + suggestion(context.t, given, option.choices), ExitCode.usage);
    }
  }
  const positional = spec.positional;
  if (positional) {
    const byOption = positional.option !== undefined && values[positional.option] !== undefined;
    if (positional.required && !byOption && positionals.length === 0) throw new CliError(context.t('cli.error.missing-positional', { value: context.t(positional.value), usage }), ExitCode.usage);
    const extra = positional.multiple ? undefined : positionals[byOption ? 0 : 1];
    if (extra !== undefined) throw new CliError(context.t('cli.error.unexpected-argument', { argument: extra, usage }), ExitCode.usage);
  }
  return { values: values as Values<O>, positionals, help };
}

/** Options several verbs take, each described once (secrets: secretOptions in secretInput.ts). */
export const sharedOptions = {
  json: { type: 'boolean', default: false, help: 'cli.option.json' },
  keystore: { type: 'string', value: 'cli.value.file', help: 'cli.option.keystore' },
  module: { type: 'string', value: 'cli.value.path', help: 'cli.option.module' },
  'last-pin-try': { type: 'boolean', default: false, help: 'cli.option.last-pin-try' },
  out: { type: 'string', value: 'cli.value.file', help: 'cli.option.out' },
  force: { type: 'boolean', default: false, help: 'cli.option.force' },
} as const satisfies OptionTable;
