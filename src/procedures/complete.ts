// Complete a request (or a renewal): fetch the delivered chain (GetCertificate, polled), register
// the ETK, write chain + ETK key into the keystore in one safe rewrite (backup kept), then check the
// depot publishes the ETK. Resumable: it starts from whatever stage the keystore file shows.
import { X509Certificate } from 'node:crypto';
import { certifiesKey } from '../pki/certificates';
import { getCertificate } from '../ra/certra';
import { isDomainError } from '../core/domainError';
import { AuthorityError } from '../ra/errors';
import type { ProcedureContext } from './context';
import { confirmIfProduction } from './environment';
import { ProcedureError } from './errors';
import { etkPublished, registerEtk } from './etk';
import { rewriteKeystoreFile, type OpenedRequest } from './keystoreFile';
import { openWithPassword } from './open';

export interface CompleteResult {
  keystore: string;
  /** The file as it was before, kept beside it; absent when nothing had to change. */
  backup?: string;
  etkSerialNumber: string;
  /** A renewal's ETK waits for `activate`. */
  toBeActivated: boolean;
  published: boolean;
}

/** Waits `ms`, or ends with "cancelled" as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => {
      clearTimeout(timer);
      reject(new ProcedureError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', cancelled);
      resolve();
    }, ms);
    if (signal?.aborted) cancelled();
    else signal?.addEventListener('abort', cancelled, { once: true });
  });
}

/** The chain delivered for this key, leaf first; its leaf must certify our key. */
async function deliveredChain(context: ProcedureContext, opened: OpenedRequest): Promise<Buffer[]> {
  const polling = context.delivery;
  for (let attempt = 1; ; attempt++) {
    context.prompter.progress({ step: 'waiting-delivery', attempt, attempts: polling.attempts });
    try {
      const chain = await context.client.call(getCertificate, { publicKeyIdentifier: opened.publicKeyIdentifier });
      if (!certifiesKey(chain[0], opened.content.authentication.privateKey)) {
        throw new ProcedureError('wrong-certificate', { publicKeyIdentifier: opened.publicKeyIdentifier });
      }
      return chain;
    } catch (error) {
      if (isDomainError(error, 'ra', 'not-yet-delivered') && attempt < polling.attempts) {
        await sleep(polling.intervalMs, context.signal);
        continue;
      }
      if (isDomainError(error, 'ra', 'not-yet-delivered')) throw new ProcedureError('not-yet-delivered', { publicKeyIdentifier: opened.publicKeyIdentifier });
      if (error instanceof AuthorityError && error.has('CERT_REFUSED')) throw new ProcedureError('request-refused', { publicKeyIdentifier: opened.publicKeyIdentifier });
      throw error;
    }
  }
}

export async function completeCertificate(context: ProcedureContext, file: string): Promise<CompleteResult> {
  await confirmIfProduction(context.environment, context.prompter, 'complete');
  const { opened, password } = await openWithPassword(context, file);
  const { content } = opened;
  if (opened.stage === 'complete') {
    const last = content.encryption[content.encryption.length - 1];
    const serialNumber = BigInt(`0x${new X509Certificate(last.certificate).serialNumber}`).toString();
    return { keystore: file, etkSerialNumber: serialNumber, toBeActivated: false, published: await etkPublished(context, opened.holder, last.certificate) };
  }
  const authentication = opened.stage === 'pending' ? { ...content.authentication, chain: await deliveredChain(context, opened) } : content.authentication;
  const etk = await registerEtk(context, { authentication, encryption: content.encryption });
  // Written only now, chain and ETK key together: a failure before this leaves the file as it was,
  // and the next attempt starts again from the same stage.
  const { backup } = await rewriteKeystoreFile(opened, { authentication, encryption: [...content.encryption, { privateKey: etk.privateKey, certificate: etk.certificate }] }, password, context.keystore ?? {});
  context.prompter.progress({ step: 'chain-installed', file });
  const published = !etk.toBeActivated && (await etkPublished(context, opened.holder, etk.certificate));
  return { keystore: file, backup, etkSerialNumber: etk.serialNumber, toBeActivated: etk.toBeActivated, published };
}
