// Revoke a certificate: a reason, the revocation contract shown and accepted, Revoke signed with the
// eID Signature key. The keystore file is left as it is (the user decides what to do with it).
import { generateRevocationContract, revoke } from '../ra/certra';
import { REVOCATION_REASONS, type RevocationReason } from '../ra/model';
import type { ProcedureContext } from './context';
import { contractToAccept } from './contractHtml';
import { noticeIfUnconfirmedKey } from './ecEid';
import { eidOf, eidSigner, eidUser } from './eid';
import { confirmIfProduction } from './environment';
import { answered, ProcedureError } from './errors';
import { openWithPassword } from './open';

export async function revokeCertificate(context: ProcedureContext, file: string): Promise<{ keystore: string; publicKeyIdentifier: string; reason: RevocationReason }> {
  const { client, prompter } = context;
  await confirmIfProduction(context.environment, prompter, 'revoke');
  const { opened } = await openWithPassword(context, file, 'etk', 'complete');
  const reason = answered(await prompter.revocationReason(REVOCATION_REASONS));
  const eid = eidOf(context);
  const user = await eidUser(eid);
  const signer = await eidSigner(eid, 'signature');
  // Before the contract and the PIN that signs Revoke.
  noticeIfUnconfirmedKey(context, 'revoke', signer);
  const { publicKeyIdentifier } = opened;
  prompter.progress({ step: 'asking-authority', operation: generateRevocationContract.name });
  const contract = await client.call(generateRevocationContract, { publicKeyIdentifier, signer: user.actor, reason });
  if (!(await prompter.acceptContract(contractToAccept('revocation', context.environment, contract)))) throw new ProcedureError('contract-declined');
  prompter.progress({ step: 'asking-authority', operation: revoke.name });
  await client.call(revoke, { publicKeyIdentifier, contract }, signer);
  prompter.progress({ step: 'revoked', publicKeyIdentifier });
  return { keystore: file, publicKeyIdentifier, reason };
}
