// eHealth's validator, by hand. A request for an organisation the signer is not known to manage
// (typed by hand in the official tool) waits IN_PROGRESS, AutomaticallyValidated false, until the
// validator approves it (then it is delivered at the next GetCertificate, and the signer may manage
// that organisation's certificates: revoke, renew) or rejects it (REFUSED). The sandbox takes the
// decision from POST /sandbox/behaviour, `{"approve": PublicKeyIdentifier}` or `{"reject": ...}`.
import type { SandboxState, CertificateRecord, Holder } from './state';

const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The decision in a behaviour change, if any, and the behaviour fields left. One at most: a change is taken whole or not at all. */
export function decisionIn(change: Record<string, unknown>): { decision?: [Decision, string]; rest: Record<string, unknown> } {
  const asked = DECISIONS.filter((decision) => decision in change);
  if (asked.length > 1) throw new Error(`Send one decision at a time: ${asked.join(' or ')}.`);
  if (!asked.length) return { rest: change };
  const [decision] = asked;
  const { [decision]: id, ...rest } = change;
  if (typeof id !== 'string' || !/^[0-9a-fA-F]+$/.test(id)) throw new Error(`${decision} must be the PublicKeyIdentifier (hex) of a request.`);
  return { decision: [decision, id], rest };
}

/** The validator's decision on a request awaiting it; the record as it now stands. */
export function decide(state: SandboxState, publicKeyIdentifier: string, decision: Decision, now: Date): CertificateRecord {
  const record = state.certificate(publicKeyIdentifier);
  if (!record) throw new Error(`No certificate request has the public key identifier ${publicKeyIdentifier}.`);
  if (record.manualValidation !== 'pending' || record.status !== 'IN_PROGRESS') throw new Error(`The request ${publicKeyIdentifier} does not await manual validation.`);
  if (decision === 'approve') {
    record.manualValidation = 'approved';
    record.deliverableFrom = now.toISOString();
  } else {
    delete record.manualValidation;
    record.status = 'REFUSED';
    delete record.csr;
  }
  state.save();
  return record;
}

/** The organisations the validator approved a request of `ssin` for: eHealth then lets them manage those certificates (revoke, renew). */
export function approvedOrganizations(state: SandboxState, ssin: string): Pick<Holder, 'type' | 'id'>[] {
  return state.certificates().filter((record) => record.signerSsin === ssin && record.manualValidation === 'approved').map(({ holder }) => holder);
}
