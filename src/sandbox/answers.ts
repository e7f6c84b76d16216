// The sandbox's answers as the XSDs describe them: v2 answers with Id, InResponseTo, IssueInstant
// and a commons Status; EtkDepot v1 answers with a commons 1.0 Status; SOAP 1.1 faults.
import { randomUUID } from 'node:crypto';
import { NS, SUCCESS_STATUS } from '../protocol/namespaces';
import type { OperationSpec } from './operations';
import type { Refusal } from './refusal';
import { node, soapEnvelope, type Part } from './xml';

const REQUESTER_STATUS = 'urn:be:fgov:ehealth:2.0:status:Requester';
const CC = NS.commonsCore;

function attributes(requestId: string | undefined, now: Date): Record<string, string> {
  return { Id: `_${randomUUID()}`, ...(requestId ? { InResponseTo: requestId } : {}), IssueInstant: now.toISOString() };
}

/** A successful answer; `withoutStatus` operations answer a plain ResponseType. */
export function successAnswer(spec: OperationSpec, requestId: string | undefined, parts: Part[], now: Date): string {
  const name = `${spec.name}Response`;
  if (spec.version === 1) {
    const status = node(NS.commonsCoreV1, 'Status', [node('', 'Code', '200'), node('', 'Message', 'OK', { Lang: 'EN' })]);
    return soapEnvelope(node(spec.ns, name, [status, ...parts], { Id: `_${randomUUID()}` }));
  }
  const status = spec.withoutStatus ? undefined : node(CC, 'Status', [node(CC, 'StatusCode', [], { Value: SUCCESS_STATUS })]);
  return soapEnvelope(node(spec.ns, name, [status, ...parts], attributes(requestId, now)));
}

/** A v2 error status carrying the refusal as an EteeStatusDetail error (its children unqualified). */
export function refusalAnswer(spec: OperationSpec, requestId: string | undefined, refusal: Refusal, now: Date): string {
  const error = node('', 'Errors', [
    node('', 'Code', refusal.code),
    node('', 'Message', refusal.message),
    ...Object.entries(refusal.parameters).map(([name, value]) => node('', 'Parameters', [node('', 'Name', name), node('', 'Value', value)])),
  ]);
  const status = node(CC, 'Status', [
    node(CC, 'StatusCode', [], { Value: REQUESTER_STATUS }),
    node(CC, 'StatusMessage', refusal.message),
    node(CC, 'StatusDetail', [node(NS.eteeCore, 'EteeStatusDetail', [error])]),
  ]);
  return soapEnvelope(node(spec.ns, `${spec.name}Response`, [status], attributes(requestId, now)));
}

export function faultAnswer(faultCode: 'Client' | 'Server', reason: string): string {
  return soapEnvelope(node(NS.soap, 'Fault', [node('', 'faultcode', `S:${faultCode}`), node('', 'faultstring', reason)]));
}
