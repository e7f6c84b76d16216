// What the sandbox remembers between runs, in `DATA/state.json` (rewritten atomically after each
// change), so that a request made today can be completed tomorrow.
import { join } from 'node:path';
import { readTextIfExists, writeFileAtomic } from './store';

/** certra core CertificateStatusType and ETKStatusType, RevocationReasonType (XSD enumerations). */
export type CertificateStatus = 'IN_PROGRESS' | 'VALID_ACTIVE' | 'REFUSED' | 'REVOKED' | 'EXPIRED';
export type EtkStatus = 'NOT_REQUESTED' | 'IN_REQUEST' | 'WAIT_FOR_ACTIVATION' | 'VALID_ACTIVE' | 'REVOKED' | 'EXPIRED';
export const REVOCATION_REASONS = ['keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** certra core ContactDataType. */
export interface ContactData {
  emailPrivate: string;
  emailGeneral?: string;
  phonePrivate: string;
  phoneGeneral?: string;
}

/** Whom a certificate is for, as in its DN: `SSIN=79021802145`, `CBE=0123456749, GATEWAY`. */
export interface Holder {
  type: string;
  id: string;
  applicationId?: string;
  /** The DN's NAME: upper case, without accents. */
  name: string;
  /** The Actor as written in the contract (Id Type and names), echoed in CertificateInfo. */
  actor: { idType: string; firstNames: string[]; name: string };
}

/** Where a request for eHealth's validator stands; a rejected one is just REFUSED. */
export type ManualValidation = 'pending' | 'approved';

export interface EtkRecord {
  status: EtkStatus;
  /** Hex serial of the pending challenge, and the public encryption key it was made for (base64 SPKI). */
  challengeSerial?: string;
  encryptionKey?: string;
  /** The registered ETK certificate and the token published in the depot (base64 DER, CMS). */
  certificate?: string;
  token?: string;
}

export interface CertificateRecord {
  publicKeyIdentifier: string;
  requestedAt: string;
  holder: Holder;
  dn: string;
  signerSsin: string;
  contactData: ContactData;
  baseServiceUsage: string[];
  /** base64 DER PKCS#10, kept until the certificate is issued. */
  csr?: string;
  status: CertificateStatus;
  automaticallyValidated: boolean;
  pendingPolls: number;
  deliverableFrom: string;
  /**
   * A request for an organisation the signer is not known to manage: eHealth's validator decides by
   * hand (POST /sandbox/behaviour {"approve"|"reject": PublicKeyIdentifier}); nothing is delivered before.
   */
  manualValidation?: ManualValidation;
  /** base64 DER, once issued. */
  certificate?: string;
  replaces?: string;
  etk: EtkRecord;
}

/** A contract handed out and not used yet; it must come back unchanged (same digest). */
export interface ContractRecord {
  kind: 'request' | 'revocation';
  dn: string;
  signerSsin: string;
  /** The Signer's names as the contract states them (FirstName verbatim, Name). */
  signerNames: { firstNames: string; surname: string };
  holder: Holder;
  publicKeyIdentifier?: string;
  reason?: RevocationReason;
  /** A request contract for an organisation the signer is not known to manage: the request goes to manual validation. */
  manualValidation?: true;
  issuedAt: string;
}

interface StateFile {
  certificates: Record<string, CertificateRecord>;
  contracts: Record<string, ContractRecord>;
}

export class SandboxState {
  private constructor(
    private readonly file: string,
    private readonly data: StateFile,
  ) {}

  static open(folder: string): SandboxState {
    const file = join(folder, 'state.json');
    const text = readTextIfExists(file);
    return new SandboxState(file, text ? (JSON.parse(text) as StateFile) : { certificates: {}, contracts: {} });
  }

  certificate(publicKeyIdentifier: string): CertificateRecord | undefined {
    return this.data.certificates[publicKeyIdentifier.toLowerCase()];
  }

  certificates(): CertificateRecord[] {
    return Object.values(this.data.certificates);
  }

  addCertificate(record: CertificateRecord): void {
    this.data.certificates[record.publicKeyIdentifier] = record;
  }

  contract(digest: string): ContractRecord | undefined {
    return this.data.contracts[digest];
  }

  addContract(digest: string, record: ContractRecord): void {
    this.data.contracts[digest] = record;
  }

  /** Contracts serve once. */
  useContract(digest: string): void {
    delete this.data.contracts[digest];
  }

  save(): void {
    writeFileAtomic(this.file, JSON.stringify(this.data, null, 2));
  }
}

/** One holder, one key: type, id and application id (none reads as empty). */
export const holderKey = (holder: Pick<Holder, 'type' | 'id' | 'applicationId'>) => JSON.stringify([holder.type, holder.id, holder.applicationId ?? '']);
export const sameHolder = (a: Holder, b: Holder) => holderKey(a) === holderKey(b);
