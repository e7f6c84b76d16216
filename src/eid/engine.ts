// The eID engine: one object for faces (extension, CLI, procedures) over one loaded middleware.
// Everything is asynchronous and returns domain values or EidError; nothing here knows VS Code.
// Every PKCS#11 call runs on the middleware's worker thread (pkcs11Thread.ts), never the caller's.
import type { Signer } from '../core/signer';
import { cardOrWait } from './cardWait';
import { certificatesOf } from './certificates';
import { eidErrorOf, NotAnEid } from './errors';
import { watchReaders, type CardEvent, type WatchOptions } from './events';
import { identityOf } from './identity';
import { openMiddleware, type MiddlewareOptions } from './middleware';
import type { CardPurpose, EidCard, EidCertificate, Identity, KeyUse, Prompter, Reader } from './model';
import type { Pkcs11Thread } from './pkcs11Thread';
import { withSession } from './session';
import { createSigner, verifyPin, type DsaEncoding } from './signing';
import { findEid, listReaders, type LocatedCard } from './slots';

export interface EngineOptions extends MiddlewareOptions {
  /** Work with the card in this reader (slot id from `readers()`); default: the first eID found. */
  reader?: string;
  /** Milliseconds between two looks at the readers while a card is waited for (default 500). */
  cardPollMs?: number;
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
    return this.onCard((pkcs11, located) => certificatesIn(pkcs11, located, now));
  }

  /**
   * A Signer over the card's Authentication or Signature key; each sign() asks the PIN. An empty
   * reader is waited for through the Prompter (the user inserts the card, or cancels).
   */
  signer(key: KeyUse, prompter: Prompter, dsaEncoding: DsaEncoding = 'der'): Promise<Signer> {
    return this.run(async (pkcs11) => {
      const located = await this.cardFor(pkcs11, prompter, key);
      const certificates = await certificatesIn(pkcs11, located, new Date());
      const own = certificates.find((certificate) => certificate.role === key);
      if (!own) throw new NotAnEid(located.card.label);
      const issuers = certificates.filter((certificate) => certificate.role === 'ca' || certificate.role === 'root').map((certificate) => certificate.der);
      const algorithm = own.key.type === 'ec' ? 'ecdsa-sha384' : 'rsa-sha256';
      return createSigner({ pkcs11, ...located, certificateChain: [own.der, ...issuers], algorithm }, key, prompter, dsaEncoding);
    });
  }

  verifyPin(prompter: Prompter): Promise<void> {
    return this.run(async (pkcs11) => verifyPin({ pkcs11, ...(await this.cardFor(pkcs11, prompter, 'check')) }, prompter));
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

  /** The eID, waited for through the Prompter while the reader is empty. */
  private cardFor(pkcs11: Pkcs11Thread, prompter: Prompter, purpose: CardPurpose): Promise<LocatedCard> {
    const look = async () => {
      try {
        return await findEid(pkcs11, this.options.reader);
      } catch (error) {
        throw await eidErrorOf(error, pkcs11.modulePath);
      }
    };
    return cardOrWait(look, prompter, purpose, this.options.cardPollMs ?? 500);
  }
}

function certificatesIn(pkcs11: Pkcs11Thread, { slot }: LocatedCard, now: Date): Promise<EidCertificate[]> {
  return withSession(pkcs11, slot, async (session) => {
    const objects = await pkcs11.call('find', session, 'certificate');
    return certificatesOf(await Promise.all(objects.map((object) => pkcs11.call('labelAndValue', session, object))), now);
  });
}
