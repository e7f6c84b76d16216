// What every CLI verb receives: its arguments, the user's language and where to write.
import type { Language, Translator } from '../i18n';

export interface CliContext {
  args: string[];
  language: Language;
  t: Translator;
  out: (text: string) => void;
  err: (text: string) => void;
}

export type Verb = (context: CliContext) => Promise<number>;

/** One command group (`keystore`, `eid`, ...) and its verbs. */
export interface VerbGroup {
  name: string;
  verbs: Record<string, Verb>;
  help: (context: CliContext) => string;
}
