// Organisations a person may request certificates for: eHealth knows them from the CBE and the
// professional registers; the sandbox reads them from `DATA/organizations.json`, e.g.
// [{"type": "CBE", "id": "0123456749", "name": "Cabinet Dupont", "managers": ["79021802145"]}].
import { join } from 'node:path';
import { readTextIfExists } from './store';

export interface ManagedOrganization {
  type: string;
  id: string;
  name: string;
  /** SSINs of the people who may act for it. */
  managers: string[];
}

export function managedOrganizations(dataFolder: string, ssin: string): ManagedOrganization[] {
  const text = readTextIfExists(join(dataFolder, 'organizations.json'));
  const all = text ? (JSON.parse(text) as ManagedOrganization[]) : [];
  return all.filter((organization) => organization.managers.includes(ssin));
}
