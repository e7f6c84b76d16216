// One snapshot of "where am I with my eID": middleware, readers, card, holder, certificates, PIN.
// The eID view, the guide checks and the self-test read it; each part that cannot be read says why
// (as the engine's typed error) instead of failing the whole snapshot.
import type { EidEngine } from './engine';
import { EidError } from './errors';
import type { EidCard, EidCertificate, Identity, Reader } from './model';

export interface EidProblem {
  code: EidError['code'] | 'unexpected';
  error: Error;
}

export interface EidStatus {
  middleware: { path: string; description: string } | EidProblem;
  readers: Reader[];
  card?: EidCard | EidProblem;
  identity?: Pick<Identity, 'surname' | 'firstNames' | 'nationalNumber' | 'nationalNumberValid'>;
  certificates: Omit<EidCertificate, 'der'>[];
}

export const isProblem = (value: unknown): value is EidProblem => typeof value === 'object' && value !== null && 'error' in value;

const problem = (error: unknown): EidProblem => ({ code: error instanceof EidError ? error.code : 'unexpected', error: error as Error });

async function attempt<T>(read: () => Promise<T>): Promise<T | EidProblem> {
  try {
    return await read();
  } catch (error) {
    return problem(error);
  }
}

export async function readEidStatus(engine: EidEngine, now: Date = new Date()): Promise<EidStatus> {
  const middleware = await attempt(() => engine.middleware());
  if (isProblem(middleware)) return { middleware, readers: [], certificates: [] };
  const readers = await engine.readers().catch(() => [] as Reader[]);
  if (!readers.some((reader) => reader.cardPresent)) {
    return { middleware, readers, certificates: [] };
  }
  const card = await attempt(() => engine.card());
  if (isProblem(card)) return { middleware, readers, card, certificates: [] };
  const [identity, certificates] = await Promise.all([
    engine.identity().then(
      ({ surname, firstNames, nationalNumber, nationalNumberValid }) => ({ surname, firstNames, nationalNumber, nationalNumberValid }),
      () => undefined,
    ),
    engine.certificates(now).then(
      (all) => all.map(({ der: _der, ...rest }) => rest),
      () => [],
    ),
  ]);
  return { middleware, readers, card, ...(identity ? { identity } : {}), certificates };
}
