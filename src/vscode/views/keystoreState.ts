// The state a keystore item carries in the Keystores view (its contextValue), read by the `when`
// clauses of package.json's view/item/context menus so that the menu offers only what applies:
//
//   keystore.problem                     Copy identifier, Reveal: the file cannot be read (unreadable,
//                                        permission denied, a symlink loop, empty, too large, not a file).
//                                        An unusual name, an unknown holder type, an invalid date or a
//                                        duplicate copy open fine: locked, with their warning.
//   keystore.locked[.renewal][.older]    Unlock, Details, Status, Change password, Copy identifier, Reveal.
//                                        The lifecycle actions wait for the unlock: a file name tells the
//                                        holder and environment, not whether the keystore waits for
//                                        eHealth, may be renewed or has expired (unlocking is one click).
//   keystore.unlocked.pending            Complete (Complete renewal when `.renewal`), Status.
//   keystore.unlocked.valid              Revoke, Status (+ Activate ETK when `.renewal`).
//   keystore.unlocked.not-yet-valid      Revoke, Status (+ Activate ETK when `.renewal`).
//   keystore.unlocked.renewable          Renew (not when `.older`: a newer keystore exists), Revoke, Status
//                                        (+ Activate ETK when `.renewal`).
//   keystore.unlocked.expired            Status: an expired certificate is requested again, not renewed.
//   keystore.unlocked.incomplete         Status: what is missing is in its tooltip.
//   keystore.{locked,unlocked}.revoked   Status: eHealth (or this session) revoked it.
// Every unlocked keystore also offers Details, Lock, Change password, Copy identifier and Reveal.
// `.renewal`: a newer keystore of a holder who had one (a renewal, whose ETK may need activating),
// until eHealth's list says its ETK is active. Once the "Certificates at eHealth" list is loaded,
// its answers win over the dates: renewable only when eHealth says replaceable.
// `.older`: a newer keystore of the same holder exists (this one was renewed), in any folder.
import { isRenewed } from '../../keystore/locate';
import type { FileProblem, Keystore, KeystoreFile } from '../../keystore/model';
import type { AuthorityCertificate } from '../../procedures';

/** The problems that keep a file from being opened at all; the others are warnings on a keystore that opens. */
const unopenableProblems: ReadonlySet<FileProblem['code']> = new Set(['unreadable', 'permission-denied', 'symlink-loop', 'empty', 'too-large', 'not-a-file']);

export function isUnopenable(file: KeystoreFile): boolean {
  return file.problems.some((problem) => unopenableProblems.has(problem.code));
}

/** What eHealth says of a keystore's certificate: revoked (there, or in this session), and its line in the loaded list. */
export interface AuthorityAnswers {
  revoked: boolean;
  listed?: Pick<AuthorityCertificate, 'replaceable' | 'etkStatus'>;
}

export function keystoreContextValue(file: KeystoreFile, keystore: Keystore | undefined, answers: AuthorityAnswers = { revoked: false }): string {
  if (isUnopenable(file) && !keystore) return 'keystore.problem';
  const lock = keystore ? 'unlocked' : 'locked';
  const { listed } = answers;
  const dated = keystore?.status;
  const state = answers.revoked ? 'revoked' : listed && (dated === 'valid' || dated === 'renewable') ? (listed.replaceable ? 'renewable' : 'valid') : dated;
  const renewal = file.renewalOf && listed?.etkStatus !== 'VALID_ACTIVE';
  return ['keystore', lock, state, renewal && 'renewal', isRenewed(file) && 'older'].filter(Boolean).join('.');
}

/** eHealth's answers for the keystore at `file`: the session's revocations, and the list when loaded. */
export function authorityAnswers(file: string, revocations: ReadonlyArray<{ keystore?: string }>, listed: readonly AuthorityCertificate[] = []): AuthorityAnswers {
  const line = listed.find((certificate) => certificate.keystore === file);
  return { revoked: isRevoked(file, revocations, listed), ...(line ? { listed: line } : {}) };
}

/** Whether the keystore at `file` holds a revoked certificate: revoked in this session, or listed REVOKED by eHealth. */
export function isRevoked(file: string, revocations: ReadonlyArray<{ keystore?: string }>, listed: readonly AuthorityCertificate[] = []): boolean {
  return revocations.some((revocation) => revocation.keystore === file) || listed.some((certificate) => certificate.keystore === file && certificate.status === 'REVOKED');
}
