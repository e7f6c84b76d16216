// A small pool of worker threads owned by the keystore engine: key derivation never runs on the
// caller's thread (the VS Code extension host), and independent derivations (MAC key, certificate
// bag key and IV, each key bag) run in parallel, one per worker. Workers are started once, kept
// warm, replaced when one dies, and unref'd while idle so they never keep a process alive.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { startWorker, WorkerChannel } from '../platform/workerRpc';
import type { KdfJob } from './pkcs12/kdf';

interface Queued {
  job: KdfJob;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

const entry = { bundled: 'kdfWorker.js', source: path.join(__dirname, 'pkcs12', 'kdfWorker.ts') };

class Slot {
  readonly channel: WorkerChannel<KdfJob, Uint8Array, string>;

  constructor(pool: KdfPool) {
    this.channel = new WorkerChannel(startWorker(entry), {
      failed: (message) => new Error(message),
      stopped: (_job, reason) => new Error(`key derivation worker stopped (${reason})`),
      exited: () => pool.replace(this),
    });
  }
}

export class KdfPool {
  private slots: Slot[] = [];
  private queue: Queued[] = [];
  private closed = false;

  /**
   * @param options.idle called when a worker has finished a job and nothing is queued: for a caller
   * that hands the pool only as many jobs as it has room for (CallingThreadDeriver).
   * @param options.jobsPerWorker jobs sent to a worker before it answers (default 1: the others wait
   * here for the first free worker); 2 keeps a worker busy while its caller's thread cannot answer.
   */
  constructor(
    readonly size: number = Math.max(1, Math.min(4, availableParallelism())),
    private readonly options: { idle?: () => void; jobsPerWorker?: number } = {},
  ) {
    for (let i = 0; i < size; i++) this.slots.push(new Slot(this));
  }

  private room(slot: Slot): number {
    return (this.options.jobsPerWorker ?? 1) - slot.channel.waiting;
  }

  /** Jobs the workers (started or still starting) can take without queueing. */
  get free(): number {
    return this.slots.reduce((sum, slot) => sum + Math.max(0, this.room(slot)), 0);
  }

  derive(job: KdfJob): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('key derivation pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      const slot = this.slots.find((candidate) => this.room(candidate) > 0);
      if (slot) this.run(slot);
    });
  }

  /** Hands `slot` the next queued job, and the one after when one is done. */
  private run(slot: Slot): void {
    const queued = this.queue.shift();
    if (!queued) {
      this.options.idle?.();
      return;
    }
    const done = () => {
      if (this.slots.includes(slot)) this.run(slot);
    };
    slot.channel.request(queued.job).then(
      (bytes) => {
        queued.resolve(bytes);
        done();
      },
      (error: Error) => {
        queued.reject(error);
        done();
      },
    );
  }

  /** Called when a worker died: start a fresh one in its place so the pool keeps its size. */
  replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    const fresh = new Slot(this);
    this.slots[index] = fresh;
    this.run(fresh);
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    for (const queued of this.queue.splice(0)) queued.reject(new Error('key derivation pool closed'));
    await Promise.all(slots.map((slot) => slot.channel.worker.terminate()));
  }
}

let shared: KdfPool | undefined;

/** The engine's pool, started on first use and kept for the life of the process. */
export function sharedKdfPool(): KdfPool {
  shared ??= new KdfPool();
  return shared;
}
