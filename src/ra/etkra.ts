// EtkRA v2 (urn:be:fgov:ehealth:etkra:protocol:v2): register the encryption token (ETK) of a
// delivered authentication certificate. Every request is signed with that eHealth authentication key.
import type { EtkRegistered } from './model';
import { NS } from './namespaces';
import type { Operation } from './operation';
import * as read from './read';
import { el } from './xml';

const P = NS.etkra;

type EtkRaOperation<P, R> = Omit<Operation<P, R>, 'service' | 'ns' | 'version' | 'signedWith'>;

function etkra<P, R>(operation: EtkRaOperation<P, R>): Operation<P, R> {
  return { ...operation, service: 'etkra', ns: P, version: 2, signedWith: 'ehealth-authentication' };
}

/** Step 1: answers the challenge, encrypted under `publicEncryptionKey` (DER SubjectPublicKeyInfo). */
export const startEtkRegistration = etkra<{ publicEncryptionKey: Buffer }, { challenge: Buffer }>({
  name: 'StartETKRegistration',
  soapAction: 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:startETKRegistration',
  body: ({ publicEncryptionKey }) => [el(P, 'PublicEncryptionKey', publicEncryptionKey.toString('base64'))],
  result: (answer) => ({ challenge: read.base64(answer, P, 'Challenge') }),
});

/** Step 2: registers the self-issued ETK certificate (DER) carrying the serial from the challenge. */
export const completeEtkRegistration = etkra<{ etkCertificate: Buffer }, EtkRegistered>({
  name: 'CompleteETKRegistration',
  soapAction: 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:completeETKregistration',
  body: ({ etkCertificate }) => [el(P, 'ToBeRegistered', etkCertificate.toString('base64'))],
  result: (answer) => ({ etk: read.base64(answer, P, 'ETK'), toBeActivated: read.boolean(answer, P, 'ToBeActivated') }),
});

/** Step 3, for a replacement ETK answered with ToBeActivated = true. */
export const activateEtk = etkra<void, void>({
  name: 'ActivateETK',
  soapAction: 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:activateETK',
  body: () => [],
  result: () => undefined,
});
