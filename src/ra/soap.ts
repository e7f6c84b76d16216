// The one HTTP exchange of a SOAP call: TLS verified (Node's defaults, never disabled), redirects
// refused, body size and total time capped.
import { RaError } from './errors';
import { faultOf } from './envelope';

export interface SoapCallOptions {
  /** Whole exchange, from connecting to the last byte of the answer. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Sees the exchange (for `--trace DIR`, src/ra/trace.ts). */
  trace?: SoapTrace;
}

/** What a trace sees of one exchange: the request as sent, then how it ended. */
export interface SoapTrace {
  /** Before anything leaves the machine; throwing stops the call with that error, nothing sent. */
  sending(request: { url: URL; headers: Readonly<Record<string, string>>; envelope: string }): Promise<void>;
  /** Once the exchange is over: the HTTP status and the answer when they came, the error the call ends with otherwise. Must not throw. */
  ended(outcome: { status?: number; answer?: string; error?: RaError }): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

// Node's codes for a server certificate it does not trust.
const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/;

function transportError(error: unknown, endpoint: URL, timedOut: boolean, timeoutMs: number): RaError {
  if (error instanceof RaError) return error;
  if (timedOut) return new RaError('timeout', `No complete answer from ${endpoint.host} within ${timeoutMs} ms.`, { seconds: Math.ceil(timeoutMs / 1000) });
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  if (cause?.code && TLS_CODES.test(cause.code)) return new RaError('tls', `TLS refused for ${endpoint.host}: ${reason}`, { host: endpoint.host, reason });
  return new RaError('unreachable', `Cannot reach ${endpoint.host}: ${reason}`, { host: endpoint.host, reason });
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new RaError('too-large', `The answer declares ${declared} bytes (limit ${maxBytes}).`, { limit: maxBytes });
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new RaError('too-large', `The answer exceeds ${maxBytes} bytes.`, { limit: maxBytes });
    chunks.push(Buffer.from(chunk));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new RaError('malformed', 'The answer is not UTF-8 text.', { detail: 'UTF-8' });
  }
}

/** Posts `envelope` with its SOAPAction and returns the answer envelope (a fault throws ra/soap-fault). */
export async function soapCall(endpoint: URL, action: string, envelope: string, options: SoapCallOptions = {}): Promise<string> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, trace } = options;
  // SOAP 1.1 quotes the action; an operation without one (GetEtk) is sent as "".
  const headers = { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${action}"`, Accept: 'text/xml' };
  await trace?.sending({ url: endpoint, headers, envelope });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let status: number | undefined;
  let answer: string | undefined;
  let failure: RaError | undefined;
  try {
    const response = await fetch(endpoint, { method: 'POST', headers, body: envelope, redirect: 'manual', signal: controller.signal });
    status = response.status;
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location') ?? '';
      throw new RaError('redirect', `Redirect ${response.status} to ${location} refused.`, { location });
    }
    answer = await readCapped(response, maxBytes);
    if (response.status === 200) return answer;
    // SOAP 1.1 answers faults with HTTP 500; anything else is an HTTP error.
    throw faultOf(answer) ?? new RaError('http', `HTTP ${response.status} from ${endpoint.host}.`, { status: response.status });
  } catch (error) {
    failure = transportError(error, endpoint, timedOut, timeoutMs);
    throw failure;
  } finally {
    clearTimeout(timer);
    await trace?.ended({ status, answer, error: failure });
  }
}
