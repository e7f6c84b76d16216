// The engine conditions guide steps show live: each check reads the facts the faces gathered
// (keystores on disk, opened keystores, the eID status, what eHealth said, what procedures did in
// this session, the environment setting, the sandbox) and passes, fails, waits for the keystore to
// be unlocked ('locked': the view offers to unlock it), or cannot tell yet (the eID not read yet).
import { isProblem, type EidStatus } from '../eid/status';
import { sameHolder, type Holder } from '../core/holder';
import type { Keystore, KeystoreFile } from '../keystore/model';
import type { Environment } from '../core/environment';
import { keystoreEnvironments } from '../procedures/environment';
import type { AuthorityCertificate } from '../procedures/list';
import type { CheckId } from './allowList';
import type { StepStatus } from './checklistProtocol';

export type CheckState = 'pass' | 'fail' | 'locked' | 'unknown';

/** A certificate revoked: in this session, or REVOKED at eHealth. */
export interface Revoked {
  holder: Holder;
  /** The local keystore holding its key, when known. */
  keystore?: string;
  /** When it was requested (ISO 8601): a keystore made before then cannot be its replacement. */
  requestedAt?: string;
  publicKeyIdentifier?: string;
  /** When it was revoked, for a revocation of this session (ISO 8601). */
  revokedAt?: string;
}

export interface CheckFacts {
  /** The environment the guide is followed in: only its keystores count. */
  environment: Environment;
  /** Every keystore file found in the keystore folders. */
  keystores: readonly KeystoreFile[];
  /** Keystores the user opened, by file. */
  opened: ReadonlyMap<string, Keystore>;
  /** The holder the guide is followed for; any holder when undefined. */
  holder?: Holder;
  eid?: EidStatus;
  /** Whether the depot publishes the ETK of the followed keystore; undefined until asked. */
  etkPublished?: boolean;
  sandboxRunning?: boolean;
  /** Whether the user chose the environment (the setting is set, not left to its default). */
  environmentChosen?: boolean;
  /** What eHealth last said about the user's certificates in this environment; undefined when not asked. */
  authority?: readonly AuthorityCertificate[];
  /** Certificates revoked in this session (eHealth's REVOKED ones are read from `authority`). */
  revocations?: readonly Revoked[];
  /** Keystores whose certificate a procedure of this session installed. */
  delivered?: ReadonlySet<string>;
}

const created = (file: KeystoreFile) => (file.createdAt ? Date.parse(file.createdAt) : Number.NaN);

/** Made no later than the revoked certificate: it is that one, or one it replaced. */
function supersededBy(file: KeystoreFile, revoked: Revoked, facts: CheckFacts): boolean {
  if (!file.holder || !sameHolder(file.holder, revoked.holder)) return false;
  if (file.path === revoked.keystore) return true;
  const revokedFile = facts.keystores.find((candidate) => candidate.path === revoked.keystore);
  if (revokedFile && created(file) <= created(revokedFile)) return true;
  return revoked.requestedAt !== undefined && created(file) <= Date.parse(revoked.requestedAt);
}

/** Of the followed holder, or any holder when none is followed. */
const forHolder = (holder: Holder, facts: CheckFacts) => !facts.holder || sameHolder(holder, facts.holder);

/** Revoked in this session, or REVOKED at eHealth. */
function revokedCertificates(facts: CheckFacts): Revoked[] {
  const atAuthority = (facts.authority ?? [])
    .filter((certificate) => certificate.status === 'REVOKED')
    .map(({ holder, keystore, requestedAt }): Revoked => ({ holder, requestedAt, ...(keystore ? { keystore } : {}) }));
  return [...(facts.revocations ?? []), ...atAuthority];
}

/** Of the guide's environment, by the issuer once opened, else by the file's name: a sandbox keystore is no acceptance one. */
function ofEnvironment(file: KeystoreFile, facts: CheckFacts): boolean {
  const environment = facts.opened.get(file.path)?.environment ?? file.environment;
  return keystoreEnvironments(facts.environment).includes(environment);
}

/**
 * The keystore a guide follows: the newest of the holder (or of anyone) in the guide's environment,
 * not revoked and newer than any revoked certificate of its holder. After "revoke, then request
 * again", only the new one counts.
 */
export function followedKeystore(facts: CheckFacts): KeystoreFile | undefined {
  const revoked = revokedCertificates(facts);
  return facts.keystores
    .filter((file) => file.latest && file.holder && forHolder(file.holder, facts) && ofEnvironment(file, facts))
    .filter((file) => !revoked.some((certificate) => supersededBy(file, certificate, facts)))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
}

