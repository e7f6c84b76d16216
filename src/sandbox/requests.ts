// The CertRA request types as the sandbox reads them from the XSDs (commons core ActorType and
// IdType, certra core ContactDataType and CertificateIdentifierType).
import { NS } from '../protocol/namespaces';
import type { RequestedCertificate } from './holders';
import { InvalidRequest } from './refusal';
import type { ContactData } from './state';
import { elements, optionalValueOf, single, textOf, valueOf } from './xml';

const CC = NS.commonsCore;
const C = NS.certraCore;

export interface Identifier {
  type: string;
  value: string;
}

/** IdType: the value, and its required Type attribute. */
export function identifierIn(element: Element): Identifier {
  const type = element.getAttribute('Type');
  if (!type) throw new InvalidRequest(`${element.localName} has no Type attribute.`);
  return { type, value: textOf(element).trim() };
}

export interface Actor {
  ids: Identifier[];
  firstNames: string[];
  name: string;
}

/** ActorType: Id+, FirstName*, Name. */
export function actorIn(element: Element): Actor {
  const ids = elements(element, CC, 'Id').map(identifierIn);
  if (!ids.length) throw new InvalidRequest(`${element.localName} has no Id.`);
  return { ids, firstNames: elements(element, CC, 'FirstName').map(textOf), name: valueOf(element, CC, 'Name') };
}

export function contactDataIn(element: Element): ContactData {
  const emailGeneral = optionalValueOf(element, C, 'EmailGeneral');
  const phoneGeneral = optionalValueOf(element, C, 'PhoneGeneral');
  return {
    emailPrivate: valueOf(element, C, 'EmailPrivate'),
    ...(emailGeneral !== undefined ? { emailGeneral } : {}),
    phonePrivate: valueOf(element, C, 'PhonePrivate'),
    ...(phoneGeneral !== undefined ? { phoneGeneral } : {}),
  };
}

/** CertificateIdentifierType: the holder's Actor and an optional ApplicationId. */
export function certificateIdentifierIn(element: Element): RequestedCertificate {
  const applicationId = optionalValueOf(element, C, 'ApplicationId');
  return { ...actorIn(single(element, C, 'Actor')), ...(applicationId !== undefined ? { applicationId } : {}) };
}
