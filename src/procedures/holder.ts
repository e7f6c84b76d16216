// Whom the certificate is for: the user (SSIN), or an organisation the authority says they manage,
// its identifier checked against the authority's own rules (GetGenericOrganizationTypes) and its
// application id not already in use (GetExistingApplicationIds).
import { formatHolder, holderOf, isApplicationId, SSIN_TYPE, type Holder } from '../core/holder';
import { getExistingApplicationIds, getGenericOrganizationTypes } from '../ra/certra';
import type { ActorQualities, CertificateIdentifier, OrganizationType } from '../ra/model';
import type { ProcedureContext } from './context';
import type { EidUser } from './eid';
import { ProcedureError } from './errors';
import type { HolderChoice } from './prompter';

export interface ChosenHolder {
  holder: Holder;
  certificate: CertificateIdentifier;
}

/**
 * The authority's entry for a DN type. Identifier types are the plain DN types (`CBE`); a URN
 * ending in the type is recognised in its list too, but what we send is always the plain type.
 */
const typeMatches = (type: OrganizationType, dnType: string) =>
  type.identifierType === dnType || type.identifierType.toLowerCase().endsWith(`:${dnType.toLowerCase()}`);

export async function chosenHolder(context: ProcedureContext, qualities: ActorQualities, user: EidUser, choice: HolderChoice): Promise<ChosenHolder> {
  if (choice.kind === 'self') {
    const holder = holderOf(SSIN_TYPE, user.ssin);
    if (!qualities.naturalPerson) throw new ProcedureError('not-authorized', { holder: formatHolder(holder) });
    return { holder, certificate: { actor: user.actor } };
  }
  const label = formatHolder({ type: choice.type, id: choice.id });
  const types = await context.client.call(getGenericOrganizationTypes, undefined);
  const type = types.find((candidate) => typeMatches(candidate, choice.type));
  if (!type) throw new ProcedureError('invalid-holder', { holder: label });
  if (type.validationRegEx && !new RegExp(type.validationRegEx).test(choice.id)) throw new ProcedureError('invalid-holder', { holder: label });
  if (choice.applicationId !== undefined && !isApplicationId(choice.applicationId)) throw new ProcedureError('invalid-holder', { holder: formatHolder(choice) });
  const organization = qualities.organizations.find(({ identifier }) => identifier.value === choice.id && (identifier.type === choice.type || identifier.type === type.identifierType));
  if (!organization) throw new ProcedureError('not-authorized', { holder: label });
  const identifier = { type: choice.type, value: choice.id };
  const inUse = await context.client.call(getExistingApplicationIds, { organization: identifier });
  if (inUse.includes(choice.applicationId ?? null)) throw new ProcedureError('application-id-in-use', { holder: label, applicationId: choice.applicationId ?? '-' });
  const name = (organization.names.find((text) => text.lang === 'fr') ?? organization.names[0])?.value ?? label;
  const holder = holderOf(choice.type, choice.id, choice.applicationId);
  return {
    holder,
    certificate: { actor: { ids: [identifier], firstNames: [], name }, ...(holder.applicationId !== undefined ? { applicationId: holder.applicationId } : {}) },
  };
}
