// The part a new request and a renewal share: contract shown and accepted, keystore password, new
// key + CSR + keystore file created before anything is sent, GenerateCertificate signed with the
// eID Signature key. If the request surely did not go through, the new file is removed again; if
// it may have reached the authority, the file (the only copy of the key) is kept and the user told.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ContactData } from '../core/contactData';
import type { Holder } from '../core/holder';
import { checkNewPassword, type PasswordRule } from '../keystore/passwordPolicy';
import { generateCertificate, generateContract } from '../ra/certra';
import { requestMayHaveArrived } from '../ra/errors';
import type { CertificateIdentifier } from '../ra/model';
import { certificateRequest, newKeyPair, placeholderCertificate } from '../pki/certificates';
import { checkContactData } from './contactData';
import { contractToAccept } from './contractHtml';
import type { ProcedureContext } from './context';
import { eidOf, eidSigner, type EidUser } from './eid';
import { answered, ProcedureError } from './errors';
import { createKeystoreFile, keystoreFileName } from './keystoreFile';

export const PASSWORD_RULES: readonly PasswordRule[] = ['min-length', 'digit-or-symbol', 'ascii-only', 'confirmation'];

export interface Submission {
  user: EidUser;
  certificate: CertificateIdentifier;
  holder: Holder;
  contactData: ContactData;
  /** Where the new keystore file goes. */
  folder: string;
  baseServiceUsage?: string[];
}

export interface RequestResult {
  keystore: string;
  holder: Holder;
  dn: string;
  publicKeyIdentifier: string;
  automaticallyValidated: boolean;
  /** For a renewal: the certificate this one replaces. */
  replacesCertificate?: string;
}

export async function submitRequest(context: ProcedureContext, submission: Submission): Promise<RequestResult> {
  const { client, prompter } = context;
  const eid = eidOf(context);
  const contactData = checkContactData(submission.contactData);
  prompter.progress({ step: 'asking-authority', operation: generateContract.name });
  const contract = await client.call(generateContract, { contactData, signer: submission.user.actor, certificate: submission.certificate });
  if (!(await prompter.acceptContract(contractToAccept('request', context.environment, contract)))) throw new ProcedureError('contract-declined');
  const password = checkNewPassword(answered(await prompter.newKeystorePassword(PASSWORD_RULES)));

  const now = context.now?.() ?? new Date();
  const { privateKey } = newKeyPair();
  const csr = await certificateRequest(contract.dn, privateKey);
  const placeholder = placeholderCertificate(privateKey, now);
  const nameAt = (attempt: number) => path.join(submission.folder, keystoreFileName(submission.holder, context.environment, new Date(now.getTime() + attempt * 1000)));
  const file = await createKeystoreFile(nameAt, { authentication: { privateKey, chain: [placeholder] }, encryption: [] }, password, context.keystore ?? {});
  prompter.progress({ step: 'keystore-created', file });
  try {
    const signer = await eidSigner(eid, 'signature');
    prompter.progress({ step: 'asking-authority', operation: generateCertificate.name });
    const requested = await client.call(generateCertificate, { contactData, csr, contract, ...(submission.baseServiceUsage ? { baseServiceUsage: submission.baseServiceUsage } : {}) }, signer);
    prompter.progress({ step: 'request-sent', publicKeyIdentifier: requested.publicKeyIdentifier });
    return {
      keystore: file,
      holder: submission.holder,
      dn: contract.dn,
      publicKeyIdentifier: requested.publicKeyIdentifier,
      automaticallyValidated: requested.automaticallyValidated,
      ...(requested.replacesCertificate ? { replacesCertificate: requested.replacesCertificate } : {}),
    };
  } catch (error) {
    // The authority may hold a request for this key: deleting it would leave a certificate nobody
    // can use. Completing later tells which way it went.
    if (requestMayHaveArrived(error)) throw new ProcedureError('request-outcome-unknown', { file }, `request outcome unknown: ${error.message}`, { cause: error });
    // Not sent, or refused: the key is of no use, the folder goes back to what it was.
    await fs.rm(file, { force: true });
    throw error;
  }
}
