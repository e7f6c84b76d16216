// CertRA v2 in the sandbox: contracts, requests, delivery, certificate information, revocation.
import { createPublicKey } from 'node:crypto';
import { NS } from '../../protocol/namespaces';
import { contractDigest, digestOfNew } from '../contracts';
import { contractText } from '../contractTexts';
import { handler, signerOf, type Exchange, type SandboxContext } from '../context';
import { checkSsin, holderOf, ORGANIZATION_TYPES, PERSON_TYPE, subjectAttributes, subjectDn } from '../holders';
import { activeCertificate, activeCertificates, deliverIfDue, effectiveEtkStatus, effectiveStatus, isReplaceable, issuedCertificate, replacementStart } from '../lifecycle';
import { managedOrganizations } from '../organizations';
import { InvalidRequest, Refusal } from '../refusal';
import { approvedOrganizations } from '../validation';
import { actorIn, certificateIdentifierIn, contactDataIn, identifierIn, type Actor } from '../requests';
import { holderKey, REVOCATION_REASONS, type CertificateRecord, type ContactData, type ContractRecord, type Holder, type RevocationReason } from '../state';
import type { VerifiedSigner } from '../verify';
import { keyIdentifier, nameAttributes, x509 } from '../x509';
import { binaryOf, elements, keyIdentifierOf, node, single, textOf, valueOf, type Node_ } from '../xml';

const P = NS.certra;
const C = NS.certraCore;
const CC = NS.commonsCore;
const BASE_SERVICES = ['tsa', 'consultrn', 'codage', 'other'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9][0-9 ./()-]{6,24}$/;
const DAY_MS = 86_400_000;

// ---- writing ----

/** commons core ActorType: Id+, FirstName*, Name. */
const actorNode = (ns: string, name: string, actor: Actor) =>
  node(ns, name, [...actor.ids.map((id) => node(CC, 'Id', id.value, { Type: id.type })), ...actor.firstNames.map((first) => node(CC, 'FirstName', first)), node(CC, 'Name', actor.name)]);

/** The holder's Actor as the contract request named it. */
const holderActor = ({ actor, id }: Holder): Actor => ({ ids: [{ type: actor.idType, value: id }], firstNames: actor.firstNames, name: actor.name });

const contactDataNode = (contact: ContactData) =>
  node(C, 'ContactData', [
    node(C, 'EmailPrivate', contact.emailPrivate),
    contact.emailGeneral !== undefined && node(C, 'EmailGeneral', contact.emailGeneral),
    node(C, 'PhonePrivate', contact.phonePrivate),
    contact.phoneGeneral !== undefined && node(C, 'PhoneGeneral', contact.phoneGeneral),
  ]);

/** Both languages eHealth writes its texts in, here the same name twice. */
const bilingual = (name: string) => [node(C, 'Value', name, { 'xml:lang': 'fr' }), node(C, 'Value', name, { 'xml:lang': 'nl' })];

// ---- checking ----

function checkContactData(contact: ContactData): void {
  const emails = [contact.emailPrivate, contact.emailGeneral].filter((value): value is string => value !== undefined).map((email) => email.trim());
  const phones = [contact.phonePrivate, contact.phoneGeneral].filter((value): value is string => value !== undefined).map((phone) => phone.trim());
  if (!emails.every((email) => EMAIL.test(email))) throw new Refusal('INVALID_CONTACT_DATA', 'An e-mail address is not valid.');
  if (!phones.every((phone) => PHONE.test(phone))) throw new Refusal('INVALID_CONTACT_DATA', 'A phone number is not valid.');
  if (emails.length === 2 && emails[0].toLowerCase() === emails[1].toLowerCase()) throw new Refusal('INVALID_CONTACT_DATA', 'The two e-mail addresses must differ.');
  if (phones.length === 2 && phones[0] === phones[1]) throw new Refusal('INVALID_CONTACT_DATA', 'The two phone numbers must differ.');
}

/**
 * Whom a person may act for: themself, an organisation they manage (DATA/organizations.json) or
 * one the validator approved a request of theirs for. The organisations are read once, at the first
 * organisation asked about, however many holders are asked.
 */
function actingFor(context: SandboxContext, ssin: string): (holder: Pick<Holder, 'type' | 'id'>) => boolean {
  let organizations: Pick<Holder, 'type' | 'id'>[] | undefined;
  return (holder) => {
    if (holder.type === PERSON_TYPE) return holder.id === ssin;
    organizations ??= [...managedOrganizations(context.dataFolder, ssin), ...approvedOrganizations(context.state, ssin)];
    return organizations.some((organization) => organization.type === holder.type && organization.id === holder.id);
  };
}

