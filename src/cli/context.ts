// What every CLI verb receives (its arguments, the user's language, where to write) and what it
// declares: its option table (options.ts), from which its command line is read and its help written.
import type { Language, Translator } from '../i18n';
import type { OptionTable, Parsed, VerbSpec } from './options';

export interface CliContext {
  args: string[];
  language: Language;
  t: Translator;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Questions may be asked: stdin is a terminal, CI is not set and --no-input was not given. */
  interactive: boolean;
  /** `--json` was given (before the group or among the verb's arguments): stdout is JSON only. */
  json: boolean;
}

export type VerbRun<O extends OptionTable = OptionTable> = (context: CliContext, parsed: Parsed<O>) => Promise<number>;

export interface Verb<O extends OptionTable = OptionTable> {
  spec: VerbSpec<O>;
  run: VerbRun<O>;
}

/** A verb from its table and what it does with what was parsed (typed by the table). */
export const verb = <const O extends OptionTable>(spec: VerbSpec<O>, run: VerbRun<O>): Verb => ({ spec, run }) as unknown as Verb;

/** One command group (`keystore`, `eid`, ...) and its verbs; the same Verb under two names is one verb and an alias. */
export interface VerbGroup {
  name: string;
  verbs: Record<string, Verb>;
}
