// `ehealth completion bash|zsh|fish`: a completion script written from the same tables as the help
// (groups, verbs, option tables, global options): groups, verbs and options complete with their
// descriptions (zsh, fish), options with choices complete their choices, FILE and DIR values
// complete files and folders. Each script finds the group and the verb as the first two words that
// are not options (skipping --lang's value), so options before the group work too.
import type { MessageKey, Translator } from '../i18n';
import { verb, type VerbGroup } from './context';
import { globalOptions } from './globalOptions';
import { HELP_OPTION, type OptionSpec, type OptionTable, type PositionalSpec } from './options';

/** What a word completes to: nothing known, files, folders, or one of a few words. */
type Completes = { kind: 'none' | 'file' | 'folder' } | { kind: 'choices'; choices: readonly string[] };

interface OptionModel {
  flag: string;
  description: string;
  /** The value's completion; undefined for a switch. */
  value?: Completes;
}

interface VerbModel {
  group: string;
  name: string;
  description: string;
  options: OptionModel[];
  positional: Completes;
}

interface Model {
  groups: Array<{ name: string; description: string }>;
  verbs: VerbModel[];
  global: OptionModel[];
}

const HELP_WORD = 'help';
const EXIT_CODES = 'exit-codes';

const byValueName = (value: MessageKey | undefined): Completes => {
  // Files complete with the folders on their way: a FILE, a PATH, a DIR|FILE.
  if (value === 'cli.value.file' || value === 'cli.value.path' || value === 'cli.value.folder-or-file') return { kind: 'file' };
  if (value === 'cli.value.folder') return { kind: 'folder' };
  return { kind: 'none' };
};

const optionValue = (spec: OptionSpec): Completes | undefined => {
  if (spec.type === 'boolean') return undefined;
  return spec.choices ? { kind: 'choices', choices: spec.choices } : byValueName(spec.value);
};

const optionModels = (table: OptionTable, t: Translator): OptionModel[] =>
  (Object.entries(table) as Array<[string, OptionSpec]>).flatMap(([name, spec]) => {
    const model = { description: t(spec.help), value: optionValue(spec) };
    return [{ flag: `--${name}`, ...model }, ...(spec.short ? [{ flag: `-${spec.short}`, ...model }] : [])];
  });

const positionalOf = (positional: PositionalSpec | undefined): Completes => (positional ? byValueName(positional.value) : { kind: 'none' });

function modelOf(groups: readonly VerbGroup[], t: Translator): Model {
  const global = optionModels(globalOptions, t);
  return {
    groups: groups.map((group) => ({ name: group.name, description: t(`cli.group.${group.name}` as 'cli.group.eid') })),
    verbs: groups.flatMap((group) =>
      Object.entries(group.verbs).map(([name, { spec }]) => ({
        group: group.name,
        name,
        description: t(spec.summary),
        // The verb's own options, then the global ones it does not redefine.
        options: [...optionModels({ ...spec.options, ...HELP_OPTION }, t), ...global.filter((option) => !(option.flag.slice(2) in spec.options))],
        positional: positionalOf(spec.positional),
      })),
    ),
    global: [...global, { flag: '--help', description: t('cli.option.help') }, { flag: '-h', description: t('cli.option.help') }, { flag: '--version', description: t('cli.option.version') }, { flag: '-v', description: t('cli.option.version') }],
  };
}

/** A word inside single quotes in bash and zsh. */
const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
/** A word inside single quotes in fish (where \ and ' are escaped). */
const fishQuoted = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** The value options of every verb and the global ones, as `"group verb --flag"` (global: `"* --flag"`). */
const valueOptions = (model: Model) => [
  ...model.global.filter((option) => option.value).map((option) => ({ pattern: `*" ${option.flag}"`, value: option.value as Completes })),
  ...model.verbs.flatMap((verbModel) => verbModel.options.filter((option) => option.value).map((option) => ({ pattern: quoted(`${verbModel.group} ${verbModel.name} ${option.flag}`), value: option.value as Completes }))),
];

/** The words before the one being completed: group, verb (or `help`, group), skipping options and --lang's value. */
const shellWordsLoop = (first: string, last: string) => `  local group= verb= i w
  for ((i=${first}; i<${last}; i++)); do
    w=\${words[i]}
    case $w in
      --) break ;;
      --lang) ((i++)); continue ;;
      -*) continue ;;
    esac
    if [[ -z $group ]]; then group=$w; elif [[ -z $verb ]]; then verb=$w; else break; fi
  done`;

