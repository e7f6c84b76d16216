// An organisation's identifier and application ID as both faces check them while the user types
// (the VS Code input boxes, the CLI's --holder before the eID is touched): core's rule per identifier
// type, each problem in the user's words. The procedure refuses the same problems in the same words
// (src/faces/errors.ts), and the authority's own rules besides.
import { isApplicationId, type Holder } from '../core/holder';
import { holderTypes, identifierProblem } from '../core/identifier';
import type { MessageKey, Translator } from '../i18n';
import type { HolderProblem } from '../procedures';

export const holderProblemMessages: Record<HolderProblem, MessageKey> = {
  'unknown-type': 'procedure.holder.problem.unknown-type',
  'not-digits': 'procedure.holder.problem.not-digits',
  length: 'procedure.holder.problem.length',
  'check-digits': 'procedure.holder.problem.check-digits',
  'authority-pattern': 'procedure.holder.problem.authority-pattern',
  'application-id': 'procedure.holder.application-invalid',
  'organization-name': 'procedure.holder.problem.organization-name',
};

/** The words of a problem with an identifier of `type`. */
export const holderProblemMessage = (t: Translator, problem: HolderProblem, type: string) => t(holderProblemMessages[problem], { type, length: holderTypes.get(type) ?? '?' });

/** What is wrong with an organisation holder by core's rules alone (no authority asked); undefined when it passes. */
export function organizationHolderProblem(holder: Holder): HolderProblem | undefined {
  return identifierProblem(holder.type, holder.id) ?? (holder.applicationId !== undefined && !isApplicationId(holder.applicationId) ? 'application-id' : undefined);
}
