// Values exchanged with the registration authority, named after the XSD types they mirror.
import type { CertificateSummary } from '../core/certificate';
import type { ContactData } from '../core/contactData';

/**
 * An identifier with its type (commons core IdType): the plain DN type, `SSIN` for a person,
 * `CBE`, `NIHII-HOSPITAL`, ... for an organization (XSD annotations; docs/PROTOCOL.md).
 */
export interface Identifier {
  type: string;
  value: string;
}

/**
 * commons core ActorType: a person (SSIN) or an organization. A person's first names are one
 * element holding the eID's `firstnames` verbatim: the authority compares them with the eID.
 */
export interface Actor {
  ids: Identifier[];
  firstNames: string[];
  name: string;
}

export interface LocalizedText {
  lang: string;
  value: string;
}

export interface CertificateIdentifier {
  actor: Actor;
  applicationId?: string;
}

export const REVOCATION_REASONS = ['keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/**
 * A contract as the authority wrote it. `texts` (HTML, French and Dutch) must be shown to the
 * signer; `xml` is the element as received, sent back unchanged in the signed request.
 */
export interface Contract {
  dn: string;
  signer: Actor;
  texts: LocalizedText[];
  xml: string;
}

export interface RevocationContract extends Contract {
  reason: RevocationReason;
}

/** Where the authority's record of a certificate stands (AuthenticationCertificateStatus); a keystore's own status is src/keystore's. */
export const AUTHORITY_CERTIFICATE_STATUSES = ['IN_PROGRESS', 'VALID_ACTIVE', 'REFUSED', 'REVOKED', 'EXPIRED'] as const;
export type AuthorityCertificateStatus = (typeof AUTHORITY_CERTIFICATE_STATUSES)[number];

export const ETK_STATUSES = ['NOT_REQUESTED', 'IN_REQUEST', 'WAIT_FOR_ACTIVATION', 'VALID_ACTIVE', 'REVOKED', 'EXPIRED'] as const;
export type EtkStatus = (typeof ETK_STATUSES)[number];

/** What the authority knows of one authentication certificate and its ETK. */
export interface CertificateInfo {
  requestedDate: Date;
  publicKeyIdentifier: string;
  entityType?: 'NaturalPerson' | 'Organization';
  certificate: CertificateIdentifier;
  status: AuthorityCertificateStatus;
  etkStatus: EtkStatus;
  automaticallyValidated: boolean;
  /** AuthenticationCertificateDetails, once delivered: DN and IssuerDN as the authority writes them. */
  details?: CertificateSummary;
  revocable: boolean;
  replaceable: boolean;
  replacementPeriodStartDate?: Date;
  contactData: ContactData;
  baseServiceUsage: string[];
}

export interface Organization {
  names: LocalizedText[];
  identifier: Identifier;
}

export interface ActorQualities {
  naturalPerson: boolean;
  organizations: Organization[];
}

/** An organization type accepted by the authority, with its validation rules. */
export interface OrganizationType {
  names: LocalizedText[];
  identifierType: string;
  validationRegEx?: string;
  checkDigitAlgorithms: string[];
  availableBaseServices: string[];
}

export interface CertificateRequested {
  publicKeyIdentifier: string;
  automaticallyValidated: boolean;
  replacesCertificate?: string;
}

export interface ForeignerCsrSubmitted {
  validationUrl: string;
  expirationDate: Date;
}

/** CompleteETKRegistration's answer; both fields are optional in the XSD and may be absent. */
export interface EtkRegistered {
  /** The encryption token, as encoded by the authority (CMS SignedData). */
  etk?: Buffer;
  /** A replacement ETK that must be activated with ActivateETK. */
  toBeActivated?: boolean;
}

/** EtkDepot search key: Type (SSIN, CBE, ...), Value, optional ApplicationID. */
export interface EtkIdentifier {
  type: string;
  value: string;
  applicationId?: string;
}

export type EtkLookup =
  | { kind: 'etk'; etk: Buffer }
  | { kind: 'ambiguous'; matches: EtkIdentifier[][] }
  | { kind: 'none' };
