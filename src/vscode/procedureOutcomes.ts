// What the procedures did in this session that the guide checks read: revocations (so that only a
// newer keystore counts as "found" after "revoke, then request again"), keystores whose certificate
// was installed, and the ETK depot's answers, asked on demand and kept per holder and ETK.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { Environment } from '../core/environment';
import { formatHolder, type Holder } from '../core/holder';

/** A certificate revoked in this session: by its keystore, or by its PublicKeyIdentifier alone. */
export interface Revocation {
  publicKeyIdentifier: string;
  keystore?: string;
}

/** The results of the procedures whose outcome a check reads (what the commands return). */
export type ProcedureOutcome = ({ kind: 'revoked' } & Revocation) | { kind: 'completed' | 'activated'; keystore: string; holder?: Holder };

/** A depot look-up: where, for whom, which ETK certificate. */
export interface EtkQuestion {
  environment: Environment;
  /** The sandbox's address when the environment is the sandbox. */
  raUrl?: string;
  holder: Holder;
  /** DER of the keystore's newest ETK certificate. */
  certificate: Uint8Array;
}

/** "Not published" (or no answer) is asked again after this long: the depot may take a moment. */
const NOT_PUBLISHED_TTL_MS = 30_000;

export class ProcedureOutcomes implements vscode.Disposable {
  private readonly revoked: Revocation[] = [];
  private readonly completed = new Set<string>();
  private readonly etk = new Map<string, { published?: boolean; at: number }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  record(outcome: ProcedureOutcome): void {
    if (outcome.kind === 'revoked') this.revoked.push({ publicKeyIdentifier: outcome.publicKeyIdentifier, ...(outcome.keystore ? { keystore: outcome.keystore } : {}) });
    if (outcome.kind === 'completed') this.completed.add(outcome.keystore);
    // A new ETK, or one just activated: the depot is asked again.
    if (outcome.kind !== 'revoked' && outcome.holder) this.forgetEtk(outcome.holder);
    this.changed.fire();
  }

  revocations(): readonly Revocation[] {
    return this.revoked;
  }

  delivered(): ReadonlySet<string> {
    return this.completed;
  }

  /** The depot's last answer for this ETK; undefined while it is being asked (the answer fires onDidChange). */
  etkPublished(question: EtkQuestion): boolean | undefined {
    const key = `${question.environment}|${formatHolder(question.holder)}|${createHash('sha256').update(question.certificate).digest('hex')}`;
    const cached = this.etk.get(key);
    const stale = !cached || (cached.published !== true && Date.now() - cached.at > NOT_PUBLISHED_TTL_MS);
    if (stale) {
      this.etk.set(key, { ...(cached?.published !== undefined ? { published: cached.published } : {}), at: Date.now() });
      import('../procedures/etk')
        .then(({ lookUpEtk }) => lookUpEtk(question, question.holder, question.certificate))
        .then(
        (published) => {
          this.etk.set(key, { published, at: Date.now() });
          this.changed.fire();
        },
        (error: unknown) => {
          // Unreachable: the check stays unknown, asked again later.
          this.log.warn(`ETK depot look-up for ${formatHolder(question.holder)}: ${(error as Error).message}`);
          this.etk.set(key, { at: Date.now() });
        },
      );
    }
    return cached?.published;
  }

  private forgetEtk(holder: Holder): void {
    const prefix = `|${formatHolder(holder)}|`;
    for (const key of this.etk.keys()) if (key.includes(prefix)) this.etk.delete(key);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