function checkMayActFor(context: SandboxContext, ssin: string, holder: Holder): void {
  if (!actingFor(context, ssin)(holder)) throw new Refusal('NOT_AUTHORIZED', `${ssin} may not act for ${holder.type}=${holder.id}.`);
}

/**
 * The Signer of a contract request (XSD: name and SSIN "must exactly match the ones of his eID"):
 * one SSIN identifier and one FirstName. The names are checked against the eID certificate once the
 * signed request comes (see receivedContract), since the contract is asked unsigned.
 */
function contractSigner(signer: Actor): Pick<ContractRecord, 'signerSsin' | 'signerNames'> {
  const ids = signer.ids.filter((id) => id.type === PERSON_TYPE);
  if (ids.length !== 1 || signer.ids.length !== 1) throw new Refusal('INVALID_SIGNER', `The signer must have exactly one identifier of type ${PERSON_TYPE}.`);
  if (signer.firstNames.length > 1) throw new Refusal('INVALID_SIGNER', 'The signer\'s first names go in one FirstName, as on the eID.');
  return { signerSsin: checkSsin(ids[0].value, 'signer'), signerNames: { firstNames: signer.firstNames[0] ?? '', surname: signer.name } };
}

/** Hands out a contract and remembers it, to recognise it (unchanged) in the signed request. */
function issueContract(context: SandboxContext, contract: Node_, record: ContractRecord): Node_ {
  context.state.addContract(digestOfNew(contract), record);
  context.state.save();
  return contract;
}

/** The contract in a signed request: one the sandbox issued, unchanged, of the right kind, signed by its signer. */
function receivedContract(exchange: Exchange, element: Element, kind: ContractRecord['kind']): { digest: string; contract: ContractRecord } {
  const digest = contractDigest(element);
  const contract = exchange.context.state.contract(digest);
  if (!contract || contract.kind !== kind) throw new Refusal('CONTRACT_ALTERED', 'The contract is not one the authority issued, or it was changed.');
  const signer = signerOf(exchange);
  if (contract.signerSsin !== signer.ssin) throw new Refusal('SIGNER_MISMATCH', 'The request is not signed by the signer named in the contract.');
  checkSignerNames(contract, signer.names);
  if (!contract.manualValidation) checkMayActFor(exchange.context, contract.signerSsin, contract.holder);
  return { digest, contract };
}

const firstWord = (text: string) => text.trim().split(/\s+/)[0] ?? '';

/**
 * The contract's signer names against the eID certificate that signed: the surname exactly (SN),
 * and the first names starting with the certificate's first given name (GN may abbreviate the
 * others). Names changed on the way (accents dropped, split, upper-cased) do not pass.
 */
