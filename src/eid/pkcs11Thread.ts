// The caller's side of the PKCS#11 worker (pkcs11Worker.ts): the engine sends each PKCS#11
// operation there and awaits the answer, so the extension host never waits on the card, the
// reader's pinpad or the middleware. One worker per module, started on first use, started again
// after it dies, and unref'd while idle so it never keeps a process alive (src/platform/workerRpc.ts
// carries the requests; the module's life, its restart and its failures are the engine's).
import * as path from 'node:path';
import { startWorker, WorkerChannel } from '../platform/workerRpc';
import { Pkcs11Failure, withBuffers, type Operation, type OperationResult, type Pkcs11Operations, type Pkcs11Request, type Pkcs11FailureData } from './pkcs11Protocol';

type Channel = WorkerChannel<Pkcs11Request, unknown, Pkcs11FailureData>;

/** A worker for `modulePath`, whose stop makes every unanswered operation fail as a NATIVE failure. */
function startChannel(modulePath: string, exited: (stopped: Channel) => void): Channel {
  const worker = startWorker({ bundled: 'pkcs11Worker.js', source: path.join(__dirname, 'pkcs11Worker.ts') }, { workerData: { modulePath } });
  const channel: Channel = new WorkerChannel(worker, {
    failed: ({ ckr, method, message }) => new Pkcs11Failure(ckr, method, message),
    stopped: ({ operation }, reason) => new Pkcs11Failure('NATIVE', operation, `PKCS#11 worker stopped (${reason})`),
    exited: () => exited(channel),
  });
  return channel;
}

/** A PKCS#11 module as the caller's thread sees it: operations to await, failures as Pkcs11Failure. */
export class Pkcs11Thread {
  private static readonly threads = new Map<string, Pkcs11Thread>();
  private running?: Channel;
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
    this.running ??= startChannel(this.modulePath, (stopped) => {
      if (this.running === stopped) this.running = undefined;
    });
    return withBuffers(await this.running.request({ operation, args })) as OperationResult<O>;
  }

  /** Finalises and unloads the module, and ends its worker; the next call starts afresh. */
  close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) this.stopping = stop(running);
    return this.stopping;
  }
}

/** Finalises the module (a module that never loaded has nothing to finalise), then ends the thread. */
async function stop(channel: Channel): Promise<void> {
  await channel.request({ operation: 'close', args: [] }).catch(() => undefined);
  await channel.worker.terminate();
}
