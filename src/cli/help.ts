// `--help` written from the option tables (options.ts), in the user's language: a verb's usage line
// (optional options in brackets), what it does, the other name it goes by, one line per option with
// its default, the global options, the environment variables it reads, its exit codes and examples.
// A group's help lists its verbs; the main help lists the groups.
import type { Translator } from '../i18n';
import { ExitCode } from '../faces/exitCodes';
import type { VerbGroup } from './context';
import { globalOptions } from './globalOptions';
import { HELP_OPTION, type OptionSpec, type OptionTable, type VerbSpec } from './options';
import { environmentVariables, everyVerbExits, everyVerbReads } from './verbFacts';

/** The value's name as written after the option: its choices, else its declared name. */
const valueName = (spec: OptionSpec, t: Translator) => (spec.choices ? spec.choices.join('|') : t(spec.value ?? 'cli.value.variable'));

/** `--name VALUE`, `--name VALUE...` (repeatable), `--name` (a switch). */
function optionSyntax(name: string, spec: OptionSpec, t: Translator): string {
  if (spec.type === 'boolean') return `--${name}`;
  return `--${name} ${valueName(spec, t)}${spec.multiple ? '...' : ''}`;
}

/** `ehealth keystore passwd FILE [--password-env VAR] ...`: required options bare, optional ones in brackets. */
export function usageLine(command: string, spec: VerbSpec, t: Translator): string {
  const parts = [`ehealth ${command}`];
  const { positional } = spec;
  if (positional) {
    const word = `${t(positional.value)}${positional.multiple ? '...' : ''}`;
    const either = positional.option === undefined ? word : `${word}|--${positional.option} ${t(positional.value)}`;
    parts.push(positional.required ? either : `[${either}]`);
  }
  for (const [name, option] of Object.entries(spec.options) as Array<[string, OptionSpec]>) {
    if (name === positional?.option) continue;
    parts.push(option.required ? optionSyntax(name, option, t) : `[${optionSyntax(name, option, t)}]`);
  }
  return parts.join(' ');
}

function defaultOf(spec: OptionSpec): string | undefined {
  if (spec.defaultShown) return spec.defaultShown();
  return typeof spec.default === 'string' ? spec.default : undefined;
}

/** Two columns, the descriptions aligned; a left side too long for the column puts its description on the next line. */
const table = (rows: Array<[string, string]>) => {
  const width = Math.min(Math.max(...rows.map(([left]) => left.length)), 30) + 3;
  return rows.flatMap(([left, right]) => (left.length < width - 1 ? [`  ${left.padEnd(width)}${right}`] : [`  ${left}`, `  ${''.padEnd(width)}${right}`]));
};

/** One row per option: its syntax (short form first) and its description with its default. */
const optionRows = (options: OptionTable, t: Translator) =>
  (Object.entries(options) as Array<[string, OptionSpec]>).map(([name, option]): [string, string] => {
    const left = option.short ? `-${option.short}, ${optionSyntax(name, option, t)}` : optionSyntax(name, option, t);
    const shown = defaultOf(option);
    return [left, shown === undefined ? t(option.help) : `${t(option.help)} (${t('cli.help.default', { value: shown })})`];
  });

/** The name of each exit code, by its number. */
const exitCodeNames = new Map<number, string>(Object.entries(ExitCode).map(([name, code]) => [code, name]));

/** Each code with its one-line meaning, in increasing order. */
const exitCodeRows = (codes: Iterable<ExitCode>, t: Translator) =>
  table([...new Set(codes)].sort((a, b) => a - b).map((code) => [String(code), t(`cli.exit.${exitCodeNames.get(code)}` as 'cli.exit.ok')]));

const environmentRows = (names: readonly string[], t: Translator) =>
  table(environmentVariables.filter((name) => names.includes(name)).map((name) => [name, t(`cli.env.${name}` as 'cli.env.CI')]));

/** The help of one verb; `aliases`: the other commands that run it (`cert change-password`). */
export function verbHelp(command: string, spec: VerbSpec, t: Translator, aliases: string[] = []): string {
  const own = { ...spec.options, ...HELP_OPTION };
  const global = Object.fromEntries(Object.entries(globalOptions).filter(([name]) => !(name in own)));
  return [
    t('cli.help.usage', { usage: usageLine(command, spec, t) }),
    t(spec.summary),
    ...(aliases.length ? [t('cli.help.also', { commands: aliases.map((alias) => `ehealth ${alias}`).join(', ') })] : []),
    '',
    t('cli.options'),
    ...table(optionRows(own, t)),
    '',
    t('cli.help.global-options'),
    ...table(optionRows(global, t)),
    '',
    t('cli.help.environment'),
    ...environmentRows([...everyVerbReads, ...spec.environment], t),
    '',
    t('cli.help.exit-codes'),
    ...exitCodeRows([...everyVerbExits, ...spec.exitCodes], t),
    '',
    t('cli.examples'),
    ...spec.examples.flatMap((example) => [...(example.comment ? [`  # ${t(example.comment)}`] : []), `  ${example.command}`]),
  ].join('\n');
}

/** The help of a group: its verbs and what each does. */
export function groupHelp(group: VerbGroup, t: Translator): string {
  return [
    t('cli.help.usage', { usage: `ehealth ${group.name} <verb> [options]` }),
    t(`cli.group.${group.name}` as 'cli.group.eid'),
    '',
    t('cli.help.verbs'),
    ...table(Object.entries(group.verbs).map(([name, verb]) => [name, t(verb.spec.summary)])),
    '',
    t('cli.help.verb-help', { group: group.name }),
  ].join('\n');
}

/** `ehealth --help`: the groups, the options every command takes, where to read more. */
export function mainHelp(groupNames: readonly string[], version: string, t: Translator): string {
  return [
    `ehealth ${version}`,
    t('cli.usage'),
    '',
    t('cli.groups'),
    ...table(groupNames.map((name) => [name, t(`cli.group.${name}` as 'cli.group.eid')])),
    '',
    t('cli.options'),
    ...table([['-h, --help', t('cli.option.help')], ['-v, --version', t('cli.option.version')], ...optionRows(globalOptions, t)]),
    '',
    t('cli.help.environment'),
    ...environmentRows(environmentVariables, t),
    '',
    t('cli.help.more'),
    '  ehealth help GROUP [VERB]',
    '  ehealth help exit-codes',
    '',
    t('cli.examples'),
    '  ehealth keystore list --json',
    '  ehealth keystore list ~/ehealth/keystore /mnt/backup/keystores',
    '  ehealth cert request --help',
    '  source <(ehealth completion bash)',
  ].join('\n');
}

/** `ehealth help exit-codes`: every exit code and what it means. */
export function exitCodesHelp(t: Translator): string {
  return [t('cli.help.exit-codes'), ...exitCodeRows(Object.values(ExitCode), t)].join('\n');
}
