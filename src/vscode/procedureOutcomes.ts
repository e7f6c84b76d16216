// What the procedures did in this session that the guide checks read: revocations (so that only a
// newer keystore counts as "found" after "revoke, then request again"), keystores whose certificate
// was installed, and the ETK depot's answers, asked on demand and kept per holder and ETK. Every
// procedure the extension runs (from a guide, a view or the command palette) reports here.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { Environment } from '../core/environment';
import { formatHolder, type Holder } from '../core/holder';
import type { AuthorityProcedure, CompleteResult, RevocationResult } from '../procedures';
import type { AuthorityCertificates } from './authorityCertificates';
import type { KeystoreSession } from './keystoreSession';
import { markSucceeded } from './succeeded';

/** A certificate revoked in this session (by its keystore, or by its PublicKeyIdentifier alone), and when. */
export type Revocation = Pick<RevocationResult, 'publicKeyIdentifier' | 'keystore'> & { at: string };

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

  constructor(
    private readonly session: KeystoreSession,
    private readonly authority: AuthorityCertificates,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The result of procedure `name` (what it returned); those no check reads are ignored. */
  async recorded(name: AuthorityProcedure, result: unknown): Promise<void> {
    markSucceeded(name);
    if (name === 'revoke') {
      const { publicKeyIdentifier, keystore } = result as RevocationResult;
      this.revoked.push({ publicKeyIdentifier, at: new Date().toISOString(), ...(keystore ? { keystore } : {}) });
      // The view, its actions and the guide's buttons stop offering what a revoked certificate no longer allows.
      this.authority.revoked(publicKeyIdentifier);
    } else if (name === 'complete' || name === 'activate') {
      // Activation answers its keystore too.
      const { keystore } = result as Pick<CompleteResult, 'keystore'>;
      // A new ETK, or one just activated: the depot is asked again.
      this.etk.clear();
      if (name === 'complete') {
        this.completed.add(keystore);
        // A renewal's new ETK waits for activation (eHealth says so): the renew walkthrough's step.
        if ((result as CompleteResult).toBeActivated) markSucceeded('completeRenewal');
        // Complete rewrote the file: an opened keystore is read again, so the checks read what it holds
        // now. The procedure succeeded whatever happens here: a file that no longer opens stays as shown.
        await this.session.reread(keystore).catch((error: unknown) => this.log.warn(`could not read ${keystore} again: ${(error as Error).message}`));
      }
    } else return;
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

  dispose(): void {
    this.changed.dispose();
  }
}
