// An error the CLI reports in plain words (never with a stack trace) and turns into an exit code.
import type { ExitCode } from '../faces/exitCodes';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}
