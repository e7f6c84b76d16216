// Measuring helpers shared by the benchmarks: medians of interleaved runs, child processes that must
// succeed (a failing command must not yield a flattering figure), the verdict against a target, and
// the machine the figures were measured on.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpus } from 'node:os';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** `within target (≤ 2x)` or `OVER TARGET (2x)`: how every benchmark states its result. */
export function verdict(value: number, target: number, unit = 'x'): string {
  return value <= target ? `within target (≤ ${target}${unit})` : `OVER TARGET (${target}${unit})`;
}

async function elapsed(operation: () => unknown): Promise<number> {
  const start = performance.now();
  await operation();
  return performance.now() - start;
}

/**
 * Runs every operation once per round, in turn, so that other load on the machine hits them alike;
 * every other round in reverse order, so that none always follows the same neighbour. Returns the
 * median time of each operation over `runs` rounds, after `warmUpRuns` rounds not counted.
 */
export async function interleaved<Name extends string>(
  operations: Record<Name, () => unknown>,
  runs: number,
  warmUpRuns = 0,
): Promise<Record<Name, number>> {
  const entries = Object.entries(operations) as Array<[Name, () => unknown]>;
  const times = Object.fromEntries(entries.map(([name]) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let run = -warmUpRuns; run < runs; run++) {
    for (const [name, operation] of run % 2 ? [...entries].reverse() : entries) {
      const time = await elapsed(operation);
      if (run >= 0) times[name].push(time);
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, median(times[name])])) as Record<Name, number>;
}

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end, its output captured (the same for every program measured). */
export function execute(command: string, args: string[], options: SpawnSyncOptions = {}): Finished {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * An operation that runs a program and throws unless it exited 0 and `check` (if given) accepts its
 * standard output (`check` returns what is wrong, or undefined).
 */
export const command =
  (program: string, args: string[], options: SpawnSyncOptions = {}, check?: (stdout: string) => string | undefined) =>
  () => {
    const result = execute(program, args, options);
    const wrong = result.status !== 0 ? `exit ${result.status}: ${result.stderr.trim().split('\n')[0]}` : check?.(result.stdout);
    if (wrong) throw new Error(`${program} ${args.join(' ')} failed (${wrong})`);
  };

export const openssl = (args: string[]) => command('openssl', args);

/** CPU model, cores, Node and OpenSSL versions: printed above the figures. */
export function machine(): string {
  const cores = cpus();
  const opensslVersion = execute('openssl', ['version']).stdout.trim();
  return `machine: ${cores[0]?.model ?? 'unknown CPU'}, ${cores.length} cores, Node ${process.version}, ${opensslVersion}`;
}
