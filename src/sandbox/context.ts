// What every operation handler works with: the sandbox's state, CA, trust anchors and behaviour,
// and the exchange at hand (the request element and, when signed, who signed it).
import type { Operation } from '../ra/operation';
import type { XmlContent } from '../ra/xml';
import type { Behaviour } from './behaviour';
import type { SandboxCa } from './ca';
import type { SandboxState } from './state';
import type { TrustAnchors, VerifiedSigner } from './verify';

export interface SandboxContext {
  dataFolder: string;
  url: string;
  state: SandboxState;
  ca: SandboxCa;
  anchors: TrustAnchors;
  validityDays: number;
  behaviour: Behaviour;
}

export interface Exchange {
  request: Element;
  /** Present for signed operations, once the signature and chain are verified. */
  signer?: VerifiedSigner;
  now: Date;
  context: SandboxContext;
}

export interface Handler {
  operation: Operation<never, unknown>;
  /**
   * The request's children in XSD order, in the operation's namespace: `Name` once, `Name?`
   * optional, `Name*` any number (the signature of a signed request is checked apart).
   */
  children: string[];
  /** GetExistingApplicationIds answers a plain ResponseType, without Status. */
  withoutStatus?: boolean;
  handle(exchange: Exchange): XmlContent[] | Promise<XmlContent[]>;
}

export function handler<P, R>(operation: Operation<P, R>, children: string[], handle: Handler['handle'], withoutStatus = false): Handler {
  return { operation: operation as Operation<never, unknown>, children, handle, withoutStatus };
}

/** The signer of a signed exchange (the server verified it before calling the handler). */
export function signerOf(exchange: Exchange): VerifiedSigner {
  if (!exchange.signer) throw new Error(`${exchange.request.localName} reached its handler unsigned.`);
  return exchange.signer;
}