const known = (value: boolean | undefined): CheckState => (value === undefined ? 'unknown' : value ? 'pass' : 'fail');

/** The followed keystore, opened: a test of its content, 'locked' until the user unlocks it. */
function keystoreCheck(facts: CheckFacts, test: (keystore: Keystore) => boolean): CheckState {
  const file = followedKeystore(facts);
  if (!file) return 'fail';
  const opened = facts.opened.get(file.path);
  return opened && !opened.locked ? known(test(opened)) : 'locked';
}

function delivered(facts: CheckFacts): CheckState {
  const file = followedKeystore(facts);
  if (!file) return 'fail';
  if (facts.delivered?.has(file.path)) return 'pass';
  const atAuthority = facts.authority?.find((certificate) => certificate.keystore === file.path);
  if (atAuthority?.notBefore) return 'pass';
  return keystoreCheck(facts, (keystore) => keystore.status !== 'pending');
}

/**
 * The holder's certificate is revoked: eHealth's list, with this session's revocations applied, shows
 * the holder's last delivered certificate REVOKED (requests in progress aside). A certificate
 * requested after a revocation of this session is its replacement, not one left to revoke. Without
 * eHealth's list, a revocation of this session says so; otherwise it is unknown.
 */
function revoked(facts: CheckFacts): CheckState {
  const revocations = (facts.revocations ?? []).filter((entry) => forHolder(entry.holder, facts));
  if (!facts.authority) return revocations.length ? 'pass' : 'unknown';
  const revokedHere = new Set(revocations.map((entry) => entry.publicKeyIdentifier));
  const lastRevocation = revocations.map((entry) => entry.revokedAt ?? '').sort().pop();
  const last = facts.authority
    .filter((certificate) => forHolder(certificate.holder, facts) && certificate.status !== 'IN_PROGRESS' && certificate.status !== 'REFUSED')
    .filter((certificate) => !lastRevocation || certificate.requestedAt <= lastRevocation)
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0];
  return known(last !== undefined && (last.status === 'REVOKED' || revokedHere.has(last.publicKeyIdentifier)));
}

/** The depot's answer for the followed keystore's ETK; until it comes, what the keystore itself tells. */
function etkPublished(facts: CheckFacts): CheckState {
  if (facts.etkPublished !== undefined) return known(facts.etkPublished);
  const hasEtk = keystoreCheck(facts, (keystore) => keystore.entries.some((entry) => entry.kind === 'encryption'));
  return hasEtk === 'pass' ? 'unknown' : hasEtk;
}

export function evaluateCheck(id: CheckId, facts: CheckFacts): CheckState {
  const eid = facts.eid;
  const card = eid?.card && !isProblem(eid.card) ? eid.card : undefined;
  switch (id) {
    case 'eid.middleware':
      return eid ? known(!isProblem(eid.middleware)) : 'unknown';
    case 'eid.reader':
      return eid ? known(eid.readers.length > 0) : 'unknown';
    case 'eid.card':
      return eid ? known(card !== undefined) : 'unknown';
    case 'eid.pin':
      return card ? known(card.pin.status !== 'locked') : eid ? 'fail' : 'unknown';
    case 'environment.chosen':
      return known(facts.environmentChosen);
    case 'keystore.found':
      return known(followedKeystore(facts) !== undefined);
    case 'keystore.unlocked':
      return keystoreCheck(facts, () => true);
    case 'keystore.complete':
      return keystoreCheck(facts, (keystore) => keystore.status !== 'incomplete' && keystore.status !== 'pending');
    case 'keystore.three-years':
      return keystoreCheck(facts, (keystore) => keystore.status !== 'pending' && !keystore.warnings.some((warning) => warning.code === 'validity-not-three-years'));
    case 'keystore.valid':
      return keystoreCheck(facts, (keystore) => keystore.status === 'valid' || keystore.status === 'renewable');
    case 'keystore.renewable':
      return keystoreCheck(facts, (keystore) => keystore.status === 'renewable');
    case 'certificate.delivered':
      return delivered(facts);
    case 'certificate.revoked':
      return revoked(facts);
    case 'etk.published':
      return etkPublished(facts);
    case 'sandbox.running':
      return known(facts.sandboxRunning);
  }
}

/** Verified only by the engine; a manual tick counts unless a check fails (it cannot hide a failure). */
export function stepStatus(checks: readonly CheckState[], ticked: boolean): StepStatus {
  if (checks.length > 0 && checks.every((state) => state === 'pass')) return 'verified';
  if (!ticked) return 'todo';
  return checks.includes('fail') ? 'failing' : 'manual';
}
