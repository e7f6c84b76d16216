// EtkDepot v1 in the sandbox: the published ETKs (active certificates with an active ETK), found
// by holder type and value, and application id when the holder has several.
import { NS } from '../../protocol/namespaces';
import { handler } from '../context';
import { effectiveEtkStatus } from '../lifecycle';
import type { Holder } from '../state';
import { InvalidRequest } from '../refusal';
import { elements, node, optionalValueOf, single, valueOf } from '../xml';

const P = NS.etkdepot;

interface Wanted {
  type: string;
  value: string;
  applicationId?: string;
}

const identifierNode = (id: Wanted) =>
  node(P, 'Identifier', [node(P, 'Type', id.type), node(P, 'Value', id.value), id.applicationId !== undefined && node(P, 'ApplicationID', id.applicationId)]);

const matches = (holder: Holder, id: Wanted) => id.type === holder.type && id.value === holder.id && (id.applicationId === undefined || id.applicationId === holder.applicationId);

export const etkdepotHandlers = [
  handler('GetEtk', ({ request, context, now }) => {
    const criteria = single(request, P, 'SearchCriteria');
    const wanted: Wanted[] = elements(criteria, P, 'Identifier').map((identifier) => {
      const applicationId = optionalValueOf(identifier, P, 'ApplicationID')?.trim();
      return { type: valueOf(identifier, P, 'Type').trim(), value: valueOf(identifier, P, 'Value').trim(), ...(applicationId !== undefined ? { applicationId } : {}) };
    });
    if (!wanted.length) throw new InvalidRequest('SearchCriteria has no Identifier.');
    const published = context.state
      .certificates()
      .filter((record) => effectiveEtkStatus(record, now) === 'VALID_ACTIVE' && record.etk.token)
      .filter(({ holder }) => wanted.some((id) => matches(holder, id)));
    const given = node(P, 'GivenSearchCriteria', wanted.map(identifierNode));
    if (published.length === 1) return [given, node(P, 'ETK', published[0].etk.token!)];
    return [given, ...published.map(({ holder }) => node(P, 'MatchingEtk', [identifierNode({ type: holder.type, value: holder.id, ...(holder.applicationId !== undefined ? { applicationId: holder.applicationId } : {}) })]))];
  }),
];
