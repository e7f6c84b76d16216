// CertRA v2 in the sandbox: contracts, requests, delivery, certificate information, revocation.
import { createPublicKey } from 'node:crypto';
import * as certra from '../../ra/certra';
import { actorElement, actorOf, certificateIdentifierOf, contactDataElement, contactDataOf, identifierElement } from '../../ra/certra';
import { translate, type MessageKey } from '../../i18n';
import { SSIN_TYPE, REVOCATION_REASONS, type Actor, type ContactData, type RevocationReason } from '../../ra/model';
import { NS } from '../../ra/namespaces';
import * as read from '../../ra/read';
import { el, type XmlElement } from '../../ra/xml';
import { contractDigest, digestOfNew } from '../contracts';
import { handler, signerOf, type Exchange, type SandboxContext } from '../context';
import { checkSsin, holderOf, ORGANIZATION_TYPES, subjectAttributes, subjectDn } from '../holders';
import { activeCertificate, deliverIfDue, effectiveStatus, issuedCertificate, replacementStart } from '../lifecycle';
import { managedOrganizations, manages } from '../organizations';
import { Refusal } from '../refusal';
import type { CertificateRecord, ContractRecord, Holder } from '../state';
import { keyIdentifier, nameAttributes, x509 } from '../x509';

const P = NS.certra;
const C = NS.certraCore;
const BASE_SERVICES = ['tsa', 'consultrn', 'codage', 'other'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9][0-9 ./()-]{6,24}$/;
const DAY_MS = 86_400_000;

function checkContactData(contact: ContactData): void {
  const emails = [contact.emailPrivate, contact.emailGeneral].filter((value): value is string => value !== undefined);
  const phones = [contact.phonePrivate, contact.phoneGeneral].filter((value): value is string => value !== undefined);
  if (!emails.every((email) => EMAIL.test(email.trim()))) throw new Refusal('INVALID_CONTACT_DATA', 'An e-mail address is not valid.');
  if (!phones.every((phone) => PHONE.test(phone.trim()))) throw new Refusal('INVALID_CONTACT_DATA', 'A phone number is not valid.');
  if (emails.length === 2 && emails[0].trim().toLowerCase() === emails[1].trim().toLowerCase()) throw new Refusal('INVALID_CONTACT_DATA', 'The two e-mail addresses must differ.');
  if (phones.length === 2 && phones[0].trim() === phones[1].trim()) throw new Refusal('INVALID_CONTACT_DATA', 'The two phone numbers must differ.');
}

/** A person acts for themself, or for an organisation they manage (DATA/organizations.json). */
function checkMayActFor(context: SandboxContext, ssin: string, holder: Holder): void {
  const allowed = holder.type === 'SSIN' ? holder.id === ssin : manages(context.dataFolder, ssin, holder.type, holder.id);
  if (!allowed) throw new Refusal('NOT_AUTHORIZED', `${ssin} may not act for ${holder.type}=${holder.id}.`);
}

