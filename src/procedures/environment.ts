// The three environments a procedure runs in: the local sandbox (default) and eHealth's acceptance
// and production services. Production actions need the user's explicit confirmation.
import { endpoints, type Endpoints } from '../ra/endpoints';
import { ProcedureError } from './errors';
import type { ProcedureName, Prompter } from './prompter';

export const ENVIRONMENTS = ['sandbox', 'acceptance', 'production'] as const;
export type ProcedureEnvironment = (typeof ENVIRONMENTS)[number];

/** eHealth's endpoints, or those of a sandbox (or any authority) at `baseUrl`. */
export function environmentEndpoints(environment: ProcedureEnvironment, baseUrl?: string): Endpoints {
  if (baseUrl !== undefined) return endpoints({ baseUrl });
  if (environment === 'sandbox') throw new RangeError('The sandbox environment needs the address of a running sandbox.');
  return endpoints(environment);
}

/** eHealth's file suffix: `.p12` in production only; acceptance and the sandbox use `.acc-p12`. */
export const keystoreSuffix = (environment: ProcedureEnvironment) => (environment === 'production' ? '.p12' : '.acc-p12');

export async function confirmIfProduction(environment: ProcedureEnvironment, prompter: Prompter, action: ProcedureName): Promise<void> {
  if (environment === 'production' && !(await prompter.confirmProduction(action))) throw new ProcedureError('production-not-confirmed', { action });
}
