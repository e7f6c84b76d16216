// The options every command takes wherever they stand before `--` (`ehealth --json keystore list`,
// `ehealth keystore list --lang fr`): taken off the line before the verb reads its own table. Nothing
// after `--` is looked at: a file named `--lang` stays a file.
import { languages, type Language } from '../i18n';
import type { OptionTable } from './options';

/** Their table: for the help, the completions and "did you mean" (main.ts reads them, not parseArgs). */
export const globalOptions = {
  lang: { type: 'string', choices: languages, help: 'cli.option.lang' },
  'no-input': { type: 'boolean', help: 'cli.option.no-input' },
  json: { type: 'boolean', help: 'cli.option.json' },
} as const satisfies OptionTable;

export interface GlobalValues {
  /** The value of `--lang` as given (null: `--lang` without a value), undefined when absent. */
  lang?: string | null;
  noInput: boolean;
  json: boolean;
  /** The command line without them. */
  rest: string[];
}

/** Takes the global options off `argv`, up to `--` (kept, with everything after it, for the verb). */
export function takeGlobalOptions(argv: readonly string[]): GlobalValues {
  const taken: GlobalValues = { noInput: false, json: false, rest: [] };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') {
      taken.rest.push(...argv.slice(index));
      break;
    }
    if (arg === '--lang') {
      const value = argv[index + 1];
      // `--lang` last, or followed by `--`: no value.
      taken.lang = value === undefined || value === '--' ? null : value;
      if (taken.lang !== null) index++;
    } else if (arg.startsWith('--lang=')) taken.lang = arg.slice('--lang='.length);
    else if (arg === '--no-input') taken.noInput = true;
    else if (arg === '--json') taken.json = true;
    else taken.rest.push(arg);
  }
  return taken;
}

export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);
