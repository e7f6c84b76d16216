// What eHealth last said about the user's certificates (listCertificates, read with the eID), kept
// for the session: the "Certificates at eHealth" view shows it and the guide checks read it. Filled
// on demand only: each reading costs a PIN.
import * as vscode from 'vscode';
import type { Environment } from '../core/environment';
import type { AuthorityCertificate } from '../procedures';

export interface AuthorityListing {
  environment: Environment;
  certificates: readonly AuthorityCertificate[];
  /** When eHealth answered. */
  readAt: Date;
  /**
   * Something may have changed at eHealth since (a procedure ran, the environment was switched):
   * the answer is kept, marked, until the user reads again (another PIN).
   */
  stale?: true;
}

export class AuthorityCertificates implements vscode.Disposable {
  private listing: AuthorityListing | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** The last answer, for the environment it was asked in. */
  current(environment: Environment): AuthorityListing | undefined {
    return this.listing?.environment === environment ? this.listing : undefined;
  }

  update(listing: AuthorityListing): void {
    this.listing = listing;
    this.changed.fire();
  }

  markStale(): void {
    if (!this.listing || this.listing.stale) return;
    this.listing = { ...this.listing, stale: true };
    this.changed.fire();
  }

  /**
   * A certificate this session revoked: shown REVOKED at once, nothing left to do on it (no
   * revoke, renew or complete), while the rest of the list stays out of date until read again.
   */
  revoked(publicKeyIdentifier: string): void {
    if (!this.listing?.certificates.some((certificate) => certificate.publicKeyIdentifier === publicKeyIdentifier)) return this.markStale();
    const certificates = this.listing.certificates.map((certificate) =>
      certificate.publicKeyIdentifier === publicKeyIdentifier ? { ...certificate, status: 'REVOKED' as const, revocable: false, replaceable: false } : certificate,
    );
    this.listing = { ...this.listing, certificates, stale: true };
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
