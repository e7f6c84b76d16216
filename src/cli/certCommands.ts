// `ehealth cert ...`: the certificate procedures on the command line. Every verb but change-password
// (the same verb as `keystore passwd`, local to the keystore) takes
// [--env sandbox|acceptance|production] [--ra-url URL] [--trace DIR] [--json]; in the sandbox
// environment without --ra-url the sandbox authority runs in this process, on the user's data folder.
import * as path from 'node:path';
import { ENVIRONMENTS, type Environment } from '../core/environment';
import { formatHolder } from '../core/holder';
import { printable } from '../core/printable';
import { formatDate } from '../i18n/dates';
import { environmentFromSuffix } from '../keystore/fileName';
import { defaultKeystoreFolder, keystoreFolders, newKeystoreFolder, sandboxKeystoreFolder, type FolderRequest } from '../keystore/locate';
import {
  activateEtk,
  certificateStatus,
  checkedPublicKeyIdentifier,
  completeCertificate,
  keystoreEnvironments,
  listCertificates,
  procedureContext,
  renewCertificate,
  requestCertificate,
  revokeCertificate,
  SIGNS_WITH_EID,
  type AuthorityCertificate,
  type AuthorityProcedure,
  type Polling,
  type ProcedureContext,
  type ProgressEvent,
  type RequestResult,
  type RevocationTarget,
  type SandboxHost,
} from '../procedures';
import { REVOCATION_REASONS } from '../ra/model';
import { folderTracer, type FolderTracer } from '../ra/trace';
import { defaultDataFolder } from '../sandbox/options';
import { SandboxServer } from '../sandbox/server';
import { isDomainError } from '../core/domainError';
import { cliCertPrompter, givenPasswords, type CertAnswers } from './certPrompter';
import { verb, type CliContext, type VerbGroup } from './context';
import { exits } from './verbFacts';
import { cliPrompter, engineFor, givenPin, pinOptions } from './eidCommands';
import { secretOptions } from './secretInput';
import { CliError } from './cliError';
import { durationMs } from './duration';
import { suggestedCommand, shellWord, type Where } from './commandLine';
import { jsonMode, printJson } from './output';
import { passwd } from './keystoreCommands';
import { configuredFolders } from './keystoreFiles';
import { sharedOptions, type OptionTable, type Values } from './options';
import { ExitCode } from '../faces/exitCodes';

/**
 * Where the procedure runs, and how its outcome is written. With a keystore the environment is the
 * one its name tells (keystoreEnvironment): --env has no default there.
 */
const commonOptions = {
  env: { type: 'string', choices: ENVIRONMENTS, help: 'cli.option.env-keystore' },
  'ra-url': { type: 'string', value: 'cli.value.url', help: 'cli.option.ra-url' },
  trace: { type: 'string', value: 'cli.value.folder', help: 'cli.option.trace' },
  json: sharedOptions.json,
} as const satisfies OptionTable;
/** For the verbs without a keystore to tell the environment: the sandbox unless --env says otherwise. */
const sandboxByDefault = { env: { type: 'string', default: 'sandbox', choices: ENVIRONMENTS, help: 'cli.option.env' } } as const satisfies OptionTable;
/** The keystore a procedure continues from. */
const keystoreOptions = { keystore: { ...sharedOptions.keystore, required: true }, ...secretOptions('password') } as const satisfies OptionTable;
/** For the procedures that sign with the eID. */
const eidOptions = { module: sharedOptions.module, ...pinOptions } as const satisfies OptionTable;
/** For those that sign a contract with it. */
const contractOptions = { ...eidOptions, 'accept-contract': { type: 'boolean', default: false, help: 'cli.option.accept-contract' } } as const satisfies OptionTable;
/** For those that may run a step in production (asked at a terminal, else this flag). */
const productionOption = { 'confirm-production': { type: 'boolean', default: false, help: 'cli.option.confirm-production' } } as const satisfies OptionTable;

/** The answers given by flag to a procedure that continues from a keystore and signs no contract: its password, read once. */
const keystoreAnswers = async (context: CliContext, values: Values<typeof keystoreOptions> & Partial<Values<typeof productionOption>>): Promise<CertAnswers> => ({
  acceptContract: false,
  confirmProduction: values['confirm-production'],
  ...(await givenPasswords(context, values)),
});

