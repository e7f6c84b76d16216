// The sandbox's answers, built with the client's XML door (src/ra/xml, src/ra/envelope) so that
// they are exactly what the client parses: v2 answers with Id, InResponseTo, IssueInstant and a
// commons Status; EtkDepot v1 answers with a commons 1.0 Status; SOAP 1.1 faults.
import { randomUUID } from 'node:crypto';
import { envelope } from '../ra/envelope';
import { NS, SUCCESS_STATUS } from '../ra/namespaces';
import type { Operation } from '../ra/operation';
import { el, type XmlContent } from '../ra/xml';
import type { Refusal } from './refusal';

const REQUESTER_STATUS = 'urn:be:fgov:ehealth:2.0:status:Requester';
const CC = NS.commonsCore;

type AnyOperation = Operation<never, unknown>;

function answerAttributes(requestId: string | undefined, now: Date): Record<string, string> {
  return { Id: `_${randomUUID()}`, ...(requestId ? { InResponseTo: requestId } : {}), IssueInstant: now.toISOString() };
}

/** A successful answer; `withStatus` is false for GetExistingApplicationIds (a plain ResponseType). */
export function successAnswer(operation: AnyOperation, requestId: string | undefined, body: XmlContent[], now: Date, withStatus = true): string {
  const name = `${operation.name}Response`;
  if (operation.version === 1) {
    const status = el(NS.commonsCoreV1, 'Status', [el('', 'Code', '200'), el('', 'Message', 'OK', { Lang: 'EN' })]);
    return envelope(el(operation.ns, name, [status, ...body], { Id: `_${randomUUID()}` }));
  }
  const status = withStatus ? el(CC, 'Status', [el(CC, 'StatusCode', [], { Value: SUCCESS_STATUS })]) : undefined;
  return envelope(el(operation.ns, name, [status, ...body], answerAttributes(requestId, now)));
}

/** A v2 error status carrying the refusal as an EteeStatusDetail error. */
export function refusalAnswer(operation: AnyOperation, requestId: string | undefined, refusal: Refusal, now: Date): string {
  const error = el('', 'Errors', [
    el('', 'Code', refusal.code),
    el('', 'Message', refusal.message),
    ...Object.entries(refusal.parameters).map(([name, value]) => el('', 'Parameters', [el('', 'Name', name), el('', 'Value', value)])),
  ]);
  const status = el(CC, 'Status', [
    el(CC, 'StatusCode', [], { Value: REQUESTER_STATUS }),
    el(CC, 'StatusMessage', refusal.message),
    el(CC, 'StatusDetail', [el(NS.eteeCore, 'EteeStatusDetail', [error])]),
  ]);
  return envelope(el(operation.ns, `${operation.name}Response`, [status], answerAttributes(requestId, now)));
}

export function faultAnswer(faultCode: 'Client' | 'Server', reason: string): string {
  return envelope(el(NS.soap, 'Fault', [el('', 'faultcode', `soapenv:${faultCode}`), el('', 'faultstring', reason)]));
}
