// The encryption token (ETK): registered through the EtkRA challenge with a new RSA key, signed with
// the new eHealth authentication key; then looked up in the ETK depot to check it is published.
import type { KeyObject } from 'node:crypto';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { formatHolder, holderOf, type Holder } from '../core/holder';
import type { Signer } from '../core/signer';
import type { EhealthKeystoreContent } from '../keystore/layout';
import { getCertificateInfoForAuthenticationCertificate } from '../ra/certra';
import type { RaClient } from '../ra/client';
import { RaError } from '../ra/errors';
import { decryptChallenge } from '../ra/etkChallenge';
import { getEtk } from '../ra/etkdepot';
import { completeEtkRegistration, startEtkRegistration } from '../ra/etkra';
import { keySigner } from '../ra/signer';
import { etkCertificate, newKeyPair } from '../pki/certificates';
import { authorityClient, type AuthorityOptions, type ProcedureContext } from './context';
import { ProcedureError } from './errors';

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

const identifierOf = (holder: Holder) => ({ type: holder.type, value: holder.id, ...(holder.applicationId ? { applicationId: holder.applicationId } : {}) });

/** The depot's answer for a holder: its ETK certificate (DER), none, or the holders matching (an organisation's application ids). */
export type DepotEtk = { kind: 'etk'; certificate: Buffer } | { kind: 'none' } | { kind: 'ambiguous'; matches: Holder[] };

/** GetEtk for one holder: the depot answers anyone, nothing is signed. */
export async function depotEtk(client: RaClient, holder: Holder): Promise<DepotEtk> {
  const found = await client.call(getEtk, { identifiers: [identifierOf(holder)] });
  if (found.kind === 'etk') return { kind: 'etk', certificate: tokenContent(found.etk) };
  if (found.kind === 'none') return found;
  return { kind: 'ambiguous', matches: found.matches.map(([id]) => holderOf(id.type, id.value, id.applicationId)) };
}

/** Does the depot publish exactly this ETK certificate for the holder? */
async function depotPublishes(client: RaClient, holder: Holder, certificate: Uint8Array): Promise<boolean> {
  const found = await depotEtk(client, holder);
  return found.kind === 'etk' && found.certificate.equals(Buffer.from(certificate));
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
export async function lookUpEtk(where: AuthorityOptions, holder: Holder, certificate: Uint8Array): Promise<boolean> {
  return depotPublishes(await authorityClient(where), holder, certificate);
}

/** Someone's ETK certificate (DER), to encrypt to them: the one the depot publishes for `holder`, else a procedure error. */
export async function etkOf(where: AuthorityOptions, holder: Holder): Promise<Buffer> {
  const found = await depotEtk(await authorityClient(where), holder);
  if (found.kind === 'etk') return found.certificate;
  if (found.kind === 'none') throw new ProcedureError('etk-not-found', { holder: formatHolder(holder), environment: where.environment });
  throw new ProcedureError('etk-ambiguous', { holder: formatHolder(holder), matches: found.matches.map(formatHolder).join(', ') });
}