/** The sandbox inside this command, on the user's data folder, started when a procedure needs it. */
export function inProcessSandbox(context: CliContext): SandboxHost & { close(): Promise<void> } {
  let server: SandboxServer | undefined;
  return {
    open: async (eidRoots) => {
      server = await SandboxServer.start({ dataFolder: defaultDataFolder(), trustedRoots: [...eidRoots] });
      context.err(context.t('procedures.cli.sandbox', { url: server.url, folder: server.dataFolder }));
      return server.url;
    },
    close: async () => server?.close(),
  };
}

/**
 * The environment of a verb on a keystore: the one its file's name tells (`.sandbox-p12`, `.acc-p12`
 * or `.acc.p12`, `.p12`). --env may repeat it, or name the sandbox for an `.acc-p12` (sandbox
 * keystores were once named so): the procedure then holds the certificate's issuer to it once the
 * keystore is opened. Any other --env is refused before anything starts; a name that tells nothing
 * needs --env.
 */
function keystoreEnvironment(context: CliContext, file: string, given: Environment | undefined): Environment {
  const { t } = context;
  const named = environmentFromSuffix(path.basename(file));
  if (named === 'unknown') {
    if (given !== undefined) return given;
    throw new CliError(t('cli.error.env-needed', { file }), ExitCode.usage, 'cli/env-needed');
  }
  if (given === undefined || given === named) return named;
  if (given === 'sandbox' && keystoreEnvironments('sandbox').includes(named)) return given;
  throw new CliError(t('cli.error.env-conflict', { file, keystore: t(`environment.${named}`), given }), ExitCode.usage, 'cli/env-conflict');
}

/** The flags of a verb, its environment decided. */
type Placed = Omit<Values<typeof commonOptions>, 'env'> & { env: Environment } & Partial<Values<typeof eidOptions>>;

/** What a suggested command repeats of this one (commandLine.ts). */
const whereOf = (values: Placed): Where => ({ env: values.env, ...(values['ra-url'] !== undefined ? { raUrl: values['ra-url'] } : {}), ...(values.module !== undefined ? { module: values.module } : {}) });

/** What a verb adds to its procedure's context: a longer wait for a delivery, its progress, a way to stop it. */
interface Extras {
  delivery?: Polling;
  signal?: AbortSignal;
  progress?: (event: ProgressEvent) => void;
}

/**
 * Runs the procedure `name` (its `work`) with a procedure context built from the flags: environment,
 * registration client (on an in-process sandbox when needed), the eID engine when it signs with it;
 * everything closed afterwards.
 */
async function withContext<T>(
  context: CliContext,
  values: Placed,
  answers: CertAnswers,
  name: AuthorityProcedure,
  work: (procedure: ProcedureContext) => Promise<T>,
  extras: Extras = {},
): Promise<T> {
  // First: it checks a new password given by flag before the sandbox starts or the eID is read.
  const asked = cliCertPrompter(context, answers);
  const { progress } = extras;
  const prompter = progress ? { ...asked, progress: (event: ProgressEvent) => (progress(event), asked.progress(event)) } : asked;
  const pin = await givenPin(context, values);
  const engine = SIGNS_WITH_EID[name] ? engineFor(values.module) : undefined;
  const sandbox = inProcessSandbox(context);
  let tracer: FolderTracer | undefined;
  try {
    if (values.trace !== undefined) {
      tracer = folderTracer(path.resolve(values.trace));
      context.err(context.t('procedures.cli.trace', { folder: tracer.folder }));
    }
    const raUrl = values['ra-url'];
    return await work(
      await procedureContext({
        environment: values.env,
        ...(raUrl !== undefined ? { raUrl } : {}),
        sandbox,
        prompter,
        ...(engine ? { eid: { engine, prompter: cliPrompter(context, pin) } } : {}),
        ...(tracer ? { trace: tracer } : {}),
        ...(extras.delivery ? { delivery: extras.delivery } : {}),
        ...(extras.signal ? { signal: extras.signal } : {}),
      }),
    );
  } finally {
    for (const problem of tracer?.problems ?? []) context.err(context.t('procedures.cli.trace-incomplete', { ...problem }));
    await engine?.close();
    await sandbox.close();
  }
}

/** The result as JSON (`--json` after the verb or before the group), else its lines for people. */
function output(context: CliContext, json: boolean, result: object, text: string[]): number {
  if (jsonMode(context, { json })) printJson(context, result);
  else text.forEach((line) => context.out(line));
  return ExitCode.ok;
}

