// The keystore domain model shared by every face: the tree view, the CLI's JSON and the guide checks.
import type { CertificateSummary, CertificateValidity } from '../core/certificate';
import type { Environment } from '../core/environment';
import type { Holder } from '../core/holder';
import { KeystoreError } from './errors';

/** Where a keystore's certificate is valid; `unknown` when neither its name nor its issuer says. */
export type KeystoreEnvironment = Environment | 'unknown';

/** Something odd about a keystore file, as a code the faces translate (see src/i18n). */
export interface FileProblem {
  code:
    | 'unconventional-name'
    | 'unknown-holder-type'
    | 'invalid-date'
    | 'unreadable'
    | 'permission-denied'
    | 'symlink-loop'
    | 'empty'
    | 'too-large'
    | 'not-a-file'
    | 'duplicate';
  params?: Record<string, string | number>;
}

/** A keystore file found on disk, known from its name and metadata only (no password needed). */
export interface KeystoreFile {
  path: string;
  fileName: string;
  /** From the file name, when it follows the eHealth convention. */
  holder?: Holder;
  /** Creation time written in the file name (local time of the machine that made it), ISO 8601 without zone. */
  createdAt?: string;
  /** From the suffix: `.acc-p12` is acceptance, `.p12` production, `.sandbox-p12` the sandbox (the issuer has the last word once opened). */
  environment: KeystoreEnvironment;
  sizeBytes?: number;
  modifiedAt?: string;
  /** False for an older keystore of a holder who has a newer one in the same environment. */
  latest: boolean;
  /** Path of the next newer keystore of the same holder and environment (this one was renewed). */
  renewedBy?: string;
  /** Path of the next older keystore of the same holder and environment (this one is its renewal). */
  renewalOf?: string;
  /** SHA-256 of the content, hex: byte-identical copies share it. */
  sha256?: string;
  problems: FileProblem[];
}

/** `sandbox`: the folder of keystores made with the local sandbox (rehearsals, never real ones). */
export type FolderOrigin = 'default' | 'configured' | 'sandbox' | 'argument';

export interface KeystoreFolder {
  path: string;
  origin: FolderOrigin;
  state: 'ok' | 'missing' | 'unreadable';
  reason?: string;
  /** Grouped by holder, newest first within a holder; unconventional names last. */
  keystores: KeystoreFile[];
}

export interface KeystoreListing {
  folders: KeystoreFolder[];
}

// ---- An opened keystore (inspect) ----

/**
 * The state of a keystore's authentication certificate at the evaluation date: its validity, `valid`
 * told apart from `renewable` (in the renewal window); `incomplete` when not usable with eHealth as
 * it is; `pending` while the new key waits under its placeholder certificate for eHealth's delivery
 * (whatever the date). eHealth's own view of the certificate is the authority's status (src/ra).
 */
export type KeystoreStatus = CertificateValidity | 'renewable' | 'incomplete' | 'pending';

/** The holder as eHealth names it, plus the name shown in the certificate (organisations and people). */
export interface KeystoreHolder extends Holder {
  name?: string;
  /** `certificate` once opened; `file-name` while locked or when the certificate says nothing. */
  source: 'certificate' | 'file-name';
}

export interface KeyDescription {
  type: 'rsa' | 'ec' | 'other';
  bits?: number;
  curve?: string;
}

/** A certificate stored in a keystore, with what the details view and export need. */
export interface KeystoreCertificate extends CertificateSummary {
  serialNumberHex: string;
  key: KeyDescription;
  keyUsage: string[];
  /** Extended key usage purposes (clientAuth, emailProtection, ...; the OID when unnamed); empty without the extension. */
  extendedKeyUsage: string[];
  subjectKeyIdentifier?: string;
  /** Base64 DER, for export. */
  der: string;
}

export type EntryKind = 'authentication' | 'encryption' | 'certificate' | 'key-only';

interface EntryBase {
  alias: string;
  kind: EntryKind;
  certificate: KeystoreCertificate;
  /** The certificates above this entry's certificate, nearest first (key entries only). */
  chain: KeystoreCertificate[];
}

/** The eHealth authentication key (alias `authentication`) with its certificate and issuing CA. */
export interface AuthenticationEntry extends EntryBase {
  kind: 'authentication';
}

/** An ETK decryption key (alias = the decimal serial of its self-issued certificate). */
export interface EncryptionEntry extends EntryBase {
  kind: 'encryption';
}

/** A certificate stored without a key (issuing CA, own certificate). */
export interface CertificateEntry extends EntryBase {
  kind: 'certificate';
}

/** A private key stored without its certificate (`openssl pkcs12 -export -nocerts`): unusable until the certificate is added. */
export interface KeyOnlyEntry {
  alias: string;
  kind: 'key-only';
  /** Read from the decrypted key. */
  key: KeyDescription;
}

/** An entry with its certificate: every kind but a key stored alone. */
export type CertifiedEntry = AuthenticationEntry | EncryptionEntry | CertificateEntry;

export type KeystoreEntry = CertifiedEntry | KeyOnlyEntry;

/** An entry, for what needs its certificate (export): a key stored alone is refused. */
export function certifiedEntry(entry: KeystoreEntry): CertifiedEntry {
  if (entry.kind === 'key-only') throw new KeystoreError('entry-without-certificate', `alias ${entry.alias}`, { alias: entry.alias });
  return entry;
}

/**
 * The ETK in use: the newest by its start of validity (a keystore keeps the earlier ones, to read
 * what was encrypted to them). Undefined when the keystore holds none (or is locked).
 */
export function newestEtk(entries: readonly KeystoreEntry[]): EncryptionEntry | undefined {
  return entries
    .filter((entry): entry is EncryptionEntry => entry.kind === 'encryption')
    .sort((a, b) => Date.parse(a.certificate.notBefore) - Date.parse(b.certificate.notBefore))
    .pop();
}

/** The consistency checks of an opened keystore; `unchecked` where the private keys were not decrypted. */
export interface KeystoreCheck {
  code: 'key-matches-certificate' | 'chain-order' | 'etk-issued-by-authentication';
  alias: string;
  result: 'ok' | 'failed' | 'unchecked';
}

/** Why a keystore is `incomplete`, or something else worth a warning. */
export interface KeystoreWarning {
  code:
    | 'environment-mismatch'
    /** Issued by the local sandbox, named as a real keystore (`.acc-p12`, `.p12`): to move to the sandbox folder. */
    | 'sandbox-named-as-real'
    | 'no-authentication-key'
    | 'no-encryption-key'
    | 'issuer-not-ehealth'
    | 'validity-not-three-years'
    /** A private key stored without its certificate (`params.alias`): a `key-only` entry. */
    | 'key-without-certificate'
    | 'password-needed';
  params?: Record<string, string | number>;
}

export interface BagProtection {
  algorithm: string;
  iterations: number;
}

export interface Protection {
  macAlgorithm?: string;
  macIterations?: number;
  bags: BagProtection[];
}

export interface Keystore {
  file?: string;
  /** From the issuer once opened (the suffix while locked). */
  environment: KeystoreEnvironment;
  holder?: KeystoreHolder;
  /** Undefined while locked. */
  status?: KeystoreStatus;
  /** Evaluation date of `status`, ISO 8601. */
  evaluatedAt: string;
  locked: boolean;
  /** Aliases of key entries, readable without the password. */
  keyAliases: string[];
  entries: KeystoreEntry[];
  checks: KeystoreCheck[];
  warnings: KeystoreWarning[];
  protection: Protection;
}