function bashScript(model: Model): string {
  const reply = (completes: Completes) =>
    completes.kind === 'file' ? 'COMPREPLY=($(compgen -f -- "$cur"))' : completes.kind === 'folder' ? 'COMPREPLY=($(compgen -d -- "$cur"))' : completes.kind === 'choices' ? `COMPREPLY=($(compgen -W ${quoted(completes.choices.join(' '))} -- "$cur"))` : 'COMPREPLY=()';
  const groupNames = model.groups.map((group) => group.name);
  return `# ehealth completion for bash. Load it with: source <(ehealth completion bash)
_ehealth() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local -a words=("\${COMP_WORDS[@]}")
${shellWordsLoop('1', 'COMP_CWORD')}
  case "$group $verb $prev" in
${valueOptions(model).map(({ pattern, value }) => `    ${pattern}) ${reply(value)}; return ;;`).join('\n')}
  esac
  if [[ -z $group ]]; then
    COMPREPLY=($(compgen -W ${quoted([...groupNames, HELP_WORD, ...model.global.map((option) => option.flag)].join(' '))} -- "$cur")); return
  fi
  if [[ $group == ${HELP_WORD} ]]; then
    [[ -z $verb ]] && { COMPREPLY=($(compgen -W ${quoted([...groupNames, EXIT_CODES].join(' '))} -- "$cur")); return; }
    group=$verb verb=
  fi
  if [[ -z $verb ]]; then
    case $group in
${model.groups.map((group) => `      ${quoted(group.name)}) COMPREPLY=($(compgen -W ${quoted(model.verbs.filter((verbModel) => verbModel.group === group.name).map((verbModel) => verbModel.name).join(' '))} -- "$cur")) ;;`).join('\n')}
    esac
    return
  fi
  [[ \${COMP_WORDS[1]} == ${HELP_WORD} ]] && return
  if [[ $cur == -* ]]; then
    case "$group $verb" in
${model.verbs.map((verbModel) => `      ${quoted(`${verbModel.group} ${verbModel.name}`)}) COMPREPLY=($(compgen -W ${quoted(verbModel.options.map((option) => option.flag).join(' '))} -- "$cur")) ;;`).join('\n')}
    esac
    return
  fi
  case "$group $verb" in
${model.verbs.filter((verbModel) => verbModel.positional.kind !== 'none').map((verbModel) => `    ${quoted(`${verbModel.group} ${verbModel.name}`)}) ${reply(verbModel.positional)} ;;`).join('\n')}
  esac
}
complete -o filenames -F _ehealth ehealth
`;
}

function zshScript(model: Model): string {
  /** `name:description` entries for _describe (its colons escaped). */
  const described = (entries: Array<{ name: string; description: string }>) => `(${entries.map((entry) => quoted(`${entry.name.replaceAll(':', '\\:')}:${entry.description.replaceAll(':', '\\:')}`)).join(' ')})`;
  const offer = (completes: Completes) =>
    completes.kind === 'file' ? '_files' : completes.kind === 'folder' ? '_files -/' : completes.kind === 'choices' ? `compadd -- ${completes.choices.map(quoted).join(' ')}` : ':';
  const options = (entries: OptionModel[]) => described(entries.map((option) => ({ name: option.flag, description: option.description })));
  return `#compdef ehealth
# ehealth completion for zsh. Load it with: source <(ehealth completion zsh) (after compinit)
_ehealth() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]}
  local -a entries
${shellWordsLoop('2', 'CURRENT')}
  case "$group $verb $prev" in
${valueOptions(model).map(({ pattern, value }) => `    ${pattern}) ${offer(value)}; return ;;`).join('\n')}
  esac
  if [[ -z $group ]]; then
    if [[ $cur == -* ]]; then entries=${options(model.global)}; else entries=${described([...model.groups, { name: HELP_WORD, description: '' }])}; fi
    _describe -t commands ehealth entries; return
  fi
  if [[ $group == ${HELP_WORD} ]]; then
    [[ -z $verb ]] && { entries=${described([...model.groups, { name: EXIT_CODES, description: '' }])}; _describe -t commands ehealth entries; return; }
    group=$verb verb=
  fi
  if [[ -z $verb ]]; then
    case $group in
${model.groups.map((group) => `      ${quoted(group.name)}) entries=${described(model.verbs.filter((verbModel) => verbModel.group === group.name))} ;;`).join('\n')}
      *) return 1 ;;
    esac
    _describe -t verbs verb entries; return
  fi
  [[ \${words[2]} == ${HELP_WORD} ]] && return 1
  if [[ $cur == -* ]]; then
    case "$group $verb" in
${model.verbs.map((verbModel) => `      ${quoted(`${verbModel.group} ${verbModel.name}`)}) entries=${options(verbModel.options)} ;;`).join('\n')}
      *) return 1 ;;
    esac
    _describe -t options option entries; return
  fi
  case "$group $verb" in
${model.verbs.filter((verbModel) => verbModel.positional.kind !== 'none').map((verbModel) => `    ${quoted(`${verbModel.group} ${verbModel.name}`)}) ${offer(verbModel.positional)} ;;`).join('\n')}
  esac
}
compdef _ehealth ehealth
`;
}

