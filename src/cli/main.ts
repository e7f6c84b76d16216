// The `ehealth` command line: one entry, verb groups over the same engine as the extension.
import { languageFromLocale, languages, translator, type Language, type Translator } from '../i18n';
import { isLanguage, takeGlobalOptions } from './globalOptions';
import type { CliContext, Verb, VerbGroup } from './context';
import { exitCodesHelp, groupHelp, mainHelp, usageLine, verbHelp } from './help';
import { suggestion } from './didYouMean';
import { versionReport, versionText } from './version';
import { parse } from './options';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import { version } from '../../package.json';

/**
 * Every group's module, in the order of the help, loaded when a command names the group: a verb
 * loads its group's code only (the build splits the CLI into chunks along these imports), and
 * `--version` or the main help none.
 */
const groupModules: Record<string, () => Promise<VerbGroup>> = {
  keystore: async () => (await import('./keystoreCommands')).keystoreGroup,
  eid: async () => (await import('./eidCommands')).eidGroup,
  cert: async () => (await import('./certCommands')).certGroup,
  etk: async () => (await import('./etkCommands')).etkGroup,
  sandbox: async () => (await import('./sandboxCommands')).sandboxGroup,
  guides: async () => (await import('./guidesCommands')).guidesGroup,
  completion: async () => (await import('./completion')).completionGroup(loadGroups),
};

/** The groups' names, in the order of the help. */
export const groupNames: readonly string[] = Object.keys(groupModules);

/** Every group, loaded (a verb's help names its aliases in other groups; completions list every verb). */
export const loadGroups = (): Promise<VerbGroup[]> => Promise.all(groupNames.map((name) => groupModules[name]()));

export async function main(argv: string[], io = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) }): Promise<number> {
  const global = takeGlobalOptions(argv);
  const fromEnvironment = environmentLanguage();
  // An unknown `--lang` is reported in the language of the environment.
  const language = global.lang && isLanguage(global.lang) ? global.lang : fromEnvironment;
  let interactive: boolean | undefined;
  const context: CliContext = {
    args: global.rest,
    language,
    t: translator(language),
    ...io,
    // Found out when first asked: opening stdin costs milliseconds a command that asks nothing would pay.
    get interactive() {
      return (interactive ??= process.stdin.isTTY === true && !process.env.CI && !global.noInput);
    },
    json: global.json,
  };
  try {
    if (global.lang !== undefined && language !== global.lang) throw badLanguage(context, global.lang);
    return await dispatch(context);
  } catch (error) {
    // The words of every error of every engine load when one is reported.
    const { failureOf, printJsonError } = await import('./output');
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
  if (first === undefined || first === '--help' || first === '-h') {
    context.out(mainHelp(groupNames, version, t));
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === 'help') return help(context, context.args.slice(1));
  if (first === '--version' || first === '-v') {
    const report = versionReport();
    if (context.json) (await import('./output')).printJson(context, report);
    else context.out(versionText(report, t));
    return ExitCode.ok;
  }
  const group = await groupNamed(context, first);
  if (second === undefined || second === '--help' || second === '-h') {
    context.out(groupHelp(group, t));
    return second === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const verb = verbNamed(context, group, second);
  const command = `${group.name} ${second}`;
  const verbContext = withArgs(context, rest);
  const parsed = parse(verbContext, verb.spec, usageLine(command, verb.spec, t));
  if (parsed.help) {
    context.out(await verbHelpOf(group, second, t));
    return ExitCode.ok;
  }
  return verb.run(verbContext, parsed);
}

/** The context with the verb's own arguments (its other properties as they are: `interactive` still asked on use). */
const withArgs = (context: CliContext, args: string[]): CliContext =>
  Object.defineProperties({} as CliContext, { ...Object.getOwnPropertyDescriptors(context), args: { value: args, enumerable: true, writable: true, configurable: true } });

/** `ehealth help [GROUP [VERB]]` and `ehealth help exit-codes`: the same texts as `--help`. */
async function help(context: CliContext, [groupName, verbName, extra]: string[]): Promise<number> {
  const { t } = context;
  if (extra !== undefined) throw new CliError(t('cli.error.unexpected-argument', { argument: extra, usage: 'ehealth help [GROUP [VERB]]' }), ExitCode.usage);
  if (groupName === undefined) context.out(mainHelp(groupNames, version, t));
  else if (groupName === EXIT_CODES && verbName === undefined) context.out(exitCodesHelp(t));
  else {
    const group = await groupNamed(context, groupName, [EXIT_CODES]);
    context.out(verbName === undefined ? groupHelp(group, t) : (verbNamed(context, group, verbName), await verbHelpOf(group, verbName, t)));
  }
  return ExitCode.ok;
}

const EXIT_CODES = 'exit-codes';

/** The group of that name, else a usage error with the closest name (`others`: more words accepted there). */
async function groupNamed(context: CliContext, name: string, others: string[] = []): Promise<VerbGroup> {
  if (Object.hasOwn(groupModules, name)) return groupModules[name]();
  const known = [...groupNames, ...others];
  throw new CliError(context.t('cli.error.unknown-group', { group: name }) + suggestion(context.t, name, known), ExitCode.usage, 'cli/unknown-command');
}

function verbNamed(context: CliContext, group: VerbGroup, name: string): Verb {
  if (Object.hasOwn(group.verbs, name)) return group.verbs[name];
  throw new CliError(context.t('cli.error.unknown-verb', { group: group.name, verb: name }) + suggestion(context.t, name, Object.keys(group.verbs)), ExitCode.usage, 'cli/unknown-command');
}

async function verbHelpOf(group: VerbGroup, name: string, t: Translator): Promise<string> {
  const command = `${group.name} ${name}`;
  const verb = group.verbs[name];
  return verbHelp(command, verb.spec, t, (await namesOf(verb)).filter((other) => other !== command));
}

/** Every command that runs `verb`: its name, and its alias in another group. */
const namesOf = async (verb: Verb) =>
  (await loadGroups()).flatMap((group) => Object.entries(group.verbs).filter(([, candidate]) => candidate === verb).map(([name]) => `${group.name} ${name}`));

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
