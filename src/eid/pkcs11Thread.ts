// The caller's side of the PKCS#11 worker (pkcs11Worker.ts): the engine sends each PKCS#11
// operation there and awaits the answer, so the extension host never waits on the card, the
// reader's pinpad or the middleware. One worker per module, started on first use, started again
// after it dies, and unref'd while idle so it never keeps a process alive.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Pkcs11Failure, withBuffers, type Operation, type OperationResult, type Pkcs11Operations, type Pkcs11Request, type Pkcs11Response } from './pkcs11Protocol';

interface Pending {
  operation: Operation;
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

/**
 * The worker: `pkcs11Worker.js` beside the bundle (scripts/build.mjs builds it), or, when running
 * from src/ under tsx (tests), the TypeScript source behind tsx's require hook, which workers do
 * not inherit.
 */
function startWorker(modulePath: string): Worker {
  const options = { workerData: { modulePath } };
  const bundled = path.join(__dirname, 'pkcs11Worker.js');
  if (existsSync(bundled)) return new Worker(bundled, options);
  const source = path.join(__dirname, 'pkcs11Worker.ts');
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

/** One worker thread and the requests it has not answered yet. */
class RunningWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(modulePath: string, onExit: (stopped: RunningWorker) => void) {
    this.worker = startWorker(modulePath);
    let crash: Error | undefined;
    this.worker.on('message', (response: Pkcs11Response) => this.settle(response));
    this.worker.on('error', (error) => (crash = error));
    this.worker.on('exit', (code) => {
      onExit(this);
      const reason = crash?.message ?? `exit code ${code}`;
      for (const { operation, reject } of this.pending.values()) reject(new Pkcs11Failure('NATIVE', operation, `PKCS#11 worker stopped (${reason})`));
      this.pending.clear();
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    this.worker.unref();
  }

  call<O extends Operation>(operation: O, args: Parameters<Pkcs11Operations[O]>): Promise<OperationResult<O>> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { operation, resolve, reject });
      // Busy: an operation in progress (a CLI signing, say) keeps the process alive until answered.
      this.worker.ref();
      this.worker.postMessage({ id, operation, args } satisfies Pkcs11Request<O>);
    });
  }

  /** Finalises the module (a module that never loaded has nothing to finalise), then ends the thread. */
  async stop(): Promise<void> {
    await this.call('close', []).catch(() => undefined);
    await this.worker.terminate();
  }

  private settle(response: Pkcs11Response): void {
    const pending = this.pending.get(response.id);
    this.pending.delete(response.id);
    if (this.pending.size === 0) this.worker.unref();
    if (!pending) return;
    if ('failure' in response) {
      const { ckr, method, message } = response.failure;
      pending.reject(new Pkcs11Failure(ckr, method, message));
    } else {
      pending.resolve(withBuffers(response.result) as never);
    }
  }
}

/** A PKCS#11 module as the caller's thread sees it: operations to await, failures as Pkcs11Failure. */
export class Pkcs11Thread {
  private static readonly threads = new Map<string, Pkcs11Thread>();
  private running?: RunningWorker;
  private stopping: Promise<void> = Promise.resolve();

  private constructor(readonly modulePath: string) {}

  /** The module's thread, shared in this process as the module itself is (initialised once per process). */
  static for(modulePath: string): Pkcs11Thread {
    let thread = Pkcs11Thread.threads.get(modulePath);
    if (!thread) Pkcs11Thread.threads.set(modulePath, (thread = new Pkcs11Thread(modulePath)));
    return thread;
  }

  async call<O extends Operation>(operation: O, ...args: Parameters<Pkcs11Operations[O]>): Promise<OperationResult<O>> {
    // A new worker must not initialise the module while the previous one is still finalising it.
    await this.stopping;
    this.running ??= new RunningWorker(this.modulePath, (stopped) => {
      if (this.running === stopped) this.running = undefined;
    });
    return this.running.call(operation, args);
  }

  /** Finalises and unloads the module, and ends its worker; the next call starts afresh. */
  close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) this.stopping = running.stop();
    return this.stopping;
  }
}
