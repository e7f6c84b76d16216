// Questions on the terminal: asked on stderr (stdout stays for results), answered with one line.
import { createInterface } from 'node:readline/promises';

const YES = /^\s*(yes|y|oui|o|ja|j)\s*$/i;

/** One answered line; undefined when the input ends first (no terminal, Ctrl-D, a closed pipe). */
export async function askLine(question: string): Promise<string | undefined> {
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
export async function askYes(question: string): Promise<boolean> {
  return YES.test((await askLine(question)) ?? '');
}