/** After a request or a renewal: the keystore path on stdout (for scripts), the next step on stderr. */
function requested(context: CliContext, json: boolean, result: RequestResult, where: Where): number {
  const command = suggestedCommand('cert complete', where, { keystore: result.keystore });
  if (!json) context.err(context.t('procedures.cli.request-sent', { publicKeyIdentifier: result.publicKeyIdentifier, command }));
  // Manual validation takes days: say so, or the user polls in vain.
  if (!json && !result.automaticallyValidated) context.err(context.t('procedures.cli.manual-validation', { command }));
  return output(context, json, result, [result.keystore]);
}

const request = verb(
  {
    summary: 'cli.verb.cert.request',
    environment: ['EHEALTH_PKCS11_MODULE', 'EHEALTH_SANDBOX_DATA', 'CI'],
    exitCodes: [...exits.eid, ...exits.pin, ...exits.authority, ExitCode.contractDeclined, ExitCode.productionNotConfirmed],
    examples: [{ command: 'ehealth cert request --env acceptance --holder 79021802145 --email me@example.be --new-password-env KEYSTORE_PASSWORD --pin-env EID_PIN --accept-contract' }],
    options: {
      holder: { type: 'string', value: 'cli.value.holder', help: 'cli.option.holder' },
      'organization-name': { type: 'string', value: 'cli.value.name', help: 'cli.option.organization-name' },
      email: { type: 'string', multiple: true, value: 'cli.value.email', help: 'cli.option.email' },
      phone: { type: 'string', multiple: true, value: 'cli.value.phone', help: 'cli.option.phone' },
      ...secretOptions('new-password'),
      'keystore-dir': { type: 'string', value: 'cli.value.folder', defaultShown: () => `${sandboxKeystoreFolder()} (--env sandbox), ${defaultKeystoreFolder()}`, help: 'cli.option.keystore-dir' },
      ...contractOptions,
      ...productionOption,
      ...commonOptions,
      ...sandboxByDefault,
    },
  },
  async (context, { values }) => {
    const answers: CertAnswers = {
      holder: values.holder,
      organizationName: values['organization-name'],
      email: values.email,
      phone: values.phone,
      acceptContract: values['accept-contract'],
      confirmProduction: values['confirm-production'],
      ...(await givenPasswords(context, values)),
    };
    const folder = path.resolve(values['keystore-dir'] ?? newKeystoreFolder(values.env));
    const result = await withContext(context, values, answers, 'request', (procedure) => requestCertificate(procedure, { keystoreFolder: folder }));
    return requested(context, values.json, result, whereOf(values));
  },
);

/** Between two tries of `complete --wait`: the sandbox (manual validation approved by hand) answers at once; eHealth is never hammered. */
const WAIT_INTERVAL_MS: Readonly<Record<Environment, number>> = { sandbox: 2_000, acceptance: 30_000, production: 30_000 };
const DEFAULT_WAIT = '10m';

/**
 * `--wait`: GetCertificate asked every WAIT_INTERVAL_MS for `timeout` (the tries that fit in it),
 * one line on stderr per try with the time of the next; Ctrl+C ends the wait between two tries
 * ("cancelled", the file untouched), a second one at once.
 */
function waiting(context: CliContext, env: Environment, timeout: string): Extras & { stop(): void } {
  const { t } = context;
  const timeoutMs = durationMs(timeout, '--timeout', t);
  const intervalMs = WAIT_INTERVAL_MS[env];
  const interrupt = new AbortController();
  const onInterrupt = () => interrupt.abort();
  process.once('SIGINT', onInterrupt);
  return {
    delivery: { attempts: Math.floor(timeoutMs / intervalMs) + 1, intervalMs },
    signal: interrupt.signal,
    progress: (event) => {
      if (event.step !== 'waiting-delivery') return;
      const counts = { attempt: event.attempt, attempts: event.attempts };
      const next = new Date(Date.now() + intervalMs);
      context.err(event.attempt >= event.attempts ? t('procedures.cli.wait-last-try', counts) : t('procedures.cli.wait-try', { ...counts, time: formatDate(next, t.language, 'clock') }));
    },
    stop: () => process.off('SIGINT', onInterrupt),
  };
}

