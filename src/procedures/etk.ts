// The encryption token (ETK): registered through the EtkRA challenge with a new RSA key, signed with
// the new eHealth authentication key; then looked up in the ETK depot to check it is published.
import type { KeyObject } from 'node:crypto';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import type { Environment } from '../core/environment';
import type { Holder } from '../core/holder';
import type { Signer } from '../core/signer';
import type { EhealthKeystoreContent } from '../keystore/layout';
import { getCertificateInfoForAuthenticationCertificate } from '../ra/certra';
import { RaClient } from '../ra/client';
import { RaError } from '../ra/errors';
import { decryptChallenge } from '../ra/etkChallenge';
import { getEtk } from '../ra/etkdepot';
import { completeEtkRegistration, startEtkRegistration } from '../ra/etkra';
import { keySigner } from '../ra/signer';
import { etkCertificate, newKeyPair } from '../pki/certificates';
import type { ProcedureContext } from './context';
import { environmentEndpoints } from './environment';

export interface RegisteredEtk {
  privateKey: KeyObject;
  certificate: Buffer;
  /** Decimal: the keystore alias of the encryption key. */
  serialNumber: string;
  toBeActivated: boolean;
}

export const authenticationSigner = (content: EhealthKeystoreContent): Signer =>
  keySigner(content.authentication.privateKey, content.authentication.chain.map((der) => Buffer.from(der)));

export async function registerEtk(context: ProcedureContext, content: EhealthKeystoreContent): Promise<RegisteredEtk> {
  const { client, prompter } = context;
  const signer = authenticationSigner(content);
  const encryption = newKeyPair();
  prompter.progress({ step: 'asking-authority', operation: startEtkRegistration.name });
  const { challenge } = await client.call(startEtkRegistration, { publicEncryptionKey: encryption.publicKey.export({ format: 'der', type: 'spki' }) }, signer);
  const { serial, serialNumber } = decryptChallenge(challenge, encryption.privateKey);
  const { privateKey, chain } = content.authentication;
  const certificate = await etkCertificate(Buffer.from(chain[0]), privateKey, serial, encryption.publicKey);
  prompter.progress({ step: 'asking-authority', operation: completeEtkRegistration.name });
  const registered = await client.call(completeEtkRegistration, { etkCertificate: certificate }, signer);
  const toBeActivated = registered.toBeActivated ?? (await waitsForActivation(context, signer));
  prompter.progress({ step: 'etk-registered', serialNumber: serialNumber.toString(), toBeActivated });
  return { privateKey: encryption.privateKey, certificate, serialNumber: serialNumber.toString(), toBeActivated };
}

/**
 * Whether the ETK just registered waits for ActivateETK, asked of CertRA when the registration's
 * answer did not say (ETK and ToBeActivated are optional there).
 */
async function waitsForActivation(context: ProcedureContext, signer: Signer): Promise<boolean> {
  context.prompter.progress({ step: 'asking-authority', operation: getCertificateInfoForAuthenticationCertificate.name });
  const info = await context.client.call(getCertificateInfoForAuthenticationCertificate, undefined, signer);
  return info.etkStatus === 'WAIT_FOR_ACTIVATION';
}

/** The certificate inside a depot token (CMS SignedData over the DER ETK certificate). */
function tokenContent(token: Buffer): Buffer {
  try {
    const signed = AsnConvert.parse(AsnConvert.parse(token, ContentInfo).content, SignedData);
    return Buffer.from(signed.encapContentInfo.eContent!.single!.buffer);
  } catch {
    throw new RaError('malformed', 'The ETK from the depot is not CMS SignedData.', { detail: 'ETK' });
  }
}

/** Does the depot publish exactly this ETK certificate for the holder? */
async function depotPublishes(client: RaClient, holder: Holder, certificate: Uint8Array): Promise<boolean> {
  const found = await client.call(getEtk, { identifiers: [{ type: holder.type, value: holder.id, ...(holder.applicationId ? { applicationId: holder.applicationId } : {}) }] });
  return found.kind === 'etk' && tokenContent(found.etk).equals(Buffer.from(certificate));
}

export async function etkPublished(context: ProcedureContext, holder: Holder, certificate: Uint8Array): Promise<boolean> {
  context.prompter.progress({ step: 'asking-authority', operation: getEtk.name });
  const published = await depotPublishes(context.client, holder, certificate);
  if (published) context.prompter.progress({ step: 'etk-published' });
  return published;
}

/**
 * The same look-up outside a procedure (a guide's check): the depot answers anyone, so nothing is
 * asked and nothing signed. `raUrl`: a sandbox (or any authority) instead of the environment's.
 */
export function lookUpEtk(where: { environment: Environment; raUrl?: string }, holder: Holder, certificate: Uint8Array): Promise<boolean> {
  return depotPublishes(new RaClient({ endpoints: environmentEndpoints(where.environment, where.raUrl) }), holder, certificate);
}
