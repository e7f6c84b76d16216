// CertRA v2 (urn:be:fgov:ehealth:certra:protocol:v2): request, follow, fetch and revoke eHealth
// authentication certificates. Element names and order follow ehealth-certra-schema-*-2_0.xsd.
import type { ContactData } from '../core/contactData';
import { SSIN_TYPE } from '../core/holder';
import {
  AUTHORITY_CERTIFICATE_STATUSES,
  ETK_STATUSES,
  REVOCATION_REASONS,
  type Actor,
  type ActorQualities,
  type CertificateIdentifier,
  type CertificateInfo,
  type CertificateRequested,
  type Contract,
  type ForeignerCsrSubmitted,
  type Identifier,
  type LocalizedText,
  type OrganizationType,
  type RevocationContract,
  type RevocationReason,
} from './model';
import { SOAP_ACTIONS } from '../protocol/services';
import { NS } from './namespaces';
import type { Operation } from './operation';
import * as read from './read';
import { el, parseXml, serialize, type XmlContent, type XmlElement } from './xml';

const P = NS.certra;
const C = NS.certraCore;
const CC = NS.commonsCore;

// ---- building ----

export function identifierElement(ns: string, name: string, id: Identifier): XmlElement {
  return el(ns, name, id.value, { Type: id.type });
}

export function actorElement(ns: string, name: string, actor: Actor): XmlElement {
  return el(ns, name, [
    ...actor.ids.map((id) => identifierElement(CC, 'Id', id)),
    ...actor.firstNames.map((first) => el(CC, 'FirstName', first)),
    el(CC, 'Name', actor.name),
  ]);
}

export function contactDataElement(ns: string, contact: ContactData): XmlElement {
  return el(ns, 'ContactData', [
    el(C, 'EmailPrivate', contact.emailPrivate),
    contact.emailGeneral === undefined ? undefined : el(C, 'EmailGeneral', contact.emailGeneral),
    el(C, 'PhonePrivate', contact.phonePrivate),
    contact.phoneGeneral === undefined ? undefined : el(C, 'PhoneGeneral', contact.phoneGeneral),
  ]);
}

/** The contract sent back as received: its children copied node for node. */
function contractElement(ns: string, contract: Contract): XmlElement {
  const received = parseXml(contract.xml).documentElement!;
  return el(ns, 'Contract', Array.from(received.childNodes as unknown as Node[]));
}

// ---- reading ----

function localizedTexts(parent: Element, name: string): LocalizedText[] {
  return read.children(read.child(parent, C, name), C, 'Value').map((value) => ({ lang: read.xmlLang(value), value: read.textOf(value) }));
}

export function identifierOf(element: Element): Identifier {
  return { type: element.getAttribute('Type') ?? '', value: read.textOf(element).trim() };
}

export function actorOf(element: Element): Actor {
  return {
    ids: read.oneOrMore(element, CC, 'Id').map(identifierOf),
    firstNames: read.children(element, CC, 'FirstName').map(read.textOf),
    name: read.text(element, CC, 'Name'),
  };
}

export function contactDataOf(element: Element): ContactData {
  return {
    emailPrivate: read.text(element, C, 'EmailPrivate'),
    emailGeneral: read.optionalText(element, C, 'EmailGeneral'),
    phonePrivate: read.text(element, C, 'PhonePrivate'),
    phoneGeneral: read.optionalText(element, C, 'PhoneGeneral'),
  };
}

function contractOf(element: Element): Contract {
  return { dn: read.text(element, C, 'DN'), signer: actorOf(read.child(element, C, 'Signer')), texts: localizedTexts(element, 'Text'), xml: serialize(element) };
}

export function certificateIdentifierOf(element: Element): CertificateIdentifier {
  return { actor: actorOf(read.child(element, C, 'Actor')), applicationId: read.optionalText(element, C, 'ApplicationId') };
}