function fishScript(model: Model): string {
  const is = (command: string) => `-n ${fishQuoted(`__ehealth_is ${fishQuoted(command)}`)}`;
  const offer = (completes: Completes | undefined) =>
    completes === undefined ? '' : completes.kind === 'file' ? ' -r -F' : completes.kind === 'folder' ? ` -x -a '(__fish_complete_directories)'` : completes.kind === 'choices' ? ` -x -a ${fishQuoted(completes.choices.join(' '))}` : ' -x';
  const flag = (option: OptionModel) => (option.flag.startsWith('--') ? `-l ${fishQuoted(option.flag.slice(2))}` : `-s ${fishQuoted(option.flag.slice(1))}`);
  const optionLines = (condition: string, options: OptionModel[]) => options.map((option) => `complete -c ehealth ${condition} ${flag(option)} -d ${fishQuoted(option.description)}${offer(option.value)}`);
  const verbsOf = (group: string) => model.verbs.filter((verbModel) => verbModel.group === group);
  return [
    '# ehealth completion for fish. Load it with: ehealth completion fish | source',
    '# The group and verb typed so far: the first two words that are not options (--lang takes a value).',
    'function __ehealth_command',
    '    set -l found',
    '    set -l skip 0',
    '    for word in (commandline -opc)[2..-1]',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        switch $word',
    '            case --',
    '                break',
    '            case --lang',
    '                set skip 1',
    "            case '-*'",
    '            case "*"',
    '                set -a found $word',
    '        end',
    '    end',
    '    string join " " -- $found[1..2]',
    'end',
    'function __ehealth_is',
    '    set -l command (__ehealth_command)',
    '    test "$command" = "$argv[1]"',
    'end',
    'complete -c ehealth -f',
    ...model.groups.map((group) => `complete -c ehealth ${is('')} -a ${fishQuoted(group.name)} -d ${fishQuoted(group.description)}`),
    `complete -c ehealth ${is('')} -a ${HELP_WORD}`,
    ...optionLines(is(''), model.global),
    ...model.groups.map((group) => `complete -c ehealth ${is(HELP_WORD)} -a ${fishQuoted(group.name)} -d ${fishQuoted(group.description)}`),
    `complete -c ehealth ${is(HELP_WORD)} -a ${EXIT_CODES}`,
    ...model.groups.flatMap((group) =>
      verbsOf(group.name).flatMap((verbModel) => [
        `complete -c ehealth ${is(group.name)} -a ${fishQuoted(verbModel.name)} -d ${fishQuoted(verbModel.description)}`,
        `complete -c ehealth ${is(`${HELP_WORD} ${group.name}`)} -a ${fishQuoted(verbModel.name)} -d ${fishQuoted(verbModel.description)}`,
      ]),
    ),
    ...model.verbs.flatMap((verbModel) => {
      const condition = is(`${verbModel.group} ${verbModel.name}`);
      const positional = verbModel.positional.kind === 'none' ? [] : [`complete -c ehealth ${condition}${offer(verbModel.positional)}`];
      return [...optionLines(condition, verbModel.options), ...positional];
    }),
    '',
  ].join('\n');
}

const scripts = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

/** `completion bash|zsh|fish`, over the groups of the CLI (given late: this group is one of them). */
export function completionGroup(groups: () => Promise<readonly VerbGroup[]>): VerbGroup {
  const shellVerb = (shell: keyof typeof scripts, load: string) =>
    verb(
      { summary: `cli.verb.completion.${shell}`, options: {}, environment: [], exitCodes: [], examples: [{ command: load, comment: 'cli.example.completion' }] },
      async (context) => {
        context.out(scripts[shell](modelOf(await groups(), context.t)));
        return 0;
      },
    );
  return {
    name: 'completion',
    verbs: {
      bash: shellVerb('bash', 'source <(ehealth completion bash)'),
      zsh: shellVerb('zsh', 'source <(ehealth completion zsh)'),
      fish: shellVerb('fish', 'ehealth completion fish | source'),
    },
  };
}
