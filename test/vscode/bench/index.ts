// Measures, inside a fresh extension host, what activating the extension under development costs:
// wall time of activate() and the host's memory afterwards. The same suite runs against an empty
// extension for the baseline (bench/activation.bench.ts compares the two).
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { reportResult } from '../suite/harnessClient';

const candidates = ['ehealthcerts.ehealth-certificates', 'ehealthcerts.empty-extension'];

export async function run(): Promise<void> {
  const extension = candidates.map((id) => vscode.extensions.getExtension(id)).find(Boolean);
  if (!extension) throw new Error('no extension to measure');
  if (extension.isActive) throw new Error(`${extension.id} was already active: activation cannot be measured`);
  const start = performance.now();
  await extension.activate();
  const activationMs = performance.now() - start;
  // Let work scheduled by activate() settle before reading memory.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const memory = process.memoryUsage();
  await reportResult({ id: extension.id, activationMs, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed });
}
