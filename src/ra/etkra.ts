// EtkRA v2 (urn:be:fgov:ehealth:etkra:protocol:v2): register the encryption token (ETK) of a
// delivered authentication certificate. Every request is signed with that eHealth authentication key.
import type { EtkRegistered } from './model';
import { SOAP_ACTIONS } from '../protocol/services';
import { NS } from './namespaces';
import type { Operation } from './operation';
import * as read from './read';
import { el } from './xml';

const P = NS.etkra;

type EtkRaOperation<P, R> = Omit<Operation<P, R>, 'service' | 'ns' | 'version' | 'signedWith' | 'soapAction'>;

function etkra<P, R>(operation: EtkRaOperation<P, R>): Operation<P, R> {
  return { ...operation, service: 'etkra', ns: P, version: 2, signedWith: 'ehealth-authentication', soapAction: SOAP_ACTIONS[operation.name] };
}

/** Step 1: answers the challenge, encrypted under `publicEncryptionKey` (DER SubjectPublicKeyInfo). */
export const startEtkRegistration = etkra<{ publicEncryptionKey: Buffer }, { challenge: Buffer }>({
  name: 'StartETKRegistration',
  body: ({ publicEncryptionKey }) => [el(P, 'PublicEncryptionKey', publicEncryptionKey.toString('base64'))],
  result: (answer) => ({ challenge: read.base64(answer, P, 'Challenge') }),
});

/**
 * Step 2: registers the self-issued ETK certificate (DER) carrying the serial from the challenge.
 * ETK and ToBeActivated come together or not at all (an optional sequence in the XSD).
 */
export const completeEtkRegistration = etkra<{ etkCertificate: Buffer }, EtkRegistered>({
  name: 'CompleteETKRegistration',
  body: ({ etkCertificate }) => [el(P, 'ToBeRegistered', etkCertificate.toString('base64'))],
  result: (answer) => {
    const etk = read.optionalChild(answer, P, 'ETK');
    if (!etk) return {};
    return { etk: read.base64Of(etk), toBeActivated: read.boolean(answer, P, 'ToBeActivated') };
  },
});

/** Step 3, for a replacement ETK answered with ToBeActivated = true. */
export const activateEtk = etkra<void, void>({
  name: 'ActivateETK',
  body: () => [],
  result: () => undefined,
});
