// What every procedure works with: the environment, a registration client pointed at it, the
// user's Prompter, the eID (when the procedure signs with it) and how keystores are written.
import type { EidEngine, Prompter as EidPrompter } from '../eid';
import type { Environment } from '../core/environment';
import type { RaClient } from '../ra/client';
import type { KeystoreWriting } from './keystoreFile';
import type { Prompter } from './prompter';

export interface EidAccess {
  engine: EidEngine;
  /** The eID engine asks the PIN itself, through this. */
  prompter: EidPrompter;
}

export interface ProcedureContext {
  environment: Environment;
  client: RaClient;
  prompter: Prompter;
  /** Needed by request, renew and revoke. */
  eid?: EidAccess;
  keystore?: KeystoreWriting;
  now?: () => Date;
  /** Ends the waits a user may cut short (polling for a delivery) with "cancelled", files untouched. */
  signal?: AbortSignal;
}
