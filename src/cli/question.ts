// Questions on the terminal: asked on stderr (stdout stays for results), answered with one line.
// Without a terminal to answer them (stdin not a TTY, CI set, --no-input), a question is never
// asked: the verb stops at once, naming the flags that answer it.
import { createInterface } from 'node:readline/promises';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import type { CliContext } from './context';

const YES = /^\s*(yes|y|oui|o|ja|j)\s*$/i;

/** `--a, --b or --c`, in the user's language. */
export const orList = (context: CliContext, items: readonly string[]): string => new Intl.ListFormat(context.language, { type: 'disjunction' }).format(items);

/** Nothing waits for an answer nobody can type: without a terminal, a usage error naming the flags that give it. */
export function needTerminal(context: CliContext, flags: readonly string[]): void {
  if (!context.interactive) throw new CliError(context.t('cli.error.answer-needed', { flags: orList(context, flags) }), ExitCode.usage, 'cli/answer-needed');
}

/** One answered line; undefined when the input ends first (Ctrl-D). `flags` answer it without a terminal. */
export async function askLine(context: CliContext, question: string, flags: readonly string[]): Promise<string | undefined> {
  needTerminal(context, flags);
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  let answered = false;
  const closed = new Promise<undefined>((resolve) =>
    terminal.once('close', () => {
      if (!answered) process.stderr.write('\n');
      resolve(undefined);
    }),
  );
  try {
    const answer = await Promise.race([terminal.question(question), closed]);
    answered = answer !== undefined;
    return answer?.trim() || undefined;
  } catch {
    return undefined;
  } finally {
    terminal.close();
  }
}

/** True only on an explicit yes (in any of the four languages); no answer is a no. */
export async function askYes(context: CliContext, question: string, flags: readonly string[]): Promise<boolean> {
  return YES.test((await askLine(context, question, flags)) ?? '');
}
