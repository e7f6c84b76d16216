// Requests and answers over a worker thread, for the engines that work off the caller's thread
// (the keystore's key derivations, the eID's PKCS#11 calls): numbered requests, answers matched to
// them, failures sent back as plain data and rebuilt by the engine, every unanswered request
// failed when the worker stops. What a request means, how workers are pooled or restarted, and how
// a failure reads stay in each engine.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parentPort, Worker, type TransferListItem, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker's code: `bundled` beside the bundle (scripts/build.mjs builds it), or, when running from
 * src/ under tsx (tests, benchmarks), the TypeScript `source` behind tsx's require hook, which
 * workers do not inherit.
 */
export interface WorkerEntry {
  bundled: string;
  source: string;
}

export function startWorker(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  const bundled = path.join(__dirname, entry.bundled);
  if (existsSync(bundled)) return new Worker(bundled, options);
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry.source)});`, { ...options, eval: true });
}

interface Message<Request> {
  id: number;
  request: Request;
}

type Answer<Result, Failure> = { id: number; result: Result } | { id: number; failure: Failure };

interface Pending<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

export interface ChannelOptions<Request, Failure> {
  /** The error the caller gets for a failure the worker sent back. */
  failed(failure: Failure, request: Request): Error;
  /** The error for a request still unanswered when the worker stops (crashed, or terminated). */
  stopped(request: Request, reason: string): Error;
  /** The worker has stopped; called before its unanswered requests are failed. */
  exited?(): void;
}

/**
 * The caller's side of one worker thread. The thread is unref'd while idle, so it never keeps a
 * process alive, and ref'd while a request waits, so a CLI awaiting an answer does not exit.
 */
export class WorkerChannel<Request, Result, Failure> {
  private readonly pending = new Map<number, Pending<Request, Result>>();
  private nextId = 1;

  constructor(
    readonly worker: Worker,
    private readonly options: ChannelOptions<Request, Failure>,
  ) {
    let crash: Error | undefined;
    worker.on('message', (answer: Answer<Result, Failure>) => this.settle(answer));
    worker.on('error', (error) => (crash = error));
    worker.on('exit', (code) => {
      options.exited?.();
      const reason = crash?.message ?? `exit code ${code}`;
      for (const { request, reject } of this.pending.values()) reject(options.stopped(request, reason));
      this.pending.clear();
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
  }

  /** Requests sent and not answered yet. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Sends `request`; `transfer` moves buffers to the worker instead of copying them. */
  request(request: Request, transfer?: readonly TransferListItem[]): Promise<Result> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { request, resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, request } satisfies Message<Request>, transfer);
    });
  }

  private settle(answer: Answer<Result, Failure>): void {
    const pending = this.pending.get(answer.id);
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.worker.unref();
    if (!pending) return;
    if ('failure' in answer) pending.reject(this.options.failed(answer.failure, pending.request));
    else pending.resolve(answer.result);
  }
}

export interface Service<Request, Result, Failure> {
  /** Runs one request; requests are handled as they come, an asynchronous one lets the next through. */
  handle(request: Request): Result | Promise<Result>;
  /** A thrown error as data that crosses to the caller (never the request: it may hold a secret). */
  failure(error: unknown, request: Request): Failure;
  /** Buffers of a result to move to the caller instead of copying them. */
  transfer?(result: Result): TransferListItem[];
}

/** The worker's side: answers every request from the caller's thread with `service`. */
export function serveRequests<Request, Result, Failure>(service: Service<Request, Result, Failure>): void {
  const port = parentPort;
  if (!port) return;
  const answer = (id: number, result: Result) => port.postMessage({ id, result } satisfies Answer<Result, Failure>, service.transfer?.(result));
  const fail = (id: number, error: unknown, request: Request) => port.postMessage({ id, failure: service.failure(error, request) } satisfies Answer<Result, Failure>);
  port.on('message', ({ id, request }: Message<Request>) => {
    try {
      const result = service.handle(request);
      // A synchronous answer goes at once, without a turn of the event loop.
      if (result instanceof Promise) result.then((value) => answer(id, value), (error: unknown) => fail(id, error, request));
      else answer(id, result);
    } catch (error) {
      fail(id, error, request);
    }
  });
}
