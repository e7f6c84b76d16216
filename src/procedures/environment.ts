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

const suffixes: Readonly<Record<Environment, string>> = { production: '.p12', acceptance: '.acc-p12', sandbox: '.sandbox-p12' };

/** eHealth's file suffixes (`.p12`, `.acc-p12`); sandbox keystores end in `.sandbox-p12`, which no medical software takes for a real one. */
export const keystoreSuffix = (environment: Environment) => suffixes[environment];

/** The environments a keystore file's name may tell for this environment's keystores: sandbox keystores made before their own suffix were named as acceptance ones. */
export const keystoreEnvironments = (environment: Environment): readonly KeystoreEnvironment[] => (environment === 'sandbox' ? ['sandbox', 'acceptance'] : [environment]);

export async function confirmIfProduction(environment: Environment, prompter: Prompter, action: ProcedureName): Promise<void> {
  if (environment === 'production' && !(await prompter.confirmProduction(action))) throw new ProcedureError('production-not-confirmed', { action });
}
