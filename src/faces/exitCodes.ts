// Exit codes of the `ehealth` command line: stable, so scripts and CI can tell failures apart. Here,
// beside the faces' error table that gives each domain error its code.
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  // 3 was "not implemented yet" while verbs were being built; kept unused so codes stay stable.
  notFound: 4,
  wrongPassword: 5,
  damaged: 6,
  unsupported: 7,
  pinIncorrect: 8,
  pinLocked: 9,
  noCard: 10,
  middlewareMissing: 11,
  notYetDelivered: 12,
  authority: 13,
  /** The PIN cannot be an eID PIN (4 to 12 digits): not presented to the card. */
  pinFormat: 14,
  /** One PIN try left: the PIN was not presented (non-interactive: give --last-pin-try to present it). */
  pinLastTry: 15,
  /** Another program is writing the keystore, or changed it since it was read: nothing was written. */
  keystoreBusy: 16,
  /** The keystore file is read-only: refused, not replaced. */
  readOnly: 17,
  /** `--out` names an existing file and `--force` was not given. */
  outputExists: 18,
  /** `--out` names a keystore: never overwritten, even with `--force`. */
  outputIsKeystore: 19,
  /** The keystore file exists but cannot be read: permission denied, an I/O error. */
  unreadable: 20,
  /** The authority's contract was declined (answered no): nothing was sent. */
  contractDeclined: 21,
  /** A production step was not confirmed (answered no): nothing was done. Without a terminal and without --confirm-production: 2. */
  productionNotConfirmed: 22,
  /** `keystore check`: a keystore's certificate ends within --warn-days (the worst outcome wins: 25 > 24 > 23). */
  expiryWarning: 23,
  /** `keystore check`: a keystore's certificate ends within --fail-days, or has ended. */
  expiryFailure: 24,
  /** `keystore check`: a keystore could not be checked (wrong password, damaged, not eHealth's, unreadable, password needed). */
  notChecked: 25,
  /** This build has no eID card support for the system it runs on (the universal package, or another system's). */
  cardSupportMissing: 26,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