function certificateInfoOf(element: Element): CertificateInfo {
  const entity = read.child(element, C, 'CertificateEntity');
  const details = read.optionalChild(element, C, 'AuthenticationCertificateDetails');
  const replacementStart = read.optionalChild(element, C, 'ReplacementPeriodStartDate');
  return {
    requestedDate: read.dateTime(element, C, 'RequestedDate'),
    publicKeyIdentifier: read.keyIdentifier(element, C, 'PublicKeyIdentifier'),
    entityType: read.optionalAttributeOneOf(entity, 'EntityType', ['NaturalPerson', 'Organization'] as const),
    certificate: certificateIdentifierOf(read.child(entity, C, 'CertificateIdentifier')),
    status: read.oneOf(element, C, 'AuthenticationCertificateStatus', AUTHORITY_CERTIFICATE_STATUSES),
    etkStatus: read.oneOf(element, C, 'ETKStatus', ETK_STATUSES),
    automaticallyValidated: read.boolean(element, C, 'AutomaticallyValidated'),
    details: details && {
      serialNumber: read.text(details, C, 'SerialNumber').trim(),
      subject: read.text(details, C, 'DN'),
      issuer: read.text(details, C, 'IssuerDN'),
      notBefore: read.dateTime(details, C, 'ValidNotBefore').toISOString(),
      notAfter: read.dateTime(details, C, 'ValidNotAfter').toISOString(),
    },
    revocable: read.boolean(element, C, 'Revocable'),
    replaceable: read.boolean(element, C, 'Replaceable'),
    replacementPeriodStartDate: replacementStart && read.dateTimeOf(replacementStart),
    contactData: contactDataOf(read.child(element, C, 'ContactData')),
    baseServiceUsage: read.children(element, C, 'BaseServiceUsage').map(read.textOf),
  };
}

// ---- operations ----

type CertRaOperation<P, R> = Omit<Operation<P, R>, 'service' | 'ns' | 'version' | 'soapAction'>;

function certra<P, R>(operation: CertRaOperation<P, R>): Operation<P, R> {
  return { ...operation, service: 'certra', ns: P, version: 2, soapAction: SOAP_ACTIONS[operation.name] };
}

const none = (): XmlContent[] => [];

export const getActorQualities = certra<{ ssin: string }, ActorQualities>({
  name: 'GetActorQualities',
  signedWith: 'eid-authentication',
  body: ({ ssin }) => [identifierElement(P, 'SSIN', { type: SSIN_TYPE, value: ssin })],
  result: (answer) => ({
    naturalPerson: read.boolean(answer, P, 'NaturalPersonAuthorization'),
    organizations: read.children(answer, P, 'OrganizationAuthorization').map((organization) => ({
      names: localizedTexts(organization, 'Name'),
      identifier: identifierOf(read.child(organization, C, 'Identifier')),
    })),
  }),
});

export const getCertificateInfoForCitizen = certra<void, CertificateInfo[]>({
  name: 'GetCertificateInfoForCitizen',
  signedWith: 'eid-authentication',
  body: none,
  result: (answer) => read.children(answer, P, 'CertificateInfo').map(certificateInfoOf),
});

export const getCertificateInfoForAuthenticationCertificate = certra<void, CertificateInfo>({
  name: 'GetCertificateInfoForAuthenticationCertificate',
  signedWith: 'ehealth-authentication',
  body: none,
  result: (answer) => certificateInfoOf(read.child(answer, P, 'CertificateInfo')),
});

export const getGenericOrganizationTypes = certra<void, OrganizationType[]>({
  name: 'GetGenericOrganizationTypes',
  body: none,
  result: (answer) =>
    read.children(answer, P, 'OrganizationType').map((type) => ({
      names: localizedTexts(type, 'Name'),
      identifierType: read.text(type, C, 'IdentifierType').trim(),
      validationRegEx: read.optionalText(type, C, 'ValidationRegEx'),
      checkDigitAlgorithms: read.children(type, C, 'CheckDigitAlgorithm').map(read.textOf),
      availableBaseServices: read.children(type, C, 'AvailableBaseService').map(read.textOf),
    })),
});

