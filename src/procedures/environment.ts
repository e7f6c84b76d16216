// The environment a procedure runs in (the local sandbox by default, eHealth's acceptance or
// production): where its services are, how its keystores are named. Production actions need the
// user's explicit confirmation.
import type { Environment } from '../core/environment';
import type { KeystoreEnvironment } from '../keystore/model';
import { endpoints, type Endpoints } from '../ra/endpoints';
import { ProcedureError } from './errors';
import type { ProcedureName, Prompter } from './prompter';

/** eHealth's endpoints, or those of a sandbox (or any authority) at `baseUrl`. */
export function environmentEndpoints(environment: Environment, baseUrl?: string): Endpoints {
  if (baseUrl !== undefined) return endpoints({ baseUrl });
  if (environment === 'sandbox') throw new RangeError('The sandbox environment needs the address of a running sandbox.');
  return endpoints(environment);
}

/** eHealth's file suffix: `.p12` in production only; acceptance and the sandbox use `.acc-p12`. */
export const keystoreSuffix = (environment: Environment) => (environment === 'production' ? '.p12' : '.acc-p12');

/** The environment a keystore file's name tells for this environment's keystores: the sandbox names them as acceptance does. */
export const keystoreEnvironment = (environment: Environment): KeystoreEnvironment => (environment === 'production' ? 'production' : 'acceptance');

export async function confirmIfProduction(environment: Environment, prompter: Prompter, action: ProcedureName): Promise<void> {
  if (environment === 'production' && !(await prompter.confirmProduction(action))) throw new ProcedureError('production-not-confirmed', { action });
}
