// Exit codes of the `ehealth` command line: stable, so scripts and CI can tell failures apart.
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
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI reports in plain words (never with a stack trace) and turns into an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}