/** Application ids in use for an organization; `null` stands for a certificate without one. */
export const getExistingApplicationIds = certra<{ organization: Identifier }, (string | null)[]>({
  name: 'GetExistingApplicationIds',
  body: ({ organization }) => [identifierElement(P, 'OrganizationIdentifier', organization)],
  result: (answer) => read.children(answer, P, 'ApplicationId').map((id) => (read.isNil(id) ? null : read.textOf(id))),
});

export const generateContract = certra<{ contactData: ContactData; signer: Actor; certificate: CertificateIdentifier }, Contract>({
  name: 'GenerateContract',
  body: ({ contactData, signer, certificate }) => [
    contactDataElement(P, contactData),
    actorElement(P, 'Signer', signer),
    el(P, 'CertificateIdentifier', [
      actorElement(C, 'Actor', certificate.actor),
      certificate.applicationId === undefined ? undefined : el(C, 'ApplicationId', certificate.applicationId),
    ]),
  ],
  result: (answer) => contractOf(read.child(answer, P, 'Contract')),
});

export interface CertificateRequest {
  contactData: ContactData;
  /** PKCS#10, DER. */
  csr: Buffer;
  /** The contract from GenerateContract, after the user accepted it. */
  contract: Contract;
  baseServiceUsage?: string[];
}

export const generateCertificate = certra<CertificateRequest, CertificateRequested>({
  name: 'GenerateCertificate',
  signedWith: 'eid-signature',
  body: ({ contactData, csr, contract, baseServiceUsage = [] }) => [
    el(P, 'EHealthCSR', [
      contactDataElement(C, contactData),
      el(C, 'CSR', csr.toString('base64')),
      contractElement(C, contract),
      ...baseServiceUsage.map((service) => el(C, 'BaseServiceUsage', service)),
    ]),
  ],
  result: (answer) => {
    const replaces = read.optionalChild(answer, P, 'ReplacesCertificate');
    return {
      publicKeyIdentifier: read.keyIdentifier(answer, P, 'PublicKeyIdentifier'),
      automaticallyValidated: read.boolean(answer, P, 'AutomaticallyValidated'),
      replacesCertificate: replaces && read.keyIdentifier(answer, P, 'ReplacesCertificate'),
    };
  },
});

/** The delivered chain, DER, leaf first, without the root. Throws ra/not-yet-delivered before. */
export const getCertificate = certra<{ publicKeyIdentifier: string }, Buffer[]>({
  name: 'GetCertificate',
  body: ({ publicKeyIdentifier }) => [el(P, 'PublicKeyIdentifier', publicKeyIdentifier)],
  result: (answer) => read.oneOrMore(answer, P, 'X509Certificate').map(read.base64Of),
});

export const generateRevocationContract = certra<{ publicKeyIdentifier: string; signer: Actor; reason: RevocationReason }, RevocationContract>({
  name: 'GenerateRevocationContract',
  body: ({ publicKeyIdentifier, signer, reason }) => [
    el(P, 'PublicKeyIdentifier', publicKeyIdentifier),
    actorElement(P, 'Signer', signer),
    el(P, 'RevocationReason', reason),
  ],
  result: (answer) => {
    const contract = read.child(answer, P, 'Contract');
    return { ...contractOf(contract), reason: read.oneOf(contract, C, 'RevocationReason', REVOCATION_REASONS) };
  },
});

export const revoke = certra<{ publicKeyIdentifier: string; contract: RevocationContract }, void>({
  name: 'Revoke',
  signedWith: 'eid-signature',
  body: ({ publicKeyIdentifier, contract }) => [el(P, 'PublicKeyIdentifier', publicKeyIdentifier), contractElement(P, contract)],
  result: () => undefined,
});

export const submitCsrForForeigner = certra<{ person: Actor; contactData: ContactData; csr: Buffer }, ForeignerCsrSubmitted>({
  name: 'SubmitCSRForForeigner',
  body: ({ person, contactData, csr }) => [actorElement(P, 'ForeignPerson', person), contactDataElement(P, contactData), el(P, 'CSR', csr.toString('base64'))],
  result: (answer) => ({ validationUrl: read.text(answer, P, 'ValidationUrl').trim(), expirationDate: read.dateTime(answer, P, 'ExpirationDate') }),
});
