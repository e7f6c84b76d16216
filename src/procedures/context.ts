// What every procedure works with, and the one function that makes it: the environment, a
// registration client pointed at it, the user's Prompter, the eID (when the procedure signs with
// it), how keystores are written and how long a delivery is waited for. Both faces (CLI, VS Code)
// and the tests build it here, so what they may differ in is a parameter and the rest is decided
// once: the client, the delivery polling, the sandbox's trust in the eID used.
import { X509Certificate } from 'node:crypto';
import type { EidEngine, Prompter as EidPrompter } from '../eid';
import type { Environment } from '../core/environment';
import { RaClient } from '../ra/client';
import type { Tracer } from '../ra/trace';
import { environmentEndpoints } from './environment';
import type { KeystoreWriting } from './keystoreFile';
import type { ProcedureName, Prompter } from './prompter';

export interface EidAccess {
  engine: EidEngine;
  /** The eID engine asks the PIN itself, through this. */
  prompter: EidPrompter;
}

/** How often GetCertificate is asked before "not yet delivered, try again later". */
export interface Polling {
  attempts: number;
  intervalMs: number;
}

/**
 * A short wait: the sandbox and eHealth's automatic validation deliver within seconds; a manual
 * validation takes days, and the user (or the script) comes back later.
 */
export const DELIVERY_POLLING: Polling = { attempts: 3, intervalMs: 3000 };

/** The procedures that ask the registration authority (a password change is local to the keystore). */
export type AuthorityProcedure = Exclude<ProcedureName, 'change-password'>;

/** Those that sign with the eID (and so need it in their context: `ContextOptions.eid`). */
export const SIGNS_WITH_EID: Readonly<Record<AuthorityProcedure, boolean>> = { request: true, complete: false, renew: true, activate: false, revoke: true, status: false, list: true };

/** A sandbox authority the face runs: in the command's process, or the extension's. */
export interface SandboxHost {
  /** Starts it unless it runs, makes it trust `eidRoots` (PEM) too, and answers its address. */
  open(eidRoots: readonly string[]): Promise<string>;
}

/** Only `procedureContext` makes one: a face cannot build its own with another policy. */
declare const madeHere: unique symbol;

export interface ProcedureContext {
  readonly [madeHere]: true;
  environment: Environment;
  /**
   * The authority's address when not the environment's own (a sandbox run apart, a proxy): the
   * environment then names the keystore files only, and a keystore's issuer is not held against it.
   */
  raUrl?: string;
  client: RaClient;
  prompter: Prompter;
  /** Needed by request, renew and revoke. */
  eid?: EidAccess;
  keystore?: KeystoreWriting;
  delivery: Polling;
  now?: () => Date;
  /** Ends the waits a user may cut short (polling for a delivery) with "cancelled", files untouched. */
  signal?: AbortSignal;
}

export interface ContextOptions {
  environment: Environment;
  /** An authority at this address instead of the environment's (a sandbox run apart, a proxy). */
  raUrl?: string;
  /** Where the sandbox runs, for the sandbox environment without `raUrl`. */
  sandbox?: SandboxHost;
  prompter: Prompter;
  /** Only for the procedures that sign with the eID: its card is read to be trusted by a sandbox. */
  eid?: EidAccess;
  keystore?: KeystoreWriting;
  trace?: Tracer;
  signal?: AbortSignal;
  /** Tests: a shorter wait for an authority that does not answer. */
  timeoutMs?: number;
  /** A longer wait for a delivery than DELIVERY_POLLING (`ehealth cert complete --wait`). */
  delivery?: Polling;
}

/** The PEM of the card's root: a sandbox trusts the eID it is used with, as eHealth trusts the Belgian eID roots. */
async function cardRoots(eid: EidAccess | undefined): Promise<string[]> {
  if (!eid) return [];
  const root = (await eid.engine.certificates()).find((certificate) => certificate.role === 'root');
  return root ? [new X509Certificate(root.der).toString()] : [];
}

/** Where the authority is, for a procedure or for a question outside one (the ETK depot answers anyone). */
export type AuthorityOptions = Pick<ContextOptions, 'environment' | 'raUrl' | 'sandbox' | 'eid' | 'trace' | 'timeoutMs'>;

/** The one way to a registration client: `raUrl`, else the sandbox started (sandbox environment), else eHealth's endpoints. */
export async function authorityClient(options: AuthorityOptions): Promise<RaClient> {
  const { environment, raUrl, sandbox, eid, trace, timeoutMs } = options;
  const baseUrl = raUrl ?? (environment === 'sandbox' && sandbox ? await sandbox.open(await cardRoots(eid)) : undefined);
  return new RaClient({ endpoints: environmentEndpoints(environment, baseUrl), ...(trace ? { trace } : {}), ...(timeoutMs ? { timeoutMs } : {}) });
}

export async function procedureContext(options: ContextOptions): Promise<ProcedureContext> {
  const { environment, raUrl, prompter, eid, keystore, signal, delivery } = options;
  const client = await authorityClient(options);
  const context: Omit<ProcedureContext, typeof madeHere> = {
    environment,
    ...(raUrl !== undefined ? { raUrl } : {}),
    client,
    prompter,
    delivery: delivery ?? DELIVERY_POLLING,
    ...(eid ? { eid } : {}),
    ...(keystore ? { keystore } : {}),
    ...(signal ? { signal } : {}),
  };
  return context as ProcedureContext;
}
