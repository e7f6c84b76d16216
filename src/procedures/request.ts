// Request a new certificate, like the official tool: who am I and whom may I request for
// (GetActorQualities, signed with the eID Authentication key), holder, contact data, then the
// shared submission (contract, password, keystore file, GenerateCertificate).
import { getActorQualities } from '../ra/certra';
import type { ProcedureContext } from './context';
import { noticeIfUnconfirmedKey } from './ecEid';
import { eidOf, eidSigner, eidUser } from './eid';
import { confirmIfProduction } from './environment';
import { answered } from './errors';
import { chosenHolder, holderChoices } from './holder';
import { submitRequest, type RequestResult } from './submit';

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
  const choice = answered(await prompter.chooseHolder(choices));
  const { holder, certificate } = await chosenHolder(choices, user, choice);
  const contactData = answered(await prompter.contactData());
  return submitRequest(context, { user, holder, certificate, contactData, folder: options.keystoreFolder, ...(options.baseServiceUsage ? { baseServiceUsage: options.baseServiceUsage } : {}) });
}
