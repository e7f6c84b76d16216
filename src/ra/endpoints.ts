// Where each service lives: eHealth production and acceptance, or a base URL (the local sandbox,
// serving the same paths on 127.0.0.1).
import type { EhealthEnvironment } from '../core/environment';
import { SERVICE_PATHS, type Service } from '../protocol/services';

export { SERVICE_PATHS };

const BASE_URLS: Record<EhealthEnvironment, string> = {
  production: 'https://services.ehealth.fgov.be',
  acceptance: 'https://services-acpt.ehealth.fgov.be',
};

export type Endpoints = Record<Service, URL>;

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Endpoints of an environment, or under `baseUrl`; plain http only for a loopback sandbox. */
export function endpoints(target: EhealthEnvironment | { baseUrl: string }): Endpoints {
  const base = new URL(typeof target === 'string' ? BASE_URLS[target] : target.baseUrl);
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && LOOPBACK.has(base.hostname))) {
    throw new Error(`Registration endpoints must use https (plain http only on the loopback interface): ${base.href}`);
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  const at = (service: Service) => new URL(`${prefix}${SERVICE_PATHS[service]}`, base);
  return { certra: at('certra'), etkra: at('etkra'), etkdepot: at('etkdepot') };
}