const complete = verb(
  {
    summary: 'cli.verb.cert.complete',
    environment: ['EHEALTH_SANDBOX_DATA', 'CI'],
    exitCodes: [...exits.keystore, ...exits.keystoreWrite, ...exits.authority, ExitCode.notYetDelivered, ExitCode.productionNotConfirmed],
    examples: [
      { command: 'ehealth cert complete --keystore "SSIN=79021802145 20230823-085751.acc-p12" --password-env KEYSTORE_PASSWORD' },
      { command: 'ehealth cert complete --keystore "SSIN=79021802145 20230823-085751.acc-p12" --password-env KEYSTORE_PASSWORD --wait --timeout 1h' },
    ],
    options: {
      ...keystoreOptions,
      wait: { type: 'boolean', default: false, help: 'cli.option.wait' },
      timeout: { type: 'string', value: 'cli.value.duration', defaultShown: () => DEFAULT_WAIT, help: 'cli.option.timeout' },
      ...productionOption,
      ...commonOptions,
    },
  },
  async (context, { values }) => {
    const { t } = context;
    const file = path.resolve(values.keystore);
    const placed = { ...values, env: keystoreEnvironment(context, file, values.env) };
    if (values.timeout !== undefined && !values.wait) throw new CliError(t('cli.error.timeout-without-wait'), ExitCode.usage, 'cli/timeout-without-wait');
    const timeout = values.timeout ?? DEFAULT_WAIT;
    const wait = values.wait ? waiting(context, placed.env, timeout) : undefined;
    const result = await withContext(context, placed, await keystoreAnswers(context, values), 'complete', (procedure) => completeCertificate(procedure, file), wait)
      .catch((error: unknown) => {
        if (wait && isDomainError(error, 'procedure', 'not-yet-delivered')) {
          const command = suggestedCommand('cert complete', whereOf(placed), { keystore: file, words: ['--wait'] });
          throw new CliError(t('procedures.cli.wait-timeout', { timeout, command }), ExitCode.notYetDelivered, 'cli/wait-timeout');
        }
        throw error;
      })
      .finally(() => wait?.stop());
    const lines = [
      result.backup ? t('procedures.cli.completed', { serial: result.etkSerialNumber, file, backup: result.backup }) : t('procedures.cli.already-complete', { file, serial: result.etkSerialNumber }),
      result.toBeActivated
        ? t('procedures.cli.etk-to-activate', { command: suggestedCommand('cert activate', whereOf(placed), { keystore: file }) })
        : t(result.published ? 'procedures.cli.etk-published' : 'procedures.cli.etk-not-published'),
    ];
    return output(context, values.json, result, lines);
  },
);

const renew = verb(
  { summary: 'cli.verb.cert.renew', environment: ['EHEALTH_PKCS11_MODULE', 'EHEALTH_SANDBOX_DATA', 'CI'], exitCodes: [...exits.keystore, ...exits.eid, ...exits.pin, ...exits.authority, ExitCode.contractDeclined, ExitCode.productionNotConfirmed], examples: [{ command: 'ehealth cert renew --keystore "SSIN=79021802145 20230823-085751.acc-p12" --password-env KEYSTORE_PASSWORD --new-password-env NEW_KEYSTORE_PASSWORD --pin-env EID_PIN --accept-contract' }], options: { ...keystoreOptions, ...secretOptions('new-password'), ...contractOptions, ...productionOption, ...commonOptions } },
  async (context, { values }) => {
    const file = path.resolve(values.keystore);
    const placed = { ...values, env: keystoreEnvironment(context, file, values.env) };
    const answers: CertAnswers = { ...(await keystoreAnswers(context, values)), acceptContract: values['accept-contract'] };
    const result = await withContext(context, placed, answers, 'renew', (procedure) => renewCertificate(procedure, file));
    return requested(context, values.json, result, whereOf(placed));
  },
);

