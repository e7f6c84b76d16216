// The part a new request and a renewal share: the contract (with a summary of the request above
// it) shown and accepted, keystore password, then new key + CSR + keystore file created before
// anything is sent, GenerateCertificate signed with the eID Signature key. The questions are steps
// of one wizard (wizard.ts) after the request's own (holder, contact data). If the request surely
// did not go through, the new file is removed again; if it may have reached the authority, the file
// (the only copy of the key) is kept and the user told.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ContactData } from '../core/contactData';
import { checkNewPassword, type PasswordRule } from '../keystore/passwordPolicy';
import { generateCertificate, generateContract } from '../ra/certra';
import { requestMayHaveArrived } from '../ra/errors';
import type { Contract } from '../ra/model';
import { certificateRequest, newKeyPair, placeholderCertificate } from '../pki/certificates';
import type { Holder } from '../core/holder';
import { checkContactData } from './contactData';
import { contractToAccept } from './contractHtml';
import type { ProcedureContext } from './context';
import { eidOf, eidSigner, type EidUser } from './eid';
import { answered, ProcedureError } from './errors';
import { actorName, type ChosenHolder } from './holder';
import { createKeystoreFile, keystoreFileName } from './keystoreFile';
import { BACK, type RequestSummary } from './prompter';
import { runWizard, type WizardStep } from './wizard';

export const PASSWORD_RULES: readonly PasswordRule[] = ['min-length', 'digit-or-symbol', 'ascii-only', 'confirmation'];

export interface Submission {
  user: EidUser;
  /** Where the new keystore file goes. */
  folder: string;
  baseServiceUsage?: string[];
}

/**
 * What the user answered so far, kept while they go back and forth: the holder and contact data
 * (asked by the request, given by eHealth for a renewal), the contract eHealth made for them (and
 * for which holder and contact data), the new password.
 */
export interface SubmissionAnswers {
  chosen?: ChosenHolder;
  contactData?: ContactData;
  contract?: { madeFor: string; contract: Contract };
  password?: string;
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

/** The contract is made again only when what it names changed. */
const contractKey = (chosen: ChosenHolder, contactData: ContactData) => JSON.stringify([chosen.certificate, contactData]);

function requestSummary(context: ProcedureContext, submission: Submission, chosen: ChosenHolder, contactData: ContactData): RequestSummary {
  const now = context.now?.() ?? new Date();
  return {
    environment: context.environment,
    holder: chosen.holder,
    holderName: actorName(chosen.certificate.actor),
    ...(chosen.names ? { holderNames: chosen.names } : {}),
    emails: [contactData.emailPrivate, contactData.emailGeneral].filter((email): email is string => !!email),
    phones: [contactData.phonePrivate, contactData.phoneGeneral].filter((phone): phone is string => !!phone),
    folder: submission.folder,
    fileName: keystoreFileName(chosen.holder, context.environment, now),
  };
}

/** The contract (with the summary above it) and the new password: the steps after the holder and contact data. */
function submissionSteps(context: ProcedureContext, submission: Submission, answers: SubmissionAnswers): WizardStep[] {
  const { client, prompter } = context;
  const contract: WizardStep = {
    span: 1,
    async ask(position) {
      const chosen = answered(answers.chosen);
      // A renewal's contact data is eHealth's, not checked yet; sent in its normalised form.
      const contactData = (answers.contactData = checkContactData(answered(answers.contactData)));
      const madeFor = contractKey(chosen, contactData);
      if (answers.contract?.madeFor !== madeFor) {
        prompter.progress({ step: 'asking-authority', operation: generateContract.name });
        answers.contract = { madeFor, contract: await client.call(generateContract, { contactData, signer: submission.user.actor, certificate: chosen.certificate }) };
      }
      const shown = { ...contractToAccept('request', context.environment, answers.contract.contract), summary: requestSummary(context, submission, chosen, contactData) };
      const answer = await prompter.acceptContract(shown, position);
      if (answer === BACK) return BACK;
      if (answer !== true) throw new ProcedureError('contract-declined');
      return true;
    },
  };
  const password: WizardStep = {
    span: 2,
    async ask(position) {
      const answer = await prompter.newKeystorePassword(PASSWORD_RULES, position);
      if (answer === undefined || answer === BACK) return answer;
      answers.password = checkNewPassword(answer);
      return true;
    },
  };
  return [contract, password];
}

/**
 * Asks `steps` (the request's holder and contact data; none for a renewal), then the contract and
 * the new password, as one wizard; then writes the keystore and sends the request.
 */
export async function submitRequest(context: ProcedureContext, submission: Submission, answers: SubmissionAnswers, steps: readonly WizardStep[] = []): Promise<RequestResult> {
  const { client, prompter } = context;
  const eid = eidOf(context);
  if (!(await runWizard([...steps, ...submissionSteps(context, submission, answers)]))) throw new ProcedureError('cancelled');
  const { holder } = answered(answers.chosen);
  const contactData = answered(answers.contactData);
  const { contract } = answered(answers.contract);
  const password = answered(answers.password);

  const now = context.now?.() ?? new Date();
  const { privateKey } = newKeyPair();
  const csr = await certificateRequest(contract.dn, privateKey);
  const placeholder = placeholderCertificate(privateKey, now);
  const nameAt = (attempt: number) => path.join(submission.folder, keystoreFileName(holder, context.environment, new Date(now.getTime() + attempt * 1000)));
  const file = await createKeystoreFile(nameAt, { authentication: { privateKey, chain: [placeholder] }, encryption: [] }, password, context.keystore ?? {});
  prompter.progress({ step: 'keystore-created', file });
  try {
    const signer = await eidSigner(eid, 'signature');
    prompter.progress({ step: 'asking-authority', operation: generateCertificate.name });
    const requested = await client.call(generateCertificate, { contactData, csr, contract, ...(submission.baseServiceUsage ? { baseServiceUsage: submission.baseServiceUsage } : {}) }, signer);
    prompter.progress({ step: 'request-sent', publicKeyIdentifier: requested.publicKeyIdentifier });
    return {
      keystore: file,
      holder,
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
