// Where a keystore's request stands: from the file alone, plus, once a certificate is installed,
// what the authority knows of it (signed with its own key). Changes nothing anywhere.
import type { Holder } from '../core/holder';
import { getCertificateInfoForAuthenticationCertificate } from '../ra/certra';
import type { CertificateInfo } from '../ra/model';
import type { ProcedureContext } from './context';
import { authenticationSigner } from './etk';
import type { Stage } from './keystoreFile';
import { openWithPassword } from './open';

export interface StatusResult {
  keystore: string;
  stage: Stage;
  holder: Holder;
  /** Absent while pending: the placeholder certificate names no one. */
  dn?: string;
  publicKeyIdentifier: string;
  /** Absent while pending: no certificate to sign the question with yet. */
  authority?: CertificateInfo;
}

export async function certificateStatus(context: ProcedureContext, file: string): Promise<StatusResult> {
  const { opened } = await openWithPassword(context, file);
  const { stage, holder, dn, publicKeyIdentifier } = opened;
  const result: StatusResult = { keystore: file, stage, holder, dn, publicKeyIdentifier };
  if (stage === 'pending') return result;
  context.prompter.progress({ step: 'asking-authority', operation: getCertificateInfoForAuthenticationCertificate.name });
  return { ...result, authority: await context.client.call(getCertificateInfoForAuthenticationCertificate, undefined, authenticationSigner(opened.content)) };
}
