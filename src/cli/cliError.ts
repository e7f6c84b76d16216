// An error the CLI reports in plain words (never with a stack trace) and turns into an exit code.
import type { ExitCode } from '../faces/exitCodes';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** Its stable code in JSON mode (`cli/unknown-option`); without one, `cli/usage` or `cli/failure` by its exit code. */
    readonly code?: `cli/${string}`,
  ) {
    super(message);
  }
}
