// One shape for every operation of the three services: how to build its request, which key signs
// it, how to read its answer. Services (certra.ts, etkra.ts, etkdepot.ts) only fill it in.
import { randomUUID } from 'node:crypto';
import type { Signer } from '../core/signer';
import type { OperationName, Service } from '../protocol/services';
import { AuthorityError, type AuthorityErrorDetail, RaError } from './errors';
import { envelope, openEnvelope } from './envelope';
import { NS, SUCCESS_STATUS } from './namespaces';
import { children, optionalChild, optionalText, text, textOf } from './read';
import { signEnveloped } from './xmldsig';
import { el, type XmlContent } from './xml';

export type { Service } from '../protocol/services';

/** The key the authority expects on a signed request (PROTOCOL.md). */
export type SigningKey = 'eid-authentication' | 'eid-signature' | 'ehealth-authentication';

export interface Operation<Params, Result> {
  /** Operation name as in the XSDs, also used to name trace files. */
  name: OperationName;
  service: Service;
  soapAction: string;
  ns: string;
  /** v2 requests carry Id and IssueInstant and answer a commons v2 Status; EtkDepot v1 neither. */
  version: 1 | 2;
  signedWith?: SigningKey;
  body(params: Params): XmlContent[];
  /** Reads a successful answer (its status already checked). */
  result(answer: Element): Result;
}

export interface BuiltRequest {
  envelope: string;
  /** The request's `Id` (v2), which answers quote in `InResponseTo`. */
  id?: string;
}

export async function buildRequest<P>(operation: Operation<P, unknown>, params: P, signer?: Signer, now = new Date()): Promise<BuiltRequest> {
  const id = operation.version === 2 ? `_${randomUUID()}` : undefined;
  const attrs: Record<string, string> = id ? { Id: id, IssueInstant: now.toISOString() } : {};
  const xml = envelope(el(operation.ns, `${operation.name}Request`, operation.body(params), attrs));
  if (!operation.signedWith) return { envelope: xml, id };
  if (!signer) throw new Error(`${operation.name} must be signed (${operation.signedWith}).`);
  return { envelope: await signEnveloped(xml, operation.ns, `${operation.name}Request`, signer), id };
}

function authorityErrors(status: Element): AuthorityErrorDetail[] {
  const detail = optionalChild(status, NS.commonsCore, 'StatusDetail');
  const etee = detail && optionalChild(detail, NS.eteeCore, 'EteeStatusDetail');
  if (!etee) return [];
  // EteeErrorType's children are unqualified (elementFormDefault="unqualified" in the etee core XSD).
  return children(etee, null, 'Errors').map((error) => ({
    code: text(error, null, 'Code').trim(),
    message: text(error, null, 'Message'),
    parameters: Object.fromEntries(children(error, null, 'Parameters').map((p) => [text(p, null, 'Name'), text(p, null, 'Value')])),
  }));
}

function checkStatus(answer: Element): void {
  const status = optionalChild(answer, NS.commonsCore, 'Status');
  // GetExistingApplicationIds answers a plain ResponseType, without Status.
  if (!status) return;
  const code = optionalChild(status, NS.commonsCore, 'StatusCode')?.getAttribute('Value');
  if (!code) throw new RaError('malformed', 'The answer has a Status without StatusCode/@Value.', { detail: 'StatusCode' });
  if (code === SUCCESS_STATUS) return;
  const errors = authorityErrors(status);
  const message = optionalText(status, NS.commonsCore, 'StatusMessage') ?? '';
  throw new AuthorityError(code, errors, message);
}

function checkDepotStatus(answer: Element): void {
  const status = optionalChild(answer, NS.commonsCoreV1, 'Status');
  if (!status) throw new RaError('malformed', 'The answer has no Status.', { detail: 'Status' });
  const code = text(status, null, 'Code').trim();
  if (code === '200') return;
  const message = children(status, null, 'Message').map(textOf).join(' ');
  throw new AuthorityError(code, [], message);
}

/** Opens the answer to `operation`: SOAP fault, wrong element and error status all throw. */
export function parseAnswer<R>(operation: Operation<unknown, R>, xml: string): R {
  const answer = openEnvelope(xml, operation.ns, `${operation.name}Response`);
  if (operation.version === 2) checkStatus(answer);
  else checkDepotStatus(answer);
  return operation.result(answer);
}
