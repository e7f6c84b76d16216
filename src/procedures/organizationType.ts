// An authority's organisation type (GetGenericOrganizationTypes) as the faces show and check it
// while the user types. Pure and light on purpose: the VS Code prompter imports it at activation,
// and the procedures themselves load only when one runs.
import { identifierProblem } from '../core/identifier';
import type { OrganizationType } from '../ra/model';
import type { HolderProblem } from './holder';

/**
 * The DN type of an authority's entry (`CBE`, `NIHII-HOSPITAL`): identifier types are the plain DN
 * types; a URN ending in the type is read as that type, but what we send is always the plain type.
 */
export const dnTypeOf = (type: OrganizationType) => type.identifierType.slice(type.identifierType.lastIndexOf(':') + 1).toUpperCase();

/** What is wrong with `id` for the authority's type `type` (undefined: it passes both core's rule and the authority's). */
export function organizationIdProblem(type: OrganizationType, id: string): HolderProblem | undefined {
  const problem = identifierProblem(dnTypeOf(type), id);
  // A type the authority lists and core does not know yet: the authority's rule alone decides.
  if (problem && problem !== 'unknown-type') return problem;
  return type.validationRegEx && !new RegExp(type.validationRegEx).test(id) ? 'authority-pattern' : undefined;
}
