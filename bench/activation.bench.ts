// Activation cost of the extension in a real VS Code (code-server), against an empty extension in
// the same harness: activate() time, extension-host memory after activation, and the VSIX size.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { packageVsix } from '../scripts/package';
import { bundledSuites, bundleSuites } from '../test/vscode/bundle';
import { runSuite } from '../test/vscode/harness';
import { artifactsFolder } from '../test/vscode/run';
import { ensureHarnessTools } from '../test/vscode/tools';
import { median } from './measure';

interface Sample {
  activationMs: number;
  rssBytes: number;
  heapUsedBytes: number;
}

const root = path.resolve(__dirname, '..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const budgets = { activationMs: 50, memoryMB: 20, vsixMB: 5 };

const mb = (bytes: number) => bytes / (1024 * 1024);

async function sample(tools: ReturnType<typeof ensureHarnessTools>, name: string, extensionFolder: string): Promise<Sample> {
  const outcome = await runSuite(
    tools,
    { name, developmentPaths: [extensionFolder], testsPath: path.join(bundledSuites, 'bench', 'index.js'), timeoutMs: 120_000, mocha: false },
    { screenshotFolder: path.join(artifactsFolder, 'bench'), artifactsFolder, print: () => undefined },
  );
  const [result] = outcome.results as Sample[];
  if (outcome.exitCode !== 0 || !result) throw new Error(`benchmark host "${name}" failed (logs in ${artifactsFolder})`);
  return result;
}

export default {
  name: 'activation',
  async run(): Promise<void> {
    const tools = ensureHarnessTools();
    // Measure what users get: the production bundle.
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { stdio: 'inherit' });
    await bundleSuites();
    const ours: Sample[] = [];
    const empty: Sample[] = [];
    for (let round = 0; round < rounds; round++) {
      // Alternate the order so neither side always runs on a warmer machine.
      const pair = [
        async () => empty.push(await sample(tools, 'bench-empty', path.join(root, 'test', 'vscode', 'bench', 'empty-extension'))),
        async () => ours.push(await sample(tools, 'bench-ehealth', root)),
      ];
      for (const step of round % 2 ? pair.reverse() : pair) await step();
    }
    const activation = { ours: median(ours.map((s) => s.activationMs)), empty: median(empty.map((s) => s.activationMs)) };
    const heap = { ours: median(ours.map((s) => s.heapUsedBytes)), empty: median(empty.map((s) => s.heapUsedBytes)) };
    const rss = { ours: median(ours.map((s) => s.rssBytes)), empty: median(empty.map((s) => s.rssBytes)) };
    const vsixMB = mb(statSync(await packageVsix()).size);
    const addedMs = activation.ours - activation.empty;
    const addedHeapMB = mb(heap.ours - heap.empty);
    console.log(`medians of ${rounds} fresh extension hosts each (code-server, production bundle)`);
    console.log(`activate(): ${activation.ours.toFixed(2)} ms vs empty extension ${activation.empty.toFixed(2)} ms = ${(activation.ours / activation.empty).toFixed(2)}x, ${addedMs.toFixed(2)} ms added (budget < ${budgets.activationMs} ms)`);
    console.log(`extension host heap after activation: ${mb(heap.ours).toFixed(1)} MB vs ${mb(heap.empty).toFixed(1)} MB = ${(heap.ours / heap.empty).toFixed(3)}x, ${addedHeapMB.toFixed(2)} MB added (budget < ${budgets.memoryMB} MB)`);
    console.log(`extension host RSS after activation: ${mb(rss.ours).toFixed(1)} MB vs ${mb(rss.empty).toFixed(1)} MB = ${(rss.ours / rss.empty).toFixed(3)}x, ${mb(rss.ours - rss.empty).toFixed(2)} MB added`);
    console.log(`VSIX: ${vsixMB.toFixed(3)} MB (budget < ${budgets.vsixMB} MB)`);
    const over = [addedMs >= budgets.activationMs && 'activation time', addedHeapMB >= budgets.memoryMB && 'memory', vsixMB >= budgets.vsixMB && 'VSIX size'].filter(Boolean);
    console.log(over.length ? `OVER BUDGET: ${over.join(', ')}` : 'within budget');
  },
};
