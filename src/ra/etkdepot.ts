// EtkDepot v1 (urn:be:fgov:ehealth:etkdepot:1_0:protocol), unauthenticated: look up a published
// ETK. A v1 request carries no Id/IssueInstant and its answer a commons 1.0 Status (Code "200").
import { AuthorityError } from './errors';
import type { EtkIdentifier, EtkLookup } from './model';
import { SOAP_ACTIONS } from '../protocol/services';
import { NS } from './namespaces';
import type { Operation } from './operation';
import * as read from './read';
import { el } from './xml';

const P = NS.etkdepot;

function identifierOf(element: Element): EtkIdentifier {
  return {
    type: read.text(element, P, 'Type').trim(),
    value: read.text(element, P, 'Value').trim(),
    applicationId: read.optionalText(element, P, 'ApplicationID'),
  };
}

export const getEtk: Operation<{ identifiers: EtkIdentifier[] }, EtkLookup> = {
  name: 'GetEtk',
  service: 'etkdepot',
  soapAction: SOAP_ACTIONS.GetEtk,
  ns: P,
  version: 1,
  body: ({ identifiers }) => [
    el(
      P,
      'SearchCriteria',
      identifiers.map((id) =>
        el(P, 'Identifier', [el(P, 'Type', id.type), el(P, 'Value', id.value), id.applicationId === undefined ? undefined : el(P, 'ApplicationID', id.applicationId)]),
      ),
    ),
  ],
  result: (answer) => {
    const errors = read.children(answer, P, 'Error').map((error) => ({
      code: read.text(error, P, 'Code').trim(),
      message: read.text(error, P, 'Message'),
      parameters: {},
    }));
    if (errors.length) throw new AuthorityError('200', errors);
    const etk = read.optionalChild(answer, P, 'ETK');
    if (etk) return { kind: 'etk', etk: read.base64Of(etk) };
    const matches = read.children(answer, P, 'MatchingEtk').map((match) => read.oneOrMore(match, P, 'Identifier').map(identifierOf));
    return matches.length ? { kind: 'ambiguous', matches } : { kind: 'none' };
  },
};
