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

const flag = (value: unknown, name: string): boolean => {
  if (typeof value !== 'boolean') throw new Error(`${name} must be true or false.`);
  return value;
};

/** Each field's check, in the order they are checked: a new field does not compile until it has one. */
const checks: { [K in keyof Behaviour]-?: (value: unknown, name: string) => Behaviour[K] } = {
  pendingPolls: count,
  manualValidationMs: count,
  delayMs: count,
  refuse: flag,
  bareEtkAnswer: flag,
  hostileContract: flag,
  failWith: failure,
};

/** The fields of a behaviour change read from JSON: an object, nothing else. */
export function behaviourFields(change: unknown): Record<string, unknown> {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) throw new Error('The behaviour must be a JSON object.');
  return change as Record<string, unknown>;
}

/** `base` updated with the fields of `change` (from JSON), each checked; unknown fields refused. */
export function changeBehaviour(base: Behaviour, change: unknown): Behaviour {
  const fields = behaviourFields(change);
  const unknown = Object.keys(fields).filter((name) => !Object.hasOwn(checks, name));
  if (unknown.length) throw new Error(`Unknown behaviour field(s): ${unknown.join(', ')}.`);
  const next: Record<string, unknown> = { ...base };
  for (const [name, check] of Object.entries(checks)) if (name in fields) next[name] = check(fields[name], name);
  return next as unknown as Behaviour;
}
