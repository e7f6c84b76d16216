// The eHealth keystore naming convention: `<TYPE>=<ID>[,<APPID>] yyyyMMdd-HHmmss.p12`,
// `.acc-p12` for acceptance. Renewals add a newer file beside the old one. Also seen in the wild:
// a dash instead of the space, and `.acc.p12` for acceptance. Ours for the local sandbox:
// `.sandbox-p12`, a suffix that medical software, which looks for `*.p12` and `*.acc-p12`, never
// takes for a real keystore.
import { holderOf, holderPattern, type Holder } from '../core/holder';
import { holderTypes } from '../core/identifier';
import type { FileProblem, KeystoreEnvironment } from './model';

export const keystoreSuffixes = ['.sandbox-p12', '.acc-p12', '.p12'] as const;

export function isKeystoreFileName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return keystoreSuffixes.some((suffix) => lower.endsWith(suffix));
}

export function environmentFromSuffix(fileName: string): KeystoreEnvironment {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.sandbox-p12')) return 'sandbox';
  if (lower.endsWith('.acc-p12') || lower.endsWith('.acc.p12')) return 'acceptance';
  if (lower.endsWith('.p12')) return 'production';
  return 'unknown';
}

export interface ParsedFileName {
  holder?: Holder;
  createdAt?: string;
  environment: KeystoreEnvironment;
  problems: FileProblem[];
}

// The holder's pieces from the one notation; case-insensitive (hand-renamed `cbe=...` files), the type read upper-cased.
const conventionalName = new RegExp(
  `^(?<type>${holderPattern.type})=(?<id>${holderPattern.id})(?:, ?(?<app>${holderPattern.applicationId}))?[ -](?<date>\\d{8})-(?<time>\\d{6})\\.(?:acc[-.]|sandbox-)?p12$`,
  'i',
);

export function parseKeystoreFileName(fileName: string): ParsedFileName {
  const environment = environmentFromSuffix(fileName);
  const match = conventionalName.exec(fileName);
  if (!match?.groups) return { environment, problems: [{ code: 'unconventional-name' }] };
  const { type, id, app, date, time } = match.groups as Record<string, string>;
  const problems: FileProblem[] = [];
  const holderType = type.toUpperCase();
  if (!holderTypes.has(holderType)) problems.push({ code: 'unknown-holder-type', params: { type: holderType } });
  const createdAt = localDateTime(date, time);
  if (!createdAt) problems.push({ code: 'invalid-date' });
  return { holder: holderOf(holderType, id, app), ...(createdAt ? { createdAt } : {}), environment, problems };
}

/** `20230823`, `085751` -> `2023-08-23T08:57:51`, or undefined when not a real calendar date. */
function localDateTime(date: string, time: string): string | undefined {
  const [year, month, day] = [date.slice(0, 4), date.slice(4, 6), date.slice(6, 8)].map(Number);
  const [hour, minute, second] = [time.slice(0, 2), time.slice(2, 4), time.slice(4, 6)].map(Number);
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day &&
    check.getUTCHours() === hour && check.getUTCMinutes() === minute && check.getUTCSeconds() === second;
  return valid ? check.toISOString().slice(0, 19) : undefined;
}
