// Durations on the command line (`--timeout 10m`): a whole number and its unit, s, m or h.
import { ExitCode } from '../faces/exitCodes';
import type { Translator } from '../i18n';
import { CliError } from './cliError';

const unitMs: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `10m`, `1h` in milliseconds; a usage error naming `option` for anything else (0, `10`, `1.5h`, `10 min`). */
export function durationMs(text: string, option: string, t: Translator): number {
  const match = /^([1-9]\d{0,5})([smh])$/.exec(text.trim());
  if (!match) throw new CliError(t('cli.error.bad-duration', { value: text, option }), ExitCode.usage, 'cli/bad-duration');
  return Number(match[1]) * unitMs[match[2]];
}
