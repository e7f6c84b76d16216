// EtkDepot v1 in the sandbox: the published ETKs (active certificates with an active ETK), found
// by holder type and value, and application id when the holder has several.
import { getEtk } from '../../ra/etkdepot';
import { NS } from '../../ra/namespaces';
import * as read from '../../ra/read';
import { childElements, el } from '../../ra/xml';
import { handler } from '../context';
import { effectiveStatus } from '../lifecycle';

const P = NS.etkdepot;

export const etkdepotHandlers = [
  handler(getEtk, ['SearchCriteria'], ({ request, context, now }) => {
    const criteria = read.child(request, P, 'SearchCriteria');
    const wanted = read.oneOrMore(criteria, P, 'Identifier').map((identifier) => ({
      type: read.text(identifier, P, 'Type').trim(),
      value: read.text(identifier, P, 'Value').trim(),
      applicationId: read.optionalText(identifier, P, 'ApplicationID')?.trim(),
    }));
    const published = context.state
      .certificates()
      .filter((record) => record.etk.status === 'VALID_ACTIVE' && record.etk.token && effectiveStatus(record, now) === 'VALID_ACTIVE')
      .filter(({ holder }) => wanted.some((id) => id.type === holder.type && id.value === holder.id && (id.applicationId === undefined || id.applicationId === holder.applicationId)));
    const given = el(P, 'GivenSearchCriteria', childElements(criteria));
    if (published.length === 1) return [given, el(P, 'ETK', published[0].etk.token!)];
    return [
      given,
      ...published.map(({ holder }) =>
        el(P, 'MatchingEtk', [el(P, 'Identifier', [el(P, 'Type', holder.type), el(P, 'Value', holder.id), holder.applicationId === undefined ? undefined : el(P, 'ApplicationID', holder.applicationId)])]),
      ),
    ];
  }),
];
