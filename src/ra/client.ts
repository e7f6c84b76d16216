// The registration client: build (and sign) a request, send it, read the answer into a typed
// result or a typed RaError.
import type { Signer } from '../core/signer';
import type { Endpoints } from './endpoints';
import { buildRequest, parseAnswer, type Operation } from './operation';
import { soapCall } from './soap';
import type { Tracer } from './trace';

export interface RaClientOptions {
  endpoints: Endpoints;
  timeoutMs?: number;
  maxBytes?: number;
  trace?: Tracer;
}

export class RaClient {
  constructor(private readonly options: RaClientOptions) {}

  /** Calls `operation`; `signer` is required when the operation is signed (see `signedWith`). */
  async call<P, R>(operation: Operation<P, R>, params: P, signer?: Signer): Promise<R> {
    const { endpoints, timeoutMs, maxBytes, trace } = this.options;
    const request = await buildRequest(operation, params, signer);
    const answer = await soapCall(endpoints[operation.service], operation.soapAction, request.envelope, {
      timeoutMs,
      maxBytes,
      trace: trace?.exchange(operation.name),
    });
    return parseAnswer(operation, answer);
  }
}
