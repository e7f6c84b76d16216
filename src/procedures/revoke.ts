// Revoke a certificate: a reason, the revocation contract shown and accepted, Revoke signed with the
// eID Signature key. The certificate is named by its keystore (opened with its password), or by its
// PublicKeyIdentifier alone (from `listCertificates`): a user who lost the file or its password
// revokes with the eID only. A keystore file is left as it is (the user decides what to do with it).
import { generateRevocationContract, revoke } from '../ra/certra';
import { REVOCATION_REASONS, type RevocationReason } from '../ra/model';
import type { ProcedureContext } from './context';
import { contractToAccept } from './contractHtml';
import { noticeIfUnconfirmedKey } from './ecEid';
import { eidOf, eidSigner, eidUser } from './eid';
import { confirmIfProduction } from './environment';
import { answered, ProcedureError } from './errors';
import { openWithPassword } from './open';

/** The certificate to revoke: the one in a keystore, or one named by its PublicKeyIdentifier. */
export type RevocationTarget = { keystore: string } | { publicKeyIdentifier: string };

export interface RevocationResult {
  /** When the certificate was named by its keystore. */
  keystore?: string;
  publicKeyIdentifier: string;
  reason: RevocationReason;
}

/**
 * eHealth's PublicKeyIdentifier: SHA-1, 40 hexadecimal digits (read case-insensitively, sent in lower
 * case). Exported for the faces that must refuse a mistyped one before they even read the eID.
 */
export function checkedPublicKeyIdentifier(text: string): string {
  const identifier = text.trim().toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(identifier)) throw new ProcedureError('invalid-public-key-id', { publicKeyIdentifier: text });
  return identifier;
}

export async function revokeCertificate(context: ProcedureContext, target: RevocationTarget): Promise<RevocationResult> {
  const { client, prompter } = context;
  // Checked before anything is asked: a mistyped identifier must not cost a PIN.
  const named = 'publicKeyIdentifier' in target ? checkedPublicKeyIdentifier(target.publicKeyIdentifier) : undefined;
  await confirmIfProduction(context.environment, prompter, 'revoke');
  const publicKeyIdentifier = 'keystore' in target ? (await openWithPassword(context, target.keystore, 'etk', 'complete')).opened.publicKeyIdentifier : named!;
  const reason = answered(await prompter.revocationReason(REVOCATION_REASONS));
  const eid = eidOf(context);
  const user = await eidUser(eid);
  const signer = await eidSigner(eid, 'signature');
  // Before the contract and the PIN that signs Revoke.
  noticeIfUnconfirmedKey(context, 'revoke', signer);
  prompter.progress({ step: 'asking-authority', operation: generateRevocationContract.name });
  const contract = await client.call(generateRevocationContract, { publicKeyIdentifier, signer: user.actor, reason });
  // Only an explicit yes: BACK (no step before this one) declines too.
  if ((await prompter.acceptContract(contractToAccept('revocation', context.environment, contract))) !== true) throw new ProcedureError('contract-declined');
  prompter.progress({ step: 'asking-authority', operation: revoke.name });
  await client.call(revoke, { publicKeyIdentifier, contract }, signer);
  prompter.progress({ step: 'revoked', publicKeyIdentifier });
  return { ...('keystore' in target ? { keystore: target.keystore } : {}), publicKeyIdentifier, reason };
}
