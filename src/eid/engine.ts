// The eID engine: one object for faces (extension, CLI, procedures) over one loaded middleware.
// Everything is asynchronous and returns domain values or EidError; nothing here knows VS Code.
// Every PKCS#11 call runs on the middleware's worker thread (pkcs11Thread.ts), never the caller's.
import type { Signer } from '../core/signer';
import { certificatesOf } from './certificates';
import { eidErrorOf, NotAnEid } from './errors';
import { watchReaders, type CardEvent, type WatchOptions } from './events';
import { identityOf } from './identity';
import { openMiddleware, type MiddlewareOptions } from './middleware';
import type { EidCard, EidCertificate, Identity, KeyUse, Prompter, Reader } from './model';
import type { Pkcs11Thread } from './pkcs11Thread';
import { withSession } from './session';
import { createSigner, verifyPin, type DsaEncoding } from './signing';
import { findEid, listReaders, type LocatedCard } from './slots';

export interface EngineOptions extends MiddlewareOptions {
  /** Work with the card in this reader (slot id from `readers()`); default: the first eID found. */
  reader?: string;
}

export class EidEngine {
  private loaded?: Promise<Pkcs11Thread>;

  constructor(private readonly options: EngineOptions = {}) {}

  /** The middleware, loaded on first use (never at construction: activation stays light); a failed load is tried again next time. */
  private pkcs11(): Promise<Pkcs11Thread> {
    this.loaded ??= openMiddleware(this.options).catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  /** Runs one operation, mapping PKCS#11 failures to domain errors. */
  private async run<T>(operation: (pkcs11: Pkcs11Thread) => Promise<T>): Promise<T> {
    const pkcs11 = await this.pkcs11();
    try {
      return await operation(pkcs11);
    } catch (error) {
      throw await eidErrorOf(error, pkcs11.modulePath);
    }
  }

  /** The loaded module's path and description. */
  middleware(): Promise<{ path: string; description: string }> {
    return this.run(async (pkcs11) => ({ path: pkcs11.modulePath, description: await pkcs11.call('libraryDescription') }));
  }

  readers(): Promise<Reader[]> {
    return this.run(listReaders);
  }

  card(): Promise<EidCard> {
    return this.run(async (pkcs11) => (await findEid(pkcs11, this.options.reader)).card);
  }

  identity(): Promise<Identity> {
    return this.onCard((pkcs11, { slot }) => withSession(pkcs11, slot, async (session) => identityOf(await pkcs11.call('dataObjects', session))));
  }

  certificates(now = new Date()): Promise<EidCertificate[]> {
    return this.onCard((pkcs11, { slot }) =>
      withSession(pkcs11, slot, async (session) => {
        const objects = await pkcs11.call('find', session, 'certificate');
        return certificatesOf(await Promise.all(objects.map((object) => pkcs11.call('labelAndValue', session, object))), now);
      }),
    );
  }

  /** A Signer over the card's Authentication or Signature key; each sign() asks the PIN. */
  async signer(key: KeyUse, prompter: Prompter, dsaEncoding: DsaEncoding = 'der'): Promise<Signer> {
    const certificates = await this.certificates();
    return this.onCard(async (pkcs11, located) => {
      const own = certificates.find((certificate) => certificate.role === key);
      if (!own) throw new NotAnEid(located.card.label);
      const issuers = certificates.filter((certificate) => certificate.role === 'ca' || certificate.role === 'root').map((certificate) => certificate.der);
      const algorithm = own.key.type === 'ec' ? 'ecdsa-sha384' : 'rsa-sha256';
      return createSigner({ pkcs11, ...located, certificateChain: [own.der, ...issuers], algorithm }, key, prompter, dsaEncoding);
    });
  }

  verifyPin(prompter: Prompter): Promise<void> {
    return this.onCard((pkcs11, located) => verifyPin({ pkcs11, ...located }, prompter));
  }

  /** Card and reader events, polled every `intervalMs`; returns the function that stops watching. */
  watch(listener: (event: CardEvent) => void, options: WatchOptions = {}): () => void {
    return watchReaders(() => this.readers(), listener, options);
  }

  /**
   * Unloads the middleware (finalising it only if this process initialised it) and ends its worker.
   * Not awaiting is fine: the worker stays referenced until the module is finalised.
   */
  async close(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = undefined;
    // A middleware that never loaded has nothing to close.
    await loaded?.then((pkcs11) => pkcs11.close(), () => undefined);
  }

  private onCard<T>(operation: (pkcs11: Pkcs11Thread, located: LocatedCard) => Promise<T>): Promise<T> {
    return this.run(async (pkcs11) => operation(pkcs11, await findEid(pkcs11, this.options.reader)));
  }
}
