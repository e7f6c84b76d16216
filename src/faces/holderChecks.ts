// An organisation holder's problems in the user's words, the same wherever they are shown: the VS
// Code input boxes (which check by the authority's types, organizationIdProblem), the CLI and the
// procedure's refusal (src/faces/errors.ts). And the CLI's check of --holder by core's rules alone,
// before the eID is touched; the procedure checks the authority's rules besides.
import { SSIN_TYPE, type Holder } from '../core/holder';
import { applicationIdProblem, holderTypes, identifierProblem } from '../core/identifier';
import type { MessageKey, Translator } from '../i18n';
import type { HolderProblem } from '../procedures';

export const holderProblemMessages: Record<HolderProblem, MessageKey> = {
  'unknown-type': 'procedure.holder.problem.unknown-type',
  'authority-type': 'procedure.holder.problem.authority-type',
  'not-digits': 'procedure.holder.problem.not-digits',
  length: 'procedure.holder.problem.length',
  'check-digits': 'procedure.holder.problem.check-digits',
  'authority-pattern': 'procedure.holder.problem.authority-pattern',
  'application-id': 'procedure.holder.application-invalid',
  'organization-name': 'procedure.holder.problem.organization-name',
  notation: 'procedure.holder.problem.notation',
};

/** The organisation types core knows, to name them when one typed is not among them. */
const organizationTypes = [...holderTypes.keys()].filter((type) => type !== SSIN_TYPE).join(', ');

/** The words of a problem with an identifier of `type`. */
export const holderProblemMessage = (t: Translator, problem: HolderProblem, type: string) => t(holderProblemMessages[problem], { type, length: holderTypes.get(type) ?? '?', types: organizationTypes });

/** What is wrong with an organisation holder by core's rules alone (no authority asked); undefined when it passes. */
export function organizationHolderProblem(holder: Holder): HolderProblem | undefined {
  return identifierProblem(holder.type, holder.id) ?? applicationIdProblem(holder.applicationId);
}
