// eHealth's validator, by hand. A request for an organisation the signer is not known to manage
// (typed by hand in the official tool) waits IN_PROGRESS, AutomaticallyValidated false, until the
// validator approves it (then it is delivered at the next GetCertificate, and the signer may manage
// that organisation's certificates: revoke, renew) or rejects it (REFUSED). The sandbox takes the
// decision from POST /sandbox/behaviour, `{"approve": PublicKeyIdentifier}` or `{"reject": ...}`.
import type { SandboxState, CertificateRecord, Holder } from './state';

export const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The decisions in a behaviour change, and the behaviour fields left. */
export function decisionsIn(change: Record<string, unknown>): { decisions: [Decision, string][]; rest: Record<string, unknown> } {
  const rest = { ...change };
  const decisions: [Decision, string][] = [];
  for (const decision of DECISIONS) {
    if (!(decision in rest)) continue;
    const id = rest[decision];
    if (typeof id !== 'string' || !/^[0-9a-fA-F]+$/.test(id)) throw new Error(`${decision} must be the PublicKeyIdentifier (hex) of a request.`);
    decisions.push([decision, id]);
    delete rest[decision];
  }
  return { decisions, rest };
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
    record.manualValidation = 'rejected';
    record.status = 'REFUSED';
    delete record.csr;
  }
  state.save();
  return record;
}

/** Whether the validator approved a request of `ssin` for this organisation: eHealth then knows them as one who manages it. */
export function approvedFor(state: SandboxState, ssin: string, holder: Pick<Holder, 'type' | 'id'>): boolean {
  return state.certificates().some((record) => record.signerSsin === ssin && record.holder.type === holder.type && record.holder.id === holder.id && record.manualValidation === 'approved');
}