function checkSignerNames(contract: ContractRecord, certificate: VerifiedSigner['names']): void {
  if (!certificate) return;
  const { firstNames, surname } = contract.signerNames;
  if (surname !== certificate.surname || firstWord(firstNames) !== firstWord(certificate.givenNames)) {
    throw new Refusal('SIGNER_MISMATCH', `The contract names the signer "${firstNames} ${surname}"; the eID says "${certificate.givenNames} ${certificate.surname}".`);
  }
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

/**
 * What the sandbox's records say of one certificate, each flag as its operations then behave:
 * `active` is its holder's certificate in use, `mayManage` whether the asker may revoke it.
 */
function certificateInfo(record: CertificateRecord, now: Date, active: CertificateRecord | undefined, mayManage: boolean): Node_ {
  const status = effectiveStatus(record, now);
  const certificate = issuedCertificate(record);
  // XSD: present once the certificate is delivered, whatever became of it since.
  const replaceFrom = certificate && replacementStart(certificate);
  const app = record.holder.applicationId;
  return node(P, 'CertificateInfo', [
    node(C, 'RequestedDate', record.requestedAt),
    node(C, 'PublicKeyIdentifier', record.publicKeyIdentifier),
    node(C, 'CertificateEntity', [node(C, 'CertificateIdentifier', [actorNode(C, 'Actor', holderActor(record.holder)), app !== undefined && node(C, 'ApplicationId', app)])], {
      EntityType: record.holder.type === PERSON_TYPE ? 'NaturalPerson' : 'Organization',
    }),
    node(C, 'AuthenticationCertificateStatus', status),
    node(C, 'ETKStatus', effectiveEtkStatus(record, now)),
    node(C, 'AutomaticallyValidated', String(record.automaticallyValidated)),
    certificate &&
      node(C, 'AuthenticationCertificateDetails', [
        node(C, 'SerialNumber', BigInt(`0x${certificate.serialNumber}`).toString(10)),
        node(C, 'DN', record.dn),
        node(C, 'IssuerDN', new x509.X509Certificate(certificate.raw).issuer),
        node(C, 'ValidNotBefore', new Date(certificate.validFrom).toISOString()),
        node(C, 'ValidNotAfter', new Date(certificate.validTo).toISOString()),
      ]),
    node(C, 'Revocable', String(status === 'VALID_ACTIVE' && mayManage)),
    node(C, 'Replaceable', String(isReplaceable(record, active, now))),
    replaceFrom && node(C, 'ReplacementPeriodStartDate', replaceFrom.toISOString()),
    contactDataNode(record.contactData),
    ...record.baseServiceUsage.map((service) => node(C, 'BaseServiceUsage', service)),
  ]);
}

function knownCertificate(context: SandboxContext, publicKeyIdentifier: string): CertificateRecord {
  const record = context.state.certificate(publicKeyIdentifier);
  if (!record) throw new Refusal('UNKNOWN_CERTIFICATE', `No certificate request has the public key identifier ${publicKeyIdentifier}.`);
  return record;
}

const keyIdentifierIn = (request: Element) => keyIdentifierOf(request, P, 'PublicKeyIdentifier');

function revocationReasonIn(request: Element): RevocationReason {
  const reason = valueOf(request, P, 'RevocationReason').trim();
  if (!(REVOCATION_REASONS as readonly string[]).includes(reason)) throw new InvalidRequest(`"${reason}" is not a RevocationReasonType.`);
  return reason as RevocationReason;
}

export const certraHandlers = [
  handler('GetActorQualities', (exchange) => {
    const ssin = signerOf(exchange).ssin!;
    const asked = identifierIn(single(exchange.request, P, 'SSIN'));
    if (asked.type !== PERSON_TYPE) throw new Refusal('INVALID_IDENTIFIER_TYPE', `The SSIN element must have Type="${PERSON_TYPE}", not "${asked.type}".`);
    if (asked.value !== ssin) throw new Refusal('NOT_AUTHORIZED', 'One may only ask for one\'s own qualities.');
    return [
      node(P, 'NaturalPersonAuthorization', 'true'),
      ...managedOrganizations(exchange.context.dataFolder, ssin).map((organization) =>
        node(P, 'OrganizationAuthorization', [node(C, 'Name', bilingual(organization.name)), node(C, 'Identifier', organization.id, { Type: organization.type })]),
      ),
    ];
  }),

  handler('GetCertificateInfoForCitizen', (exchange) => {
    const { context, now } = exchange;
    const ssin = signerOf(exchange).ssin!;
    const mayActFor = actingFor(context, ssin);
    const records = context.state.certificates();
    const active = activeCertificates(records, now);
    return records
      .filter((record) => record.signerSsin === ssin || mayActFor(record.holder))
      .map((record) => certificateInfo(record, now, active.get(holderKey(record.holder)), mayActFor(record.holder)));
  }),

  handler('GetCertificateInfoForAuthenticationCertificate', (exchange) => {
    const { context, now } = exchange;
    const record = knownCertificate(context, signerOf(exchange).publicKeyIdentifier!);
    // Asked with the certificate's own key, not a person's eID: whoever revokes it is checked then.
    return [certificateInfo(record, now, activeCertificate(context, record.holder, now), true)];
  }),

  handler('GetGenericOrganizationTypes', () =>
    ORGANIZATION_TYPES.map((rule) =>
      node(P, 'OrganizationType', [
        node(C, 'Name', bilingual(rule.type)),
        node(C, 'IdentifierType', rule.type),
        node(C, 'ValidationRegEx', rule.validationRegEx),
        rule.checkDigit && node(C, 'CheckDigitAlgorithm', rule.checkDigit),
        ...BASE_SERVICES.map((service) => node(C, 'AvailableBaseService', service)),
      ]),
    ),
  ),

  handler('GetExistingApplicationIds', ({ request, context, now }) => {
    const organization = identifierIn(single(request, P, 'OrganizationIdentifier'));
    if (!ORGANIZATION_TYPES.some((rule) => rule.type === organization.type)) throw new InvalidRequest(`Unknown organization identifier type "${organization.type}".`);
    const ids = new Set(
      context.state
        .certificates()
        .filter((record) => record.holder.type === organization.type && record.holder.id === organization.value && ['IN_PROGRESS', 'VALID_ACTIVE'].includes(effectiveStatus(record, now)))
        .map((record) => record.holder.applicationId ?? null),
    );
    return [...ids].map((id) => (id === null ? node(P, 'ApplicationId', [], { 'xsi:nil': 'true' }) : node(P, 'ApplicationId', id)));
  }),

  handler('GenerateContract', ({ request, context, now }) => {
    checkContactData(contactDataIn(single(request, P, 'ContactData')));
    const signer = actorIn(single(request, P, 'Signer'));
    const named = contractSigner(signer);
    const holder = holderOf(certificateIdentifierIn(single(request, P, 'CertificateIdentifier')));
    if (holder.type === PERSON_TYPE) checkMayActFor(context, named.signerSsin, holder);
    // An organisation the signer is not known to manage: accepted, for eHealth's validator to decide by hand.
    const manualValidation = holder.type !== PERSON_TYPE && !actingFor(context, named.signerSsin)(holder);
    if (holder.type === PERSON_TYPE && (JSON.stringify(holder.actor.firstNames) !== JSON.stringify(signer.firstNames) || holder.actor.name !== signer.name)) {
      throw new Refusal('INVALID_HOLDER', 'A certificate for a person names the signer, exactly, as its actor.');
    }
    const dn = subjectDn(holder);
    const contract = node(P, 'Contract', [node(C, 'DN', dn), actorNode(C, 'Signer', signer), contractText('request', dn, context.behaviour.hostileContract)]);
    return [issueContract(context, contract, { kind: 'request', dn, ...named, holder, ...(manualValidation ? { manualValidation } : {}), issuedAt: now.toISOString() })];
  }),

  handler('GenerateCertificate', async (exchange) => {
    const { request, context, now } = exchange;
    const csrElement = single(request, P, 'EHealthCSR');
    const contactData = contactDataIn(single(csrElement, C, 'ContactData'));
    checkContactData(contactData);
    const { digest, contract } = receivedContract(exchange, single(csrElement, C, 'Contract'), 'request');
    const baseServiceUsage = elements(csrElement, C, 'BaseServiceUsage').map((element) => textOf(element).trim());
    const unknown = baseServiceUsage.find((service) => !BASE_SERVICES.includes(service));
    if (unknown) throw new Refusal('INVALID_BASE_SERVICE', `Unknown base service "${unknown}".`);
    const csrDer = binaryOf(csrElement, C, 'CSR');
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
      automaticallyValidated: !contract.manualValidation && behaviour.manualValidationMs === 0,
      ...(contract.manualValidation ? { manualValidation: 'pending' as const } : {}),
      pendingPolls: behaviour.pendingPolls,
      deliverableFrom: new Date(now.getTime() + behaviour.manualValidationMs).toISOString(),
      ...(active ? { replaces: active.publicKeyIdentifier } : {}),
      etk: { status: 'NOT_REQUESTED' },
    };
    context.state.useContract(digest);
    context.state.addCertificate(record);
    context.state.save();
    return [
      node(P, 'PublicKeyIdentifier', publicKeyIdentifier),
      node(P, 'AutomaticallyValidated', String(record.automaticallyValidated)),
      active && node(P, 'ReplacesCertificate', active.publicKeyIdentifier),
    ];
  }),

  handler('GetCertificate', async ({ request, context, now }) => {
    const record = knownCertificate(context, keyIdentifierIn(request));
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
    // Leaf first, then the issuing CA; never the root (XSD annotation of GetCertificateResponse).
    return [certificate.raw, Buffer.from(context.ca.issuing.certificate.rawData)].map((der) => node(P, 'X509Certificate', der.toString('base64')));
  }),

  handler('GenerateRevocationContract', ({ request, context, now }) => {
    const record = knownCertificate(context, keyIdentifierIn(request));
    if (effectiveStatus(record, now) !== 'VALID_ACTIVE') throw new Refusal('NOT_REVOCABLE', 'Only a valid, active certificate can be revoked.');
    const signer = actorIn(single(request, P, 'Signer'));
    const named = contractSigner(signer);
    checkMayActFor(context, named.signerSsin, record.holder);
    const reason = revocationReasonIn(request);
    const contract = node(P, 'Contract', [node(C, 'DN', record.dn), actorNode(C, 'Signer', signer), node(C, 'RevocationReason', reason), contractText('revocation', record.dn, context.behaviour.hostileContract)]);
    return [
      issueContract(context, contract, {
        kind: 'revocation',
        dn: record.dn,
        ...named,
        holder: record.holder,
        publicKeyIdentifier: record.publicKeyIdentifier,
        reason,
        issuedAt: now.toISOString(),
      }),
    ];
  }),

  handler('Revoke', (exchange) => {
    const { request, context, now } = exchange;
    const publicKeyIdentifier = keyIdentifierIn(request);
    const { digest, contract } = receivedContract(exchange, single(request, P, 'Contract'), 'revocation');
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
  handler('SubmitCSRForForeigner', async ({ request, context, now }) => {
    checkContactData(contactDataIn(single(request, P, 'ContactData')));
    const key = keyIdentifier((await verifiedCsr(binaryOf(request, P, 'CSR'))).publicKey.rawData);
    return [node(P, 'ValidationUrl', `${context.url}/sandbox/foreigner/${key}`), node(P, 'ExpirationDate', new Date(now.getTime() + 30 * DAY_MS).toISOString())];
  }),
];
