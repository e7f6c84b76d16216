// `--help` written from the option tables (options.ts), in the user's language: a verb's usage line
// (optional options in brackets), what it does, the other name it goes by, and one line per option
// with its default. A group's help lists its verbs.
import type { Translator } from '../i18n';
import type { VerbGroup } from './context';
import { HELP_OPTION, type OptionSpec, type VerbSpec } from './options';

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

/** The help of one verb; `aliases`: the other commands that run it (`cert change-password`). */
export function verbHelp(command: string, spec: VerbSpec, t: Translator, aliases: string[] = []): string {
  const options = { ...spec.options, ...HELP_OPTION } as Record<string, OptionSpec>;
  const rows = Object.entries(options).map(([name, option]): [string, string] => {
    const left = option.short ? `-${option.short}, ${optionSyntax(name, option, t)}` : optionSyntax(name, option, t);
    const shown = defaultOf(option);
    return [left, shown === undefined ? t(option.help) : `${t(option.help)} (${t('cli.help.default', { value: shown })})`];
  });
  return [
    t('cli.help.usage', { usage: usageLine(command, spec, t) }),
    t(spec.summary),
    ...(aliases.length ? [t('cli.help.also', { commands: aliases.map((alias) => `ehealth ${alias}`).join(', ') })] : []),
    '',
    t('cli.options'),
    ...table(rows),
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
