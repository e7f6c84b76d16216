// Whom the certificate is for: the user (SSIN), an organisation the authority says they manage, or
// one they type by hand (not among their qualities: eHealth then validates the request by hand).
// An organisation's identifier is checked by core's rule for its type and the authority's own
// (GetGenericOrganizationTypes), and its application id must not be in use (GetExistingApplicationIds).
import { formatHolder, holderOf, SSIN_TYPE, type Holder } from '../core/holder';
import { applicationIdProblem, type IdentifierProblem } from '../core/identifier';
import { getExistingApplicationIds, getGenericOrganizationTypes } from '../ra/certra';
import type { Actor, ActorQualities, CertificateIdentifier, Identifier, LocalizedText, OrganizationType } from '../ra/model';
import type { ProcedureContext } from './context';
import type { EidUser } from './eid';
import { ProcedureError } from './errors';
import { dnTypeOf, organizationIdProblem } from './organizationType';
import type { HolderChoice, HolderChoices } from './prompter';

export interface ChosenHolder {
  holder: Holder;
  /** The certificate's actor: its name is the one in the DN (a listed organisation's in French). */
  certificate: CertificateIdentifier;
  /** A listed organisation's names in every language eHealth gives, for the faces to show the user's. */
  names?: LocalizedText[];
}

/**
 * What is wrong with an organisation as chosen or typed: its identifier (core's rule: `unknown-type`
 * is a type core does not know), a type the authority does not list, the authority's regular
 * expression for the type, the application id, the official name (typed).
 */
export type HolderProblem = IdentifierProblem | 'authority-type' | 'authority-pattern' | 'application-id' | 'organization-name' | 'notation';

/** What the user may choose from: themself, the organisations they manage, or one typed by hand of the authority's types. */
export function holderChoices(context: ProcedureContext, qualities: ActorQualities, user: EidUser): HolderChoices {
  // Not asked for a person's request: only an organisation needs the types. Each answer is asked
  // once: the face shows the ids in use, then the procedure refuses a taken one.
  let types: Promise<OrganizationType[]> | undefined;
  const inUse = new Map<string, Promise<(string | null)[]>>();
  return {
    ...(qualities.naturalPerson ? { self: user.ssin } : {}),
    selfName: actorName(user.actor),
    organizations: qualities.organizations,
    organizationTypes: () => (types ??= context.client.call(getGenericOrganizationTypes, undefined)),
    applicationIdsInUse: (organization: Identifier) => {
      const key = `${organization.type}=${organization.value}`;
      const asked = inUse.get(key) ?? context.client.call(getExistingApplicationIds, { organization });
      inUse.set(key, asked);
      return asked;
    },
  };
}

/**
 * The organisation among those eHealth lists for the user, if it is there: the same number, its type
 * written as the DN type or as the authority's identifier type for it (a URN).
 */
export function listedOrganization(organizations: HolderChoices['organizations'], holder: Pick<Holder, 'type' | 'id'>, types: readonly OrganizationType[]) {
  const identifierType = types.find((candidate) => dnTypeOf(candidate) === holder.type)?.identifierType;
  return organizations.find(({ identifier }) => identifier.value === holder.id && (identifier.type === holder.type || identifier.type === identifierType));
}

/** How a person or an organisation is called: first names then name ("Amélie Lefèvre"), an organisation's name alone. */
export const actorName = (actor: Actor) => [...actor.firstNames, actor.name].filter(Boolean).join(' ');

export async function chosenHolder(choices: HolderChoices, user: EidUser, choice: HolderChoice): Promise<ChosenHolder> {
  if (choice.kind === 'self') {
    const holder = holderOf(SSIN_TYPE, user.ssin);
    if (choices.self === undefined) throw new ProcedureError('not-authorized', { holder: formatHolder(holder) });
    return { holder, certificate: { actor: user.actor } };
  }
  const label = formatHolder({ type: choice.type, id: choice.id });
  const refused = (problem: HolderProblem) => new ProcedureError('invalid-holder', { holder: formatHolder(choice), type: choice.type, problem });
  const types = await choices.organizationTypes();
  const type = types.find((candidate) => dnTypeOf(candidate) === choice.type);
  if (!type) throw refused('authority-type');
  const problem = organizationIdProblem(type, choice.id) ?? applicationIdProblem(choice.applicationId);
  if (problem) throw refused(problem);
  const listed = listedOrganization(choices.organizations, choice, types);
  // One typed by hand goes to eHealth's manual validation; one chosen from the list must be there.
  if (!listed && choice.kind === 'organization') throw new ProcedureError('not-authorized', { holder: label });
  const typedName = choice.kind === 'typed-organization' ? choice.name.trim() : '';
  if (!listed && !typedName) throw refused('organization-name');
  const identifier = { type: choice.type, value: choice.id };
  const inUse = await choices.applicationIdsInUse(identifier);
  if (inUse.includes(choice.applicationId ?? null)) throw new ProcedureError('application-id-in-use', { holder: label, applicationId: choice.applicationId ?? '-' });
  const name = listed ? ((listed.names.find((text) => text.lang === 'fr') ?? listed.names[0])?.value ?? label) : typedName;
  const holder = holderOf(choice.type, choice.id, choice.applicationId);
  return {
    holder,
    ...(listed ? { names: listed.names } : {}),
    certificate: { actor: { ids: [identifier], firstNames: [], name }, ...(holder.applicationId !== undefined ? { applicationId: holder.applicationId } : {}) },
  };
}
