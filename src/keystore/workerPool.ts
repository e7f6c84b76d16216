// A small pool of worker threads owned by the keystore engine: key derivation never runs on the
// caller's thread (the VS Code extension host), and independent derivations (MAC key, certificate
// bag key and IV, each key bag) run in parallel. Workers are started once, kept warm, and unref'd
// while idle so they never keep a process alive.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KdfJob } from './pkcs12/kdf';
import type { KdfRequest, KdfResponse } from './pkcs12/kdfWorker';

interface Pending {
  request: KdfRequest;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * The worker: `dist/kdfWorker.js` beside the bundle (scripts/build.mjs builds it), or, when running
 * from src/ under tsx (tests, benchmarks), the TypeScript source behind tsx's require hook, which
 * workers do not inherit.
 */
function startWorker(): Worker {
  const bundled = path.join(__dirname, 'kdfWorker.js');
  if (existsSync(bundled)) return new Worker(bundled);
  const source = path.join(__dirname, 'pkcs12', 'kdfWorker.ts');
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true });
}

class Slot {
  readonly worker: Worker;
  current?: Pending;

  constructor(private readonly pool: KdfPool) {
    this.worker = startWorker();
    this.worker.on('message', (response: KdfResponse) => this.settle(response));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('key derivation worker stopped')));
    // After the listeners: adding a 'message' listener refs the worker's port again.
    this.worker.unref();
  }

  run(pending: Pending): void {
    this.current = pending;
    this.worker.ref();
    this.worker.postMessage(pending.request);
  }

  private settle(response: KdfResponse): void {
    const pending = this.current;
    this.current = undefined;
    this.worker.unref();
    if (pending) {
      if ('error' in response) pending.reject(new Error(response.error));
      else pending.resolve(response.result);
    }
    this.pool.next(this);
  }

  private fail(error: Error): void {
    this.current?.reject(error);
    this.current = undefined;
    this.pool.replace(this);
  }
}

export class KdfPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number = Math.max(1, Math.min(4, availableParallelism()))) {
    for (let i = 0; i < size; i++) this.slots.push(new Slot(this));
  }

  derive(job: KdfJob): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('key derivation pool closed'));
    return new Promise((resolve, reject) => {
      const pending = { request: { id: this.nextId++, job }, resolve, reject };
      const idle = this.slots.find((slot) => !slot.current);
      if (idle) idle.run(pending);
      else this.queue.push(pending);
    });
  }

  /** Called by a slot that finished: hand it the next queued job. */
  next(slot: Slot): void {
    const pending = this.queue.shift();
    if (pending) slot.run(pending);
  }

  /** Called when a worker died: start a fresh one in its place so the pool keeps its size. */
  replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    const fresh = new Slot(this);
    this.slots[index] = fresh;
    this.next(fresh);
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    for (const pending of this.queue.splice(0)) pending.reject(new Error('key derivation pool closed'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}

let shared: KdfPool | undefined;

/** The engine's pool, started on first use and kept for the life of the process. */
export function sharedKdfPool(): KdfPool {
  shared ??= new KdfPool();
  return shared;
}
