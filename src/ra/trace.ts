// `--trace DIR`: every exchange with the authority written down, for eHealth support and for
// integrators comparing with eHealth's examples. Each run gets a folder of its own inside DIR
// (`20261202-101530-4711`, never an earlier run's); in it, per exchange, the request envelope, a JSON
// saying where and how it was sent and how it ended, and the answer envelope:
//   001-GetActorQualities-request.xml  001-GetActorQualities-request.json  001-GetActorQualities-response.xml
// Every file is created new (an existing file or a symbolic link at its name is refused, never
// followed), readable by the user only, and synced (the trace of a run cut short by a crash is the
// one to keep). Envelopes hold certificates and contact data, never a key or a password; the JSON
// holds no secret either (user information in the URL is left out).
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stamp } from '../core/stamp';
import { writeDurably } from '../platform/durableFile';
import { RaError } from './errors';
import type { SoapTrace } from './soap';

/** What the registration client traces through: one SoapTrace per exchange, in order. */
export interface Tracer {
  exchange(operation: string): SoapTrace;
}

/** A Tracer that writes a run's exchanges into its own folder. */
export interface FolderTracer extends Tracer {
  /** This run's folder, inside the folder the user named. */
  readonly folder: string;
  /** Files that could not be written after their exchange (the exchange itself went on). */
  readonly problems: readonly TraceProblem[];
}

export interface TraceProblem {
  file: string;
  reason: string;
}

/** What `NNN-Operation-request.json` holds. */
export interface TracedExchange {
  operation: string;
  method: 'POST';
  /** Without user information, should the address carry any. */
  url: string;
  /** The SOAPAction header exactly as sent, quotes included (`""` for GetEtk). */
  soapAction: string;
  contentType: string;
  request: string;
  requestBytes: number;
  requestSha256: string;
  /** The answer's file, when an answer was read. */
  response: string | null;
  /** The HTTP status of the answer; null when none came (refused connection, timeout...). */
  httpStatus: number | null;
  /** How the exchange failed, when it did: the client's error code and, for transport errors, the system's (ECONNREFUSED...). */
  error: { code: string; reason?: string } | null;
  sentAt: string;
  endedAt: string;
  durationMs: number;
}

/** A trace file or folder could not be created: nothing was sent. */
export class TraceRefused extends RaError<'trace-refused'> {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super('trace-refused', `Cannot create the trace file ${file}: ${reason}. Nothing was sent.`, { file, reason });
  }
}

const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;
const MAX_RUN_FOLDERS = 1000;

/**
 * Creates this run's folder in `parent` (created if missing): `yyyyMMdd-HHmmss-PID`, then `-2`,
 * `-3`... when the name is taken (an earlier run in the same second, or anything planted there: a
 * non-recursive mkdir never goes through a link).
 */
function createRunFolder(parent: string, now: Date, id: string): string {
  try {
    mkdirSync(parent, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new TraceRefused(parent, reasonOf(error));
  }
  const base = join(parent, `${stamp(now)}-${id}`);
  for (let attempt = 1; attempt <= MAX_RUN_FOLDERS; attempt++) {
    const folder = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      mkdirSync(folder, { mode: 0o700 });
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new TraceRefused(folder, reasonOf(error));
    }
  }
  throw new TraceRefused(base, 'EEXIST');
}

function withoutUserInformation(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/** A tracer writing this run's exchanges into a new folder inside `parent`; the folder exists on return. */
export function folderTracer(parent: string, options: { now?: () => Date; id?: string } = {}): FolderTracer {
  const now = options.now ?? (() => new Date());
  const folder = createRunFolder(parent, now(), options.id ?? String(process.pid));
  const problems: TraceProblem[] = [];
  let count = 0;
  return {
    folder,
    problems,
    exchange(operation) {
      count += 1;
      const prefix = `${String(count).padStart(3, '0')}-${operation.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const names = { request: `${prefix}-request.xml`, json: `${prefix}-request.json`, response: `${prefix}-response.xml` };
      let sent: Pick<TracedExchange, 'url' | 'soapAction' | 'contentType' | 'requestBytes' | 'requestSha256'> & { at: Date } | undefined;
      const keep = async (name: string, content: string) => {
        try {
          await writeDurably(join(folder, name), content);
          return true;
        } catch (error) {
          problems.push({ file: join(folder, name), reason: reasonOf(error) });
          return false;
        }
      };
      return {
        async sending({ url, headers, envelope }) {
          try {
            await writeDurably(join(folder, names.request), envelope);
          } catch (error) {
            throw new TraceRefused(join(folder, names.request), reasonOf(error));
          }
          sent = {
            url: withoutUserInformation(url),
            soapAction: headers.SOAPAction ?? '',
            contentType: headers['Content-Type'] ?? '',
            requestBytes: Buffer.byteLength(envelope, 'utf8'),
            requestSha256: createHash('sha256').update(envelope, 'utf8').digest('hex'),
            at: now(),
          };
        },
        async ended({ status, answer, error }) {
          if (!sent) return;
          const endedAt = now();
          const response = answer !== undefined && (await keep(names.response, answer)) ? names.response : null;
          const reason = error?.params.reason;
          const exchange: TracedExchange = {
            operation,
            method: 'POST',
            url: sent.url,
            soapAction: sent.soapAction,
            contentType: sent.contentType,
            request: names.request,
            requestBytes: sent.requestBytes,
            requestSha256: sent.requestSha256,
            response,
            httpStatus: status ?? null,
            error: error ? { code: error.code, ...(typeof reason === 'string' ? { reason } : {}) } : null,
            sentAt: sent.at.toISOString(),
            endedAt: endedAt.toISOString(),
            durationMs: endedAt.getTime() - sent.at.getTime(),
          };
          await keep(names.json, `${JSON.stringify(exchange, null, 2)}\n`);
        },
      };
    },
  };
}