function ssinOf(actor: Actor): string {
  return checkSsin(actor.ids.find((id) => id.type === SSIN_TYPE)?.value, 'signer');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The contract's HTML, in French and Dutch as eHealth writes it; the DN comes from the user, hence escaped. */
function contractText(key: MessageKey, dn: string): XmlElement {
  return el(C, 'Text', (['fr', 'nl'] as const).map((language) => el(C, 'Value', translate(language, key, { dn: escapeHtml(dn) }), { 'xml:lang': language })));
}

/** Hands out a contract and remembers it, to recognise it (unchanged) in the signed request. */
function issueContract(context: SandboxContext, contract: XmlElement, record: ContractRecord): XmlElement {
  context.state.addContract(digestOfNew(contract), record);
  context.state.save();
  return contract;
}

/** The contract in a signed request: one the sandbox issued, unchanged, of the right kind, signed by its signer. */
function receivedContract(exchange: Exchange, element: Element, kind: ContractRecord['kind']): { digest: string; contract: ContractRecord } {
  const digest = contractDigest(element);
  const contract = exchange.context.state.contract(digest);
  if (!contract || contract.kind !== kind) throw new Refusal('CONTRACT_ALTERED', 'The contract is not one the authority issued, or it was changed.');
  if (contract.signerSsin !== signerOf(exchange).ssin) throw new Refusal('SIGNER_MISMATCH', 'The request is not signed by the signer named in the contract.');
  checkMayActFor(exchange.context, contract.signerSsin, contract.holder);
  return { digest, contract };
}

/** A PKCS#10 request whose signature verifies with its own key. */
async function verifiedCsr(der: Buffer): Promise<x509.Pkcs10CertificateRequest> {
  try {
    const csr = new x509.Pkcs10CertificateRequest(new Uint8Array(der));
    if (await csr.verify()) return csr;
  } catch {
    // unreadable: refused below like a bad signature
  }
  throw new Refusal('INVALID_CSR', 'The CSR is not a PKCS#10 request signed by its own key.');
}

/** The CSR of an eHealth request: RSA 2048 or more, subject exactly the holder's DN. */
async function checkedCsr(der: Buffer, holder: Holder): Promise<x509.Pkcs10CertificateRequest> {
  const csr = await verifiedCsr(der);
  const key = createPublicKey({ key: Buffer.from(new Uint8Array(csr.publicKey.rawData)), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Refusal('INVALID_CSR', 'The CSR key must be RSA of 2048 bits or more.');
  if (JSON.stringify(nameAttributes(csr.subjectName)) !== JSON.stringify(subjectAttributes(holder))) {
    throw new Refusal('INVALID_DN', `The CSR subject must be ${subjectDn(holder)}.`, { expected: subjectDn(holder), received: csr.subject });
  }
  return csr;
}

function holderActor(holder: Holder): Actor {
  return { ids: [{ type: holder.actor.idType, value: holder.id }], firstNames: holder.actor.firstNames, name: holder.actor.name };
}

function certificateInfo(record: CertificateRecord, now: Date): XmlElement {
  const status = effectiveStatus(record, now);
  const certificate = issuedCertificate(record);
  const replaceFrom = certificate && status === 'VALID_ACTIVE' ? replacementStart(certificate) : undefined;
  const app = record.holder.applicationId;
  return el(P, 'CertificateInfo', [
    el(C, 'RequestedDate', record.requestedAt),
    el(C, 'PublicKeyIdentifier', record.publicKeyIdentifier),
    el(C, 'CertificateEntity', [el(C, 'CertificateIdentifier', [actorElement(C, 'Actor', holderActor(record.holder)), app === undefined ? undefined : el(C, 'ApplicationId', app)])], {
      EntityType: record.holder.type === 'SSIN' ? 'NaturalPerson' : 'Organization',
    }),
    el(C, 'AuthenticationCertificateStatus', status),
    el(C, 'ETKStatus', record.etk.status),
    el(C, 'AutomaticallyValidated', String(record.automaticallyValidated)),
    certificate &&
      el(C, 'AuthenticationCertificateDetails', [
        el(C, 'SerialNumber', BigInt(`0x${certificate.serialNumber}`).toString(10)),
        el(C, 'DN', record.dn),
        el(C, 'IssuerDN', new x509.X509Certificate(certificate.raw).issuer),
        el(C, 'ValidNotBefore', new Date(certificate.validFrom).toISOString()),
        el(C, 'ValidNotAfter', new Date(certificate.validTo).toISOString()),
      ]),
    el(C, 'Revocable', String(status === 'VALID_ACTIVE')),
    el(C, 'Replaceable', String(replaceFrom !== undefined && now >= replaceFrom)),
    replaceFrom && el(C, 'ReplacementPeriodStartDate', replaceFrom.toISOString()),
    contactDataElement(C, record.contactData),
    ...record.baseServiceUsage.map((service) => el(C, 'BaseServiceUsage', service)),
  ]);
}

function knownCertificate(context: SandboxContext, publicKeyIdentifier: string): CertificateRecord {
  const record = context.state.certificate(publicKeyIdentifier);
  if (!record) throw new Refusal('UNKNOWN_CERTIFICATE', `No certificate request has the public key identifier ${publicKeyIdentifier}.`);
  return record;
}

const keyIdentifierOf = (request: Element) => read.keyIdentifier(request, P, 'PublicKeyIdentifier');

export const certraHandlers = [
  handler(certra.getActorQualities, ['SSIN'], (exchange) => {
    const ssin = signerOf(exchange).ssin!;
    if (read.text(exchange.request, P, 'SSIN').trim() !== ssin) throw new Refusal('NOT_AUTHORIZED', 'One may only ask for one\'s own qualities.');
    return [
      el(P, 'NaturalPersonAuthorization', 'true'),
      ...managedOrganizations(exchange.context.dataFolder, ssin).map((organization) =>
        el(P, 'OrganizationAuthorization', [
          el(C, 'Name', [el(C, 'Value', organization.name, { 'xml:lang': 'fr' }), el(C, 'Value', organization.name, { 'xml:lang': 'nl' })]),
          identifierElement(C, 'Identifier', { type: ORGANIZATION_TYPES.find((rule) => rule.type === organization.type)?.identifierType ?? organization.type, value: organization.id }),
        ]),
      ),
    ];
  }),

  handler(certra.getCertificateInfoForCitizen, [], (exchange) => {
    const ssin = signerOf(exchange).ssin!;
    const mine = exchange.context.state.certificates().filter((record) => record.signerSsin === ssin || (record.holder.type === 'SSIN' && record.holder.id === ssin));
    return mine.map((record) => certificateInfo(record, exchange.now));
  }),

  handler(certra.getCertificateInfoForAuthenticationCertificate, [], (exchange) => [
    certificateInfo(knownCertificate(exchange.context, signerOf(exchange).publicKeyIdentifier!), exchange.now),
  ]),

  handler(certra.getGenericOrganizationTypes, [], () =>
    ORGANIZATION_TYPES.map((rule) =>
      el(P, 'OrganizationType', [
        el(C, 'Name', [el(C, 'Value', rule.type, { 'xml:lang': 'fr' }), el(C, 'Value', rule.type, { 'xml:lang': 'nl' })]),
        el(C, 'IdentifierType', rule.identifierType),
        el(C, 'ValidationRegEx', rule.validationRegEx),
        ...(rule.type.startsWith('CBE') ? [el(C, 'CheckDigitAlgorithm', 'MOD97')] : []),
        ...BASE_SERVICES.map((service) => el(C, 'AvailableBaseService', service)),
      ]),
    ),
  ),

  handler(
    certra.getExistingApplicationIds,
    ['OrganizationIdentifier'],
    (exchange) => {
      const organization = certra.identifierOf(read.child(exchange.request, P, 'OrganizationIdentifier'));
      const type = ORGANIZATION_TYPES.find((rule) => rule.identifierType === organization.type || rule.type === organization.type)?.type;
      const ids = new Set(
        exchange.context.state
          .certificates()
          .filter((record) => record.holder.type === type && record.holder.id === organization.value && ['IN_PROGRESS', 'VALID_ACTIVE'].includes(effectiveStatus(record, exchange.now)))
          .map((record) => record.holder.applicationId ?? null),
      );
      const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
      return [...ids].map((id) => (id === null ? el(P, 'ApplicationId', [], { 'xmlns:xsi': XSI, 'xsi:nil': 'true' }) : el(P, 'ApplicationId', id)));
    },
    true,
  ),

  handler(certra.generateContract, ['ContactData', 'Signer', 'CertificateIdentifier'], ({ request, context, now }) => {
    checkContactData(contactDataOf(read.child(request, P, 'ContactData')));
    const signer = actorOf(read.child(request, P, 'Signer'));
    const signerSsin = ssinOf(signer);
    const holder = holderOf(certificateIdentifierOf(read.child(request, P, 'CertificateIdentifier')));
    checkMayActFor(context, signerSsin, holder);
    const dn = subjectDn(holder);
    const contract = el(P, 'Contract', [el(C, 'DN', dn), actorElement(C, 'Signer', signer), contractText('sandbox.contract.request', dn)]);
    return [issueContract(context, contract, { kind: 'request', dn, signerSsin, holder, issuedAt: now.toISOString() })];
  }),

  handler(certra.generateCertificate, ['EHealthCSR'], async (exchange) => {
    const { request, context, now } = exchange;
    const csrElement = read.child(request, P, 'EHealthCSR');
    const contactData = contactDataOf(read.child(csrElement, C, 'ContactData'));
    checkContactData(contactData);
    const { digest, contract } = receivedContract(exchange, read.child(csrElement, C, 'Contract'), 'request');
    const baseServiceUsage = read.children(csrElement, C, 'BaseServiceUsage').map((element) => read.textOf(element).trim());
    const unknown = baseServiceUsage.find((service) => !BASE_SERVICES.includes(service));
    if (unknown) throw new Refusal('INVALID_BASE_SERVICE', `Unknown base service "${unknown}".`);
    const csrDer = read.base64(csrElement, C, 'CSR');
    const csr = await checkedCsr(csrDer, contract.holder);
    const publicKeyIdentifier = keyIdentifier(csr.publicKey.rawData);
    if (context.state.certificate(publicKeyIdentifier)) throw new Refusal('KEY_ALREADY_USED', 'This key was already used for a certificate request.');
    const active = activeCertificate(context, contract.holder, now);
    const replaceFrom = active && replacementStart(issuedCertificate(active)!);
    if (replaceFrom && now < replaceFrom) {
      throw new Refusal('NOT_IN_REPLACEMENT_PERIOD', `A valid certificate exists; it can be renewed from ${replaceFrom.toISOString()}.`, {
        replacementPeriodStartDate: replaceFrom.toISOString(),
      });
    }
    const { behaviour } = context;
    const record: CertificateRecord = {
      publicKeyIdentifier,
      requestedAt: now.toISOString(),
      holder: contract.holder,
      dn: contract.dn,
      signerSsin: contract.signerSsin,
      contactData,
      baseServiceUsage,
      csr: csrDer.toString('base64'),
      status: behaviour.refuse ? 'REFUSED' : 'IN_PROGRESS',
      automaticallyValidated: behaviour.manualValidationMs === 0,
      pendingPolls: behaviour.pendingPolls,
      deliverableFrom: new Date(now.getTime() + behaviour.manualValidationMs).toISOString(),
      ...(active ? { replaces: active.publicKeyIdentifier } : {}),
      etk: { status: 'NOT_REQUESTED' },
    };
    context.state.useContract(digest);
    context.state.addCertificate(record);
    context.state.save();
    return [
      el(P, 'PublicKeyIdentifier', publicKeyIdentifier),
      el(P, 'AutomaticallyValidated', String(record.automaticallyValidated)),
      active && el(P, 'ReplacesCertificate', active.publicKeyIdentifier),
    ];
  }),

  handler(certra.getCertificate, ['PublicKeyIdentifier'], async ({ request, context, now }) => {
    const record = knownCertificate(context, keyIdentifierOf(request));
    if (record.status === 'REFUSED') throw new Refusal('CERT_REFUSED', 'The certificate request was refused.');
    if (record.status === 'IN_PROGRESS' && record.pendingPolls > 0) {
      record.pendingPolls -= 1;
      context.state.save();
    } else {
      await deliverIfDue(context, record, now);
    }
    const certificate = issuedCertificate(record);
    if (!certificate) {
      throw new Refusal('CERT_NOT_YET_DELIVERED', 'The certificate has not yet been delivered by the CA.', { publicKeyIdentifier: record.publicKeyIdentifier });
    }
    // Leaf first, then the issuing CA; never the root (PROTOCOL.md).
    return [certificate.raw, Buffer.from(context.ca.issuing.certificate.rawData)].map((der) => el(P, 'X509Certificate', der.toString('base64')));
  }),

  handler(certra.generateRevocationContract, ['PublicKeyIdentifier', 'Signer', 'RevocationReason'], ({ request, context, now }) => {
    const record = knownCertificate(context, keyIdentifierOf(request));
    if (effectiveStatus(record, now) !== 'VALID_ACTIVE') throw new Refusal('NOT_REVOCABLE', 'Only a valid, active certificate can be revoked.');
    const signer = actorOf(read.child(request, P, 'Signer'));
    const signerSsin = ssinOf(signer);
    checkMayActFor(context, signerSsin, record.holder);
    const reason = read.oneOf(request, P, 'RevocationReason', REVOCATION_REASONS) as RevocationReason;
    const contract = el(P, 'Contract', [el(C, 'DN', record.dn), actorElement(C, 'Signer', signer), el(C, 'RevocationReason', reason), contractText('sandbox.contract.revocation', record.dn)]);
    return [
      issueContract(context, contract, { kind: 'revocation', dn: record.dn, signerSsin, holder: record.holder, publicKeyIdentifier: record.publicKeyIdentifier, reason, issuedAt: now.toISOString() }),
    ];
  }),

  handler(certra.revoke, ['PublicKeyIdentifier', 'Contract'], (exchange) => {
    const { request, context, now } = exchange;
    const publicKeyIdentifier = keyIdentifierOf(request);
    const { digest, contract } = receivedContract(exchange, read.child(request, P, 'Contract'), 'revocation');
    if (contract.publicKeyIdentifier !== publicKeyIdentifier) throw new Refusal('CONTRACT_ALTERED', 'The revocation contract is for another certificate.');
    const record = knownCertificate(context, publicKeyIdentifier);
    if (effectiveStatus(record, now) !== 'VALID_ACTIVE') throw new Refusal('NOT_REVOCABLE', 'Only a valid, active certificate can be revoked.');
    record.status = 'REVOKED';
    if (record.etk.status !== 'NOT_REQUESTED') record.etk = { status: 'REVOKED', ...(record.etk.certificate ? { certificate: record.etk.certificate } : {}) };
    context.state.useContract(digest);
    context.state.save();
    return [];
  }),

  // Foreigners validate their request in person at eHealth: the sandbox checks the CSR and answers
  // the address where that would happen; nothing is issued for them.
  handler(certra.submitCsrForForeigner, ['ForeignPerson', 'ContactData', 'CSR'], async ({ request, context, now }) => {
    checkContactData(contactDataOf(read.child(request, P, 'ContactData')));
    const key = keyIdentifier((await verifiedCsr(read.base64(request, P, 'CSR'))).publicKey.rawData);
    return [el(P, 'ValidationUrl', `${context.url}/sandbox/foreigner/${key}`), el(P, 'ExpirationDate', new Date(now.getTime() + 30 * DAY_MS).toISOString())];
  }),
];
