// Key derivation for a caller that may block its own thread while it waits, such as a command line
// run (never the VS Code extension host: it keeps the worker pool). A cold process pays about 55 ms
// to start a worker thread and about 30 ms for each thread to optimise the hash loop, while the
// real eHealth keystore needs about 80 ms of hashing in all: so the calling thread derives at once,
// longest jobs first, and helper workers, started with the deriver (while the file is being read),
// take the shortest jobs, so that all finish together. A job a helper could not finish (its thread
// died) is done on the calling thread, which gives the same bytes or the same error.
import { kdfCost, pkcs12Kdf, type Deriver, type KdfJob } from './pkcs12/kdf';
import { KdfPool } from './workerPool';

interface Queued {
  job: KdfJob;
  cost: number;
  /** A helper failed it: this thread's answer (bytes, or the error again) is the one that counts. */
  here?: boolean;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: unknown) => void;
}

export class CallingThreadDeriver implements Deriver {
  /** Waiting jobs, the longest first. */
  private readonly queue: Queued[] = [];
  private working = false;
  private readonly helpers?: KdfPool;

  /** @param helpers worker threads that take part (0: the calling thread alone). */
  constructor(helpers: number) {
    // Two jobs each: a helper that finishes one starts the next while this thread is still busy with its own.
    if (helpers > 0) this.helpers = new KdfPool(helpers, { idle: () => this.feedHelpers(), jobsPerWorker: 2 });
  }

  derive(job: KdfJob): Promise<Uint8Array> {
    return new Promise((resolve, reject) => this.enqueue({ job, cost: kdfCost(job), resolve, reject }));
  }

  /** Stops the helpers (a process that ends need not: idle helpers never keep it alive). */
  async close(): Promise<void> {
    await this.helpers?.close();
  }

  private enqueue(queued: Queued): void {
    const index = this.queue.findIndex((other) => other.cost < queued.cost);
    this.queue.splice(index < 0 ? this.queue.length : index, 0, queued);
    // The next turn of the event loop: the jobs asked for together are sorted before any starts.
    if (!this.working) {
      this.working = true;
      setImmediate(() => this.work());
    }
  }

  /** One job on this thread, then a turn of the event loop (helpers' answers, new jobs) before the next. */
  private work(): void {
    this.feedHelpers();
    const queued = this.queue.shift();
    if (!queued) {
      this.working = false;
      return;
    }
    try {
      queued.resolve(pkcs12Kdf(queued.job));
    } catch (error) {
      queued.reject(error);
    }
    setImmediate(() => this.work());
  }

  private feedHelpers(): void {
    const helpers = this.helpers;
    if (!helpers) return;
    for (let free = helpers.free; free > 0; free--) {
      const index = this.queue.findLastIndex((queued) => !queued.here);
      if (index < 0) return;
      const [queued] = this.queue.splice(index, 1);
      helpers.derive(queued.job).then(queued.resolve, () => this.enqueue({ ...queued, here: true }));
    }
  }
}
