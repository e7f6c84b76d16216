// Renew: only in the replacement window the authority announces (Replaceable), a new request for
// the same holder and DN with a new key in a new keystore file; the old file stays as it is.
import * as path from 'node:path';
import { getCertificateInfoForAuthenticationCertificate } from '../ra/certra';
import type { Environment } from '../core/environment';
import { environmentFromSuffix } from '../keystore/fileName';
import { newKeystoreFolder } from '../keystore/locate';
import type { CertificateInfo } from '../ra/model';
import type { ProcedureContext } from './context';
import { noticeIfUnconfirmedKey } from './ecEid';
import { eidOf, eidSigner, eidUser } from './eid';
import { confirmIfProduction } from './environment';
import { ProcedureError } from './errors';
import { authenticationSigner } from './etk';
import { openWithPassword } from './open';
import { submitRequest, type RequestResult } from './submit';

export async function renewCertificate(context: ProcedureContext, file: string): Promise<RequestResult> {
  await confirmIfProduction(context.environment, context.prompter, 'renew');
  const { opened } = await openWithPassword(context, file, 'etk', 'complete');
  context.prompter.progress({ step: 'asking-authority', operation: getCertificateInfoForAuthenticationCertificate.name });
  const info = await context.client.call(getCertificateInfoForAuthenticationCertificate, undefined, authenticationSigner(opened.content));
  if (!info.replaceable) throw renewalRefusal(info, context.now?.() ?? new Date());
  const eid = eidOf(context);
  const user = await eidUser(eid);
  // Before the contract, the new password and the PIN that signs GenerateCertificate.
  noticeIfUnconfirmedKey(context, 'renew', await eidSigner(eid, 'signature'));
  // Holder and contact data as eHealth knows them: the renewal asks the contract and the password only.
  return submitRequest(context, { user, folder: renewalFolder(file, context.environment), baseServiceUsage: info.baseServiceUsage }, { chosen: { holder: opened.holder, certificate: info.certificate }, contactData: info.contactData });
}

/**
 * Where the renewal is written: beside the old keystore, except for an older sandbox keystore named
 * as an acceptance one (`.acc-p12`, before sandbox keystores had their own suffix and folder), whose
 * renewal goes to the sandbox folder, never among the real keystores. The two are then not linked
 * as renewals in the listing: by their names they are of different environments, and a real
 * acceptance keystore must never be marked older because of a rehearsal (the old file's warning,
 * once unlocked, says to move it to the sandbox folder).
 */
export function renewalFolder(file: string, environment: Environment, home?: string): string {
  const misnamed = environment === 'sandbox' && environmentFromSuffix(path.basename(file)) === 'acceptance';
  return misnamed ? newKeystoreFolder('sandbox', home) : path.dirname(file);
}

/**
 * Why eHealth refuses the renewal: too early only while the certificate is active and its
 * replacement window opens later (the authority names a start even for a revoked certificate, or
 * one in the past); otherwise not replaceable, with the status.
 */
export function renewalRefusal(info: Pick<CertificateInfo, 'status' | 'replacementPeriodStartDate'>, now: Date): ProcedureError {
  const opens = info.replacementPeriodStartDate;
  // The moment itself: a face writes its day on the user's clock, as the certificates view does.
  if (info.status === 'VALID_ACTIVE' && opens && opens.getTime() > now.getTime()) return new ProcedureError('renewal-not-open-yet', { from: opens.toISOString() });
  return new ProcedureError('not-replaceable', { status: info.status });
}
