// Request a new certificate, like the official tool: who am I and whom may I request for
// (GetActorQualities, signed with the eID Authentication key), then one wizard: holder, contact
// data, and the shared submission's steps (contract, password), before the keystore file and
// GenerateCertificate.
import { getActorQualities } from '../ra/certra';
import type { ProcedureContext } from './context';
import { noticeIfUnconfirmedKey } from './ecEid';
import { eidOf, eidSigner, eidUser } from './eid';
import { confirmIfProduction } from './environment';
import { BACK, type HolderChoice } from './prompter';
import { chosenHolder, holderChoices } from './holder';
import { submitRequest, type RequestResult, type SubmissionAnswers } from './submit';
import { withPrevious, type WizardStep } from './wizard';

export interface RequestOptions {
  /** Where the keystore file is created (eHealth's default: ~/ehealth/keystore). */
  keystoreFolder: string;
  baseServiceUsage?: string[];
}

export async function requestCertificate(context: ProcedureContext, options: RequestOptions): Promise<RequestResult> {
  const { client, prompter } = context;
  await confirmIfProduction(context.environment, prompter, 'request');
  const eid = eidOf(context);
  prompter.progress({ step: 'reading-eid' });
  const user = await eidUser(eid);
  const authentication = await eidSigner(eid, 'authentication');
  // Before the first PIN (GetActorQualities is signed with the eID).
  noticeIfUnconfirmedKey(context, 'request', authentication);
  prompter.progress({ step: 'asking-authority', operation: getActorQualities.name });
  const qualities = await client.call(getActorQualities, { ssin: user.ssin }, authentication);
  const choices = holderChoices(context, qualities, user);
  const answers: SubmissionAnswers & { choice?: HolderChoice } = {};
  const holder: WizardStep = {
    span: 1,
    async ask(position) {
      const choice = await prompter.chooseHolder(choices, withPrevious(position, answers.choice));
      if (choice === undefined || choice === BACK) return choice;
      answers.choice = choice;
      answers.chosen = await chosenHolder(choices, user, choice);
      return true;
    },
  };
  const contactData: WizardStep = {
    span: 4,
    async ask(position) {
      const contact = await prompter.contactData(withPrevious(position, answers.contactData));
      if (contact === undefined || contact === BACK) return contact;
      answers.contactData = contact;
      return true;
    },
  };
  const submission = { user, folder: options.keystoreFolder, ...(options.baseServiceUsage ? { baseServiceUsage: options.baseServiceUsage } : {}) };
  return submitRequest(context, submission, answers, [holder, contactData]);
}