const activate = verb({ summary: 'cli.verb.cert.activate', environment: ['EHEALTH_SANDBOX_DATA', 'CI'], exitCodes: [...exits.keystore, ...exits.authority, ExitCode.productionNotConfirmed], examples: [{ command: 'ehealth cert activate --keystore "SSIN=79021802145 20230823-085751.acc-p12" --password-env KEYSTORE_PASSWORD' }], options: { ...keystoreOptions, ...productionOption, ...commonOptions } }, async (context, { values }) => {
  const file = path.resolve(values.keystore);
  const placed = { ...values, env: keystoreEnvironment(context, file, values.env) };
  const result = await withContext(context, placed, await keystoreAnswers(context, values), 'activate', (procedure) => activateEtk(procedure, file));
  const { t } = context;
  return output(context, values.json, result, [t('procedures.cli.activated'), t(result.published ? 'procedures.cli.etk-published' : 'procedures.cli.etk-not-published')]);
});

/**
 * `--keystore FILE` or `--public-key-id ID`, exactly one. The identifier is checked here, before the
 * eID is read or a sandbox started: a mistyped one costs nothing.
 */
function revocationTarget(context: CliContext, keystore: string | undefined, publicKeyIdentifier: string | undefined): RevocationTarget {
  if (keystore !== undefined && publicKeyIdentifier !== undefined) throw new CliError(context.t('procedures.cli.revoke-target-both'), ExitCode.usage);
  if (keystore !== undefined) return { keystore: path.resolve(keystore) };
  if (publicKeyIdentifier !== undefined) return { publicKeyIdentifier: checkedPublicKeyIdentifier(publicKeyIdentifier) };
  throw new CliError(context.t('procedures.cli.revoke-target'), ExitCode.usage);
}

const revoke = verb(
  {
    summary: 'cli.verb.cert.revoke',
    environment: ['EHEALTH_PKCS11_MODULE', 'EHEALTH_SANDBOX_DATA', 'CI'],
    exitCodes: [...exits.keystore, ...exits.eid, ...exits.pin, ...exits.authority, ExitCode.contractDeclined, ExitCode.productionNotConfirmed],
    examples: [{ command: 'ehealth cert revoke --keystore "SSIN=79021802145 20230823-085751.acc-p12" --password-env KEYSTORE_PASSWORD --reason keyCompromise --pin-env EID_PIN' }],
    options: {
      keystore: sharedOptions.keystore,
      ...secretOptions('password'),
      'public-key-id': { type: 'string', value: 'cli.value.key-id', help: 'cli.option.public-key-id' },
      reason: { type: 'string', choices: REVOCATION_REASONS, help: 'cli.option.reason' },
      ...contractOptions,
      ...productionOption,
      ...commonOptions,
    },
  },
  async (context, { values }) => {
    const target = revocationTarget(context, values.keystore, values['public-key-id']);
    // Without its keystore, the certificate's environment is --env's, the sandbox by default.
    const placed = { ...values, env: 'keystore' in target ? keystoreEnvironment(context, target.keystore, values.env) : (values.env ?? 'sandbox') };
    const answers: CertAnswers = { acceptContract: values['accept-contract'], confirmProduction: values['confirm-production'], reason: values.reason, ...(await givenPasswords(context, values)) };
    const result = await withContext(context, placed, answers, 'revoke', (procedure) => revokeCertificate(procedure, target));
    const { t } = context;
    const code = output(context, values.json, result, [t('procedures.cli.revoked', { publicKeyIdentifier: result.publicKeyIdentifier, reason: result.reason })]);
    // Revoke was answered without a fault: the certificate is revoked, and every copy of its key is spent.
    const command = suggestedCommand('cert request', whereOf(placed), { eid: true });
    if (!values.json) context.err(result.keystore ? t('procedures.cli.revoked-keystore', { file: result.keystore, command }) : t('procedures.cli.revoked-by-id', { command }));
    return code;
  },
);

/**
 * One certificate of `cert list --json`: the holder in the notation `--holder` takes back, every
 * date present (null until delivered), `keystore` only when a local file holds the key.
 */
const listed = (certificate: AuthorityCertificate) => ({
  holder: formatHolder(certificate.holder),
  publicKeyIdentifier: certificate.publicKeyIdentifier,
  status: certificate.status,
  etkStatus: certificate.etkStatus,
  notBefore: certificate.notBefore ?? null,
  notAfter: certificate.notAfter ?? null,
  revocable: certificate.revocable,
  replaceable: certificate.replaceable,
  replacementPeriodStart: certificate.replacementPeriodStart ?? null,
  ...(certificate.keystore !== undefined ? { keystore: certificate.keystore } : {}),
});

