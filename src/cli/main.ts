// The `ehealth` command line: one entry, verb groups over the same engine as the extension.
import { languageFromLocale, languages, translator, type Language } from '../i18n';
import { isLanguage, takeGlobalOptions } from './globalOptions';
import type { CliContext, Verb, VerbGroup } from './context';
import { groupHelp, usageLine, verbHelp } from './help';
import { parse } from './options';
import { certGroup } from './certCommands';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import { failureOf, printJsonError } from './output';
import { eidGroup } from './eidCommands';
import { guidesGroup } from './guidesCommands';
import { keystoreGroup } from './keystoreCommands';
import { sandboxGroup } from './sandboxCommands';
import { version } from '../../package.json';

/** Every group, in the order of the help. */
export const groups: VerbGroup[] = [
  keystoreGroup,
  eidGroup,
  certGroup,
  sandboxGroup,
  guidesGroup,
];

export async function main(argv: string[], io = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) }): Promise<number> {
  const global = takeGlobalOptions(argv);
  const fromEnvironment = environmentLanguage();
  // An unknown `--lang` is reported in the language of the environment.
  const language = global.lang && isLanguage(global.lang) ? global.lang : fromEnvironment;
  const interactive = process.stdin.isTTY === true && !process.env.CI && !global.noInput;
  const context: CliContext = { args: global.rest, language, t: translator(language), ...io, interactive, json: global.json };
  try {
    if (global.lang !== undefined && language !== global.lang) throw badLanguage(context, global.lang);
    return await dispatch(context);
  } catch (error) {
    const failure = failureOf(error, language);
    context.err(`ehealth: ${failure.message}`);
    // In JSON mode the same error, with its stable code, is the one document on stdout.
    if (context.json) printJsonError(context, failure);
    return failure.exitCode;
  }
}

async function dispatch(context: CliContext): Promise<number> {
  const [first, second, ...rest] = context.args;
  const { t } = context;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    context.out(helpText(context));
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    context.out(version);
    return ExitCode.ok;
  }
  const group = groups.find((candidate) => candidate.name === first);
  if (!group) throw new CliError(t('cli.error.unknown-group', { group: first }), ExitCode.usage);
  if (second === undefined || second === '--help' || second === '-h') {
    context.out(groupHelp(group, t));
    return second === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const verb = Object.hasOwn(group.verbs, second) ? group.verbs[second] : undefined;
  if (!verb) throw new CliError(t('cli.error.unknown-verb', { group: group.name, verb: second }), ExitCode.usage);
  const command = `${group.name} ${second}`;
  const verbContext = { ...context, args: rest };
  const parsed = parse(verbContext, verb.spec, usageLine(command, verb.spec, t));
  if (parsed.help) {
    context.out(verbHelp(command, verb.spec, t, namesOf(verb).filter((name) => name !== command)));
    return ExitCode.ok;
  }
  return verb.run(verbContext, parsed);
}

/** Every command that runs `verb`: its name, and its alias in another group. */
const namesOf = (verb: Verb) => groups.flatMap((group) => Object.entries(group.verbs).filter(([, candidate]) => candidate === verb).map(([name]) => `${group.name} ${name}`));

function helpText(context: CliContext): string {
  const { t } = context;
  const width = Math.max(...groups.map((group) => group.name.length)) + 2;
  return [
    `ehealth ${version}`,
    t('cli.usage'),
    '',
    t('cli.groups'),
    ...groups.map((group) => `  ${group.name.padEnd(width)}${t(`cli.group.${group.name}` as 'cli.group.eid')}`),
    '',
    t('cli.options'),
    `  --help, -h    ${t('cli.option.help')}`,
    `  --version     ${t('cli.option.version')}`,
    `  --lang LANG   ${t('cli.option.lang')}`,
    '',
    t('cli.examples'),
    '  ehealth keystore list --json',
    '  ehealth keystore list ~/ehealth/keystore /mnt/backup/keystores',
    // Each verb's options: its own help, written from its table.
    '  ehealth cert request --help',
  ].join('\n');
}

/** EHEALTH_LANG, else the POSIX locale. */
function environmentLanguage(): Language {
  const { EHEALTH_LANG, LC_ALL, LC_MESSAGES, LANG } = process.env;
  return languageFromLocale(EHEALTH_LANG || LC_ALL || LC_MESSAGES || LANG);
}

function badLanguage(context: CliContext, given: string | null): CliError {
  const choices = languages.join(', ');
  const message = given === null ? context.t('cli.error.missing-choice', { option: '--lang', choices }) : context.t('cli.error.bad-choice', { option: '--lang', value: given, choices });
  return new CliError(message, ExitCode.usage);
}
