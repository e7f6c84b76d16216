// How the sandbox misbehaves on purpose, like the real service does on a bad day, so that clients
// and demos can meet the failures users meet. Set at start (options, CLI flags) or while running
// (POST /sandbox/behaviour).

export type Failure = { http: number } | { soapFault: string };

export interface Behaviour {
  /** GetCertificate answers CERT_NOT_YET_DELIVERED this many times for each new request. */
  pendingPolls: number;
  /** A new request waits for "manual validation" this long before it can be delivered. */
  manualValidationMs: number;
  /** New requests are refused by the (imaginary) validator. */
  refuse: boolean;
  /** Every registration call fails this way. */
  failWith?: Failure;
  /** Every answer is delayed this long. */
  delayMs: number;
  /** CompleteETKRegistration answers without ETK and ToBeActivated (both optional in the XSD). */
  bareEtkAnswer: boolean;
  /** Contracts carry HTML that attacks the client showing them (hostileContract.ts). */
  hostileContract: boolean;
}

export const DEFAULT_BEHAVIOUR: Behaviour = { pendingPolls: 0, manualValidationMs: 0, refuse: false, delayMs: 0, bareEtkAnswer: false, hostileContract: false };

const count = (value: unknown, name: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number >= 0.`);
  return value;
};

function failure(value: unknown): Failure | undefined {
  if (value === undefined || value === null) return undefined;
  const candidate = value as Partial<{ http: unknown; soapFault: unknown }>;
  if (typeof candidate.http === 'number' && Number.isInteger(candidate.http) && candidate.http >= 400 && candidate.http <= 599) return { http: candidate.http };
  if (typeof candidate.soapFault === 'string' && candidate.soapFault) return { soapFault: candidate.soapFault };
  throw new Error('failWith must be {"http": 400..599} or {"soapFault": "reason"}.');
}

/** `base` updated with the fields of `change` (from JSON), each checked; unknown fields refused. */
export function changeBehaviour(base: Behaviour, change: unknown): Behaviour {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) throw new Error('The behaviour must be a JSON object.');
  const fields = change as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((name) => !['pendingPolls', 'manualValidationMs', 'refuse', 'failWith', 'delayMs', 'bareEtkAnswer', 'hostileContract'].includes(name));
  if (unknown.length) throw new Error(`Unknown behaviour field(s): ${unknown.join(', ')}.`);
  const next: Behaviour = { ...base };
  if ('pendingPolls' in fields) next.pendingPolls = count(fields.pendingPolls, 'pendingPolls');
  if ('manualValidationMs' in fields) next.manualValidationMs = count(fields.manualValidationMs, 'manualValidationMs');
  if ('delayMs' in fields) next.delayMs = count(fields.delayMs, 'delayMs');
  for (const flag of ['refuse', 'bareEtkAnswer', 'hostileContract'] as const) {
    if (!(flag in fields)) continue;
    if (typeof fields[flag] !== 'boolean') throw new Error(`${flag} must be true or false.`);
    next[flag] = fields[flag];
  }
  if ('failWith' in fields) next.failWith = failure(fields.failWith);
  return next;
}
