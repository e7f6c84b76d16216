// `ehealth keystore check [DIR|FILE...]`: the expiry check integrators put in CI. Every keystore
// of the folders (default: those `keystore list` searches) and files named is opened at once with
// the one password given; each gets one line (verdict, days left, end date, holder, file), the run
// the exit code of its worst verdict (25 not checked > 24 fail > 23 warn > 0), and with --junit a
// JUnit XML report the CI server shows. The rule itself is the engine's (src/keystore/expiryCheck.ts).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { namedHolder } from '../core/readableIdentifier';
import { printable } from '../core/printable';
import { daysLeftText, expiryCheckExit, verdictWord } from '../faces/expiryCheck';
import { ExitCode } from '../faces/exitCodes';
import { junitXml, type JunitCase } from '../faces/junit';
import { labelled, type Translator } from '../i18n';
import { formatDate } from '../i18n/dates';
import { folderStateText } from '../i18n/keystoreText';
import { renewalWindowDays } from '../keystore/expiry';
import { checkExpiries, type CheckInput, type ExpiryCheck, type ExpiryThresholds } from '../keystore/expiryCheck';
import { keystoreFolders, listKeystores, type FolderRequest } from '../keystore/locate';
import { checkOutputTarget } from '../keystore/outputFile';
import { writeThroughTemporary } from '../platform/durableFile';
import { CliError } from './cliError';
import { verb, type CliContext } from './context';
import { configuredFolders, evaluationDate, inspectEach } from './keystoreFiles';
import { sharedOptions } from './options';
import { jsonMode, printJson, type JsonError } from './output';
import { orList } from './question';
import { givenSecret, secretFlags, secretOptions } from './secretInput';

/** Far beyond any certificate's life, well within what a date can hold. */
const maxDays = 36_500;
/** A month to renew in: eHealth validates some renewals by hand, which takes days. */
const defaultFailDays = 30;

export const check = verb(
  {
    summary: 'cli.verb.keystore.check',
    environment: ['EHEALTH_KEYSTORE_FOLDERS'],
    exitCodes: [ExitCode.notFound, ExitCode.outputIsKeystore, ExitCode.expiryWarning, ExitCode.expiryFailure, ExitCode.notChecked],
    examples: [
      { command: 'ehealth keystore check --password-env KEYSTORE_PASSWORD' },
      { command: 'ehealth keystore check keystores/ --warn-days 60 --fail-days 14 --password-env KEYSTORE_PASSWORD --junit keystore-expiry.xml' },
    ],
    options: {
      'warn-days': { type: 'string', value: 'cli.value.number', default: String(renewalWindowDays), help: 'cli.option.warn-days' },
      'fail-days': { type: 'string', value: 'cli.value.number', default: String(defaultFailDays), help: 'cli.option.fail-days' },
      ...secretOptions('password'),
      at: { type: 'string', value: 'cli.value.date', help: 'cli.option.at' },
      junit: { type: 'string', value: 'cli.value.file', help: 'cli.option.junit' },
      json: sharedOptions.json,
    },
    positional: { value: 'cli.value.folder-or-file', multiple: true },
  },
  async (context, { values, positionals }) => {
    const { t } = context;
    const thresholds = thresholdsOf(context, values['warn-days'], values['fail-days']);
    const at = evaluationDate(context, values.at);
    // A report is written again at each run; a keystore never (nor anything that is not a file).
    if (values.junit !== undefined) await checkOutputTarget(values.junit, { force: true });
    const password = await givenSecret(context, values, 'password');
    // When the check ran, for the report (`at` is the date it judges on).
    const startedAt = new Date();
    const started = performance.now();
    const found = await keystoresToCheck(positionals, t);
    if (found.inputs.length === 0 && found.files.length === 0) {
      throw new CliError(t('cli.check.none', { folders: found.searched.map(printable).join(', ') }), ExitCode.notFound, 'cli/no-keystore');
    }
    // Only the certificates are needed: the private keys stay encrypted.
    const reports = await inspectEach(context, found.files, { ...(password !== undefined ? { password } : {}), at, checkKeys: false });
    const inputs: CheckInput<JsonError>[] = [...found.inputs, ...reports.map((report) => ('keystore' in report ? report : { file: report.file, failure: report.error }))];
    const checks = checkExpiries(inputs, thresholds, at);
    const exitCode = expiryCheckExit(checks);
    if (values.junit !== undefined) await writeReport(values.junit, junitXml({ name: 'ehealth keystore check', timestamp: startedAt, seconds: (performance.now() - started) / 1000, cases: checks.map((one) => junitCase(one, at, context)) }));
    if (jsonMode(context, values)) {
      printJson(context, { evaluatedAt: at.toISOString(), ...thresholds, exitCode, keystores: checks.map((one) => checkJson(one, context)) });
    } else {
      context.out(checkLines(checks, at, context).join('\n'));
      context.err(t('cli.check.thresholds', { warn: thresholds.warnDays, fail: thresholds.failDays, date: formatDate(at, t.language, 'moment') }));
    }
    return exitCode;
  },
);

/** --warn-days and --fail-days: whole days, the failure threshold within the warning one. */
function thresholdsOf(context: CliContext, warn: string, fail: string): ExpiryThresholds {
  const days = (option: string, value: string) => {
    const number = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    if (!(number <= maxDays)) throw new CliError(context.t('cli.error.bad-days', { option, value, max: maxDays }), ExitCode.usage);
    return number;
  };
  const thresholds = { warnDays: days('--warn-days', warn), failDays: days('--fail-days', fail) };
  if (thresholds.failDays > thresholds.warnDays) throw new CliError(context.t('cli.error.fail-after-warn', { warn: thresholds.warnDays, fail: thresholds.failDays }), ExitCode.usage);
  return thresholds;
}

