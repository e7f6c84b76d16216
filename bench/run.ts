// `npm run bench`: every benchmark prints its figures as ratios against a peer measured in the same
// run (never as a pass/fail timing). Usage: npm run bench [-- NAME...] to run some only.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { machine } from './measure';

interface Benchmark {
  name: string;
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  console.log(machine());
  const files = readdirSync(__dirname).filter((file) => file.endsWith('.bench.ts')).sort();
  for (const file of files) {
    const benchmark = (await import(path.join(__dirname, file))).default as Benchmark;
    if (wanted.length && !wanted.includes(benchmark.name)) continue;
    console.log(`\n== ${benchmark.name} ==`);
    await benchmark.run();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
