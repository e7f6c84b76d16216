// What every operation handler works with: the sandbox's state, CA, trust anchors and behaviour,
// and the exchange at hand (the request element and, when signed, who signed it).
import type { OperationName } from '../protocol/services';
import type { Behaviour } from './behaviour';
import type { SandboxCa } from './ca';
import { operation, type OperationSpec } from './operations';
import type { SandboxState } from './state';
import type { TrustAnchors, VerifiedSigner } from './verify';
import type { Part } from './xml';

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
  spec: OperationSpec;
  handle(exchange: Exchange): Part[] | Promise<Part[]>;
}

export const handler = (name: OperationName, handle: Handler['handle']): Handler => ({ spec: operation(name), handle });

/** The signer of a signed exchange (the server verified it before calling the handler). */
export function signerOf(exchange: Exchange): VerifiedSigner {
  if (!exchange.signer) throw new Error(`${exchange.request.localName} reached its handler unsigned.`);
  return exchange.signer;
}
