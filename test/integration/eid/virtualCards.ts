// Virtual eID cards for the integration tests, built once per run into a temporary folder. Each
// test that changes a card's state (wrong PINs, removal) works on its own fresh card.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PinRequest, Prompter } from '../../../src/eid';
import { buildVirtualEid, type VirtualEid } from '../../../tools/virtual-eid/build';
import type { VirtualAlgorithm } from '../../../tools/virtual-eid/holders';

const root = mkdtempSync(path.join(tmpdir(), 'ehealth-eid-'));
const built = new Map<string, Promise<VirtualEid>>();
let fresh = 0;

/** The shared card for read-only tests (identity, certificates, signatures). */
export function virtualCard(algorithm: VirtualAlgorithm): Promise<VirtualEid> {
  if (!built.has(algorithm)) built.set(algorithm, buildVirtualEid({ algorithm, dir: path.join(root, algorithm) }));
  return built.get(algorithm) as Promise<VirtualEid>;
}

/** A card of its own for a test that locks the PIN or removes the card. */
export function freshCard(algorithm: VirtualAlgorithm): Promise<VirtualEid> {
  return buildVirtualEid({ algorithm, dir: path.join(root, `${algorithm}-${++fresh}`) });
}

// A root-level hook (this module loads once per run): the cards go when the whole run ends.
after(() => rmSync(root, { recursive: true, force: true }));

/**
 * A Prompter that answers the given PINs in turn and records what it was asked. At the last try it
 * goes on while `lastTryConsent` holds (the default), and keeps each request it was shown.
 */
export function scriptedPrompter(...pins: (string | undefined)[]): Prompter & { asked: number; pinpadNotices: number; lastTryConsent: boolean; lastTryRequests: PinRequest[]; pinRequests: PinRequest[] } {
  const prompter = {
    asked: 0,
    pinpadNotices: 0,
    lastTryConsent: true,
    lastTryRequests: [] as PinRequest[],
    pinRequests: [] as PinRequest[],
    confirmLastTry: async (request: PinRequest) => {
      prompter.lastTryRequests.push(request);
      return prompter.lastTryConsent;
    },
    askPin: async (request: PinRequest) => {
      prompter.pinRequests.push(request);
      return pins[prompter.asked++];
    },
    showPinpadNotice: () => {
      prompter.pinpadNotices++;
      return () => undefined;
    },
  };
  return prompter;
}

export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
