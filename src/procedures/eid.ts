// The eID as the procedures use it: who the user is (an Actor for the authority) and its keys as
// Signers for the registration client (XML-DSig wants raw r||s for EC cards).
import { SSIN_TYPE } from '../core/holder';
import type { KeyUse } from '../eid';
import type { Actor } from '../ra/model';
import type { Signer } from '../core/signer';
import type { EidAccess, ProcedureContext } from './context';

export interface EidUser {
  ssin: string;
  actor: Actor;
}

export function eidOf(context: ProcedureContext): EidAccess {
  if (!context.eid) throw new RangeError('This procedure signs with the eID: the context needs one.');
  return context.eid;
}

export async function eidUser(eid: EidAccess): Promise<EidUser> {
  const identity = await eid.engine.identity();
  const ssin = identity.nationalNumber;
  // The names exactly as on the eID (the authority compares them): one FirstName, not one per name.
  const firstNames = identity.firstNames ? [identity.firstNames] : [];
  return { ssin, actor: { ids: [{ type: SSIN_TYPE, value: ssin }], firstNames, name: identity.surname } };
}

export async function eidSigner(eid: EidAccess, key: KeyUse): Promise<Signer> {
  return eid.engine.signer(key, eid.prompter, 'ieee-p1363');
}