interface ToCheck {
  /** The keystore files, folders' contents in their listing order. */
  files: string[];
  /** Folders that could not be listed: not checked. */
  inputs: CheckInput<JsonError>[];
  /** Where keystores were looked for (for the message when there is none). */
  searched: string[];
}

/**
 * The keystore files of each DIR (as `keystore list` finds them) and each FILE named, in the order
 * given; without any, the folders `keystore list` searches (a missing one is no error there). A path
 * that does not exist is taken as a FILE: opening it says it is not found.
 */
async function keystoresToCheck(paths: readonly string[], t: Translator): Promise<ToCheck> {
  const requests: Array<FolderRequest | string> = paths.length
    ? await Promise.all(paths.map(async (given) => ((await fs.stat(given).then((stat) => stat.isDirectory(), () => false)) ? { path: given, origin: 'argument' as const } : given)))
    : keystoreFolders(configuredFolders());
  const found: ToCheck = { files: [], inputs: [], searched: [] };
  const listings = await Promise.all(requests.map((request) => (typeof request === 'string' ? request : listKeystores([request]))));
  for (const listing of listings) {
    if (typeof listing === 'string') {
      found.files.push(path.resolve(listing));
      found.searched.push(path.resolve(listing));
      continue;
    }
    for (const folder of listing.folders) {
      found.searched.push(folder.path);
      if (folder.state === 'unreadable') found.inputs.push({ file: folder.path, failure: { code: 'cli/folder-unreadable', message: folderStateText(folder, t), exitCode: ExitCode.unreadable } });
      found.files.push(...folder.keystores.map((file) => file.path));
    }
  }
  // A file named twice (or inside a folder named too) is checked once.
  found.files = [...new Set(found.files)];
  return found;
}

/** Why a keystore was not checked, or what replaced it, in words; undefined for the others. */
function noteOf(check: ExpiryCheck<JsonError>, context: CliContext): string | undefined {
  const { t } = context;
  if (check.supersededBy !== undefined) return t('cli.check.superseded-by', { file: check.supersededBy });
  if (check.verdict === 'pending') return t('view.status.pending');
  const notChecked = check.notChecked;
  if (!notChecked) return undefined;
  if (notChecked.reason === 'unreadable') return notChecked.failure.message;
  if (notChecked.reason === 'password-needed') return t('cli.check.password-needed', { options: orList(context, secretFlags('password')) });
  return t('cli.check.no-authentication-certificate');
}

const holderText = (check: ExpiryCheck<unknown>) => (check.holder ? namedHolder(check.holder, check.holder.name) : '?');

/** The columns of a line: verdict, days left, end date, holder (the file and any note follow). */
function columns(check: ExpiryCheck<JsonError>, at: Date, t: Translator): string[] {
  const { notAfter, daysLeft } = check;
  const ends = notAfter !== undefined && daysLeft !== undefined;
  return [verdictWord(check.verdict, t), ends ? daysLeftText(daysLeft, notAfter, at, t) : '-', ends ? formatDate(notAfter, t.language) : '-', holderText(check)];
}

/** One line per keystore, the columns aligned; names from disk and from certificates made printable. */
function checkLines(checks: readonly ExpiryCheck<JsonError>[], at: Date, context: CliContext): string[] {
  const { t } = context;
  const rows = checks.map((one) => columns(one, at, t).map(printable));
  const widths = rows[0].map((_, index) => Math.max(...rows.map((row) => row[index].length)));
  return checks.map((one, index) => {
    const note = noteOf(one, context);
    const cells = [...rows[index].map((cell, column) => cell.padEnd(widths[column])), printable(one.file)];
    return cells.join('  ') + (note === undefined ? '' : `  (${printable(note)})`);
  });
}

/** The JSON of one keystore's verdict (docs/schemas/keystore-check.schema.json). */
function checkJson(check: ExpiryCheck<JsonError>, context: CliContext) {
  const { notChecked, ...rest } = check;
  if (!notChecked) return rest;
  return { ...rest, notChecked: { reason: notChecked.reason, message: noteOf(check, context)!, ...(notChecked.reason === 'unreadable' ? { error: notChecked.failure } : {}) } };
}

/** fail: <failure>; not checked: <error>; superseded, pending: <skipped>; warn passes, its warning in <system-out>. */
function junitCase(check: ExpiryCheck<JsonError>, at: Date, context: CliContext): JunitCase {
  const { t } = context;
  const [word, days, date, holder] = columns(check, at, t);
  // The element says the verdict; its message says why.
  const state = noteOf(check, context) ?? `${days} · ${date}`;
  const base = { name: check.file, classname: `ehealth.keystore.${check.environment}` };
  const output = `${labelled(t, word, state)} · ${holder}`;
  switch (check.verdict) {
    case 'ok':
      return { ...base, outcome: 'passed' };
    case 'warn':
      return { ...base, outcome: 'passed', output };
    case 'fail':
      return { ...base, outcome: 'failure', message: state, output };
    case 'not-checked':
      return { ...base, outcome: 'error', message: state, output };
    default:
      return { ...base, outcome: 'skipped', message: state, output };
  }
}

/** Written as a new file, then renamed over the old report: a CI server never reads half of one. */
const writeReport = (file: string, xml: string) => writeThroughTemporary(file, Buffer.from(xml, 'utf8'), 0o666, (temporary) => fs.rename(temporary, file));