/** The revoke command for a listed certificate, against the same authority, with the same eID module. */
const revokeCommand = (certificate: AuthorityCertificate, where: Where, t: CliContext['t']): string =>
  suggestedCommand('cert revoke', where, { eid: true, words: ['--public-key-id', certificate.publicKeyIdentifier, '--reason', shellWord(t('cli.value.reason'))] });

/** One line per certificate; under each revocable one, the command that revokes it. */
function listLines(context: CliContext, certificates: readonly AuthorityCertificate[], where: Where): string[] {
  const { t } = context;
  if (certificates.length === 0) return [t('procedures.cli.list-none')];
  const lines = certificates.flatMap((certificate) => [
    t('procedures.cli.list-line', {
      holder: formatHolder(certificate.holder),
      name: certificate.name,
      status: certificate.status,
      etkStatus: certificate.etkStatus,
      validity: certificate.notAfter ? t('procedures.cli.list-valid-until', { date: formatDate(certificate.notAfter, t.language) }) : t('procedures.cli.list-not-delivered'),
      keystore: certificate.keystore !== undefined ? t('procedures.cli.list-keystore', { file: certificate.keystore }) : t('procedures.cli.list-no-keystore'),
    }),
    ...(certificate.revocable ? [t('procedures.cli.list-revoke-hint', { command: revokeCommand(certificate, where, t) })] : []),
  ]);
  if (certificates.some((certificate) => certificate.revocable)) lines.push(t('procedures.cli.list-reasons', { reason: t('cli.value.reason'), reasons: REVOCATION_REASONS.join(', ') }));
  // The names are the authority's, the paths anyone's: neither may add lines or terminal sequences.
  return lines.map(printable);
}

const list = verb(
  {
    summary: 'cli.verb.cert.list',
    environment: ['EHEALTH_PKCS11_MODULE', 'EHEALTH_KEYSTORE_FOLDERS', 'EHEALTH_SANDBOX_DATA', 'CI'],
    exitCodes: [...exits.eid, ...exits.pin, ...exits.authority],
    examples: [{ command: 'ehealth cert list --env acceptance --pin-env EID_PIN --json' }],
    options: { 'keystore-dir': { type: 'string', multiple: true, value: 'cli.value.folder', help: 'cli.option.keystore-dirs' }, ...eidOptions, ...commonOptions, ...sandboxByDefault },
  },
  async (context, { values }) => {
    // The folders `keystore list` and the extension's view search, and those given here.
    const folders: FolderRequest[] = [...keystoreFolders(configuredFolders()), ...(values['keystore-dir'] ?? []).map((folder) => ({ path: path.resolve(folder), origin: 'argument' as const }))];
    const certificates = await withContext(context, values, { acceptContract: false }, 'list', (procedure) => listCertificates(procedure, { keystoreFolders: folders }));
    return output(context, values.json, { certificates: certificates.map(listed) }, listLines(context, certificates, whereOf(values)));
  },
);

const status = verb({ summary: 'cli.verb.cert.status', environment: ['EHEALTH_SANDBOX_DATA'], exitCodes: [...exits.keystore, ...exits.authority], examples: [{ command: 'ehealth cert status --keystore "SSIN=79021802145 20230823-085751.acc-p12" --password-env KEYSTORE_PASSWORD --json' }], options: { ...keystoreOptions, ...commonOptions } }, async (context, { values }) => {
  const file = path.resolve(values.keystore);
  const placed = { ...values, env: keystoreEnvironment(context, file, values.env) };
  const result = await withContext(context, placed, await keystoreAnswers(context, values), 'status', (procedure) => certificateStatus(procedure, file));
  const { t } = context;
  const lines = [t('procedures.cli.status', { file, holder: formatHolder(result.holder), stage: result.stage, publicKeyIdentifier: result.publicKeyIdentifier })];
  const info = result.authority;
  if (info) {
    const until = info.details ? formatDate(info.details.notAfter, t.language) : '-';
    lines.push(t('procedures.cli.status-authority', { status: info.status, etkStatus: info.etkStatus, until, renewable: info.replaceable ? t('procedures.cli.renewable') : '' }));
  }
  return output(context, values.json, result, lines);
});

export const certGroup: VerbGroup = {
  name: 'cert',
  verbs: {
    list,
    request,
    complete,
    renew,
    activate,
    revoke,
    status,
    // One verb under two names: `keystore passwd` is the same command.
    'change-password': passwd,
  },
};
