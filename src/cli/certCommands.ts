// `ehealth cert ...`: the certificate procedures on the command line. Every verb takes
// [--env sandbox|acceptance|production] [--ra-url URL] [--trace DIR] [--json]; in the sandbox
// environment without --ra-url the sandbox authority runs in this process, on the user's data folder.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isEnvironment } from '../core/environment';
import { formatHolder } from '../core/holder';
import { EidEngine } from '../eid';
import { defaultKeystoreFolder } from '../keystore/locate';
import {
  activateEtk,
  certificateStatus,
  changeKeystorePassword,
  completeCertificate,
  procedureContext,
  ProcedureError,
  renewCertificate,
  requestCertificate,
  revokeCertificate,
  type ProcedureContext,
  type ProcedureErrorCode,
  type RequestResult,
  type SandboxHost,
} from '../procedures';
import { RaError } from '../ra/errors';
import { folderTracer, TraceRefused, type FolderTracer } from '../ra/trace';
import { defaultDataFolder } from '../sandbox/options';
import { SandboxServer } from '../sandbox/server';
import { cliCertPrompter, type CertAnswers } from './certPrompter';
import type { CliContext, Verb, VerbGroup } from './context';
import { cliPrompter } from './eidCommands';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';

const commonOptions = {
  env: { type: 'string', default: 'sandbox' },
  'ra-url': { type: 'string' },
  trace: { type: 'string' },
  json: { type: 'boolean', default: false },
  keystore: { type: 'string' },
  'password-env': { type: 'string' },
} as const;
const eidOptions = { module: { type: 'string' }, 'pin-env': { type: 'string' }, 'last-pin-try': { type: 'boolean', default: false }, 'accept-contract': { type: 'boolean', default: false } } as const;

type Values = { [name: string]: string | string[] | boolean | undefined };

const asString = (value: Values[string]) => (typeof value === 'string' ? value : undefined);

/** The sandbox inside this command, on the user's data folder, started when a procedure needs it. */
function inProcessSandbox(context: CliContext): SandboxHost & { close(): Promise<void> } {
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
 * Runs `work` with a procedure context built from the flags: environment, registration client (on
 * an in-process sandbox when needed), eID engine when `withEid`; everything closed afterwards.
 */
async function withContext<T>(context: CliContext, values: Values, answers: CertAnswers, withEid: boolean, work: (procedure: ProcedureContext) => Promise<T>): Promise<T> {
  const environment = values.env;
  if (!isEnvironment(environment)) throw new CliError(context.t('procedures.cli.bad-env', { env: String(values.env) }), ExitCode.usage);
  // First: it checks a new password given by flag before the sandbox starts or the eID is read.
  const prompter = cliCertPrompter(context, answers);
  const modulePath = asString(values.module);
  const engine = withEid ? new EidEngine(modulePath ? { modulePath } : {}) : undefined;
  const sandbox = inProcessSandbox(context);
  let tracer: FolderTracer | undefined;
  try {
    const traceFolder = asString(values.trace);
    if (traceFolder !== undefined) {
      tracer = folderTracer(path.resolve(traceFolder));
      context.err(context.t('procedures.cli.trace', { folder: tracer.folder }));
    }
    const raUrl = asString(values['ra-url']);
    return await work(
      await procedureContext({
        environment,
        ...(raUrl !== undefined ? { raUrl } : {}),
        sandbox,
        prompter,
        ...(engine ? { eid: { engine, prompter: cliPrompter(context, asString(values['pin-env']), values['last-pin-try'] === true) } } : {}),
        ...(tracer ? { trace: tracer } : {}),
      }),
    );
  } finally {
    for (const problem of tracer?.problems ?? []) context.err(context.t('procedures.cli.trace-incomplete', { ...problem }));
    await engine?.close();
    await sandbox.close();
  }
}

function keystoreArgument(context: CliContext, values: Values): string {
  const file = asString(values.keystore);
  if (!file) throw new CliError(context.t('cli.error.missing-option', { option: '--keystore' }), ExitCode.usage);
  return path.resolve(file);
}

function output(context: CliContext, json: boolean, result: object, text: string[]): number {
  if (json) context.out(JSON.stringify(result, null, 2));
  else text.forEach((line) => context.out(line));
  return ExitCode.ok;
}

/** After a request or a renewal: the keystore path on stdout (for scripts), the next step on stderr. */
function requested(context: CliContext, json: boolean, result: RequestResult): number {
  if (!json) context.err(context.t('procedures.cli.request-sent', { publicKeyIdentifier: result.publicKeyIdentifier, file: result.keystore }));
  return output(context, json, result, [result.keystore]);
}

async function request(context: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: context.args,
    options: { ...commonOptions, ...eidOptions, holder: { type: 'string' }, email: { type: 'string', multiple: true }, phone: { type: 'string', multiple: true }, 'keystore-dir': { type: 'string' } },
  });
  const answers: CertAnswers = { holder: values.holder, email: values.email, phone: values.phone, acceptContract: values['accept-contract'], newPasswordEnv: values['password-env'] };
  const folder = path.resolve(values['keystore-dir'] ?? defaultKeystoreFolder());
  const result = await withContext(context, values, answers, true, (procedure) => requestCertificate(procedure, { keystoreFolder: folder }));
  return requested(context, values.json, result);
}

async function complete(context: CliContext): Promise<number> {
  const { values } = parseArgs({ args: context.args, options: commonOptions });
  const file = keystoreArgument(context, values);
  const result = await withContext(context, values, { acceptContract: false, passwordEnv: values['password-env'] }, false, (procedure) => completeCertificate(procedure, file));
  const { t } = context;
  const lines = [
    result.backup ? t('procedures.cli.completed', { serial: result.etkSerialNumber, file, backup: result.backup }) : t('procedures.cli.already-complete', { file, serial: result.etkSerialNumber }),
    result.toBeActivated ? t('procedures.cli.etk-to-activate', { file }) : t(result.published ? 'procedures.cli.etk-published' : 'procedures.cli.etk-not-published'),
  ];
  return output(context, values.json, result, lines);
}

async function renew(context: CliContext): Promise<number> {
  const { values } = parseArgs({ args: context.args, options: { ...commonOptions, ...eidOptions, 'new-password-env': { type: 'string' } } });
  const file = keystoreArgument(context, values);
  const answers: CertAnswers = { acceptContract: values['accept-contract'], passwordEnv: values['password-env'], newPasswordEnv: values['new-password-env'] };
  const result = await withContext(context, values, answers, true, (procedure) => renewCertificate(procedure, file));
  return requested(context, values.json, result);
}

async function activate(context: CliContext): Promise<number> {
  const { values } = parseArgs({ args: context.args, options: commonOptions });
  const file = keystoreArgument(context, values);
  const result = await withContext(context, values, { acceptContract: false, passwordEnv: values['password-env'] }, false, (procedure) => activateEtk(procedure, file));
  const { t } = context;
  return output(context, values.json, result, [t('procedures.cli.activated'), t(result.published ? 'procedures.cli.etk-published' : 'procedures.cli.etk-not-published')]);
}

async function revoke(context: CliContext): Promise<number> {
  const { values } = parseArgs({ args: context.args, options: { ...commonOptions, ...eidOptions, reason: { type: 'string' } } });
  const file = keystoreArgument(context, values);
  const answers: CertAnswers = { acceptContract: values['accept-contract'], passwordEnv: values['password-env'], reason: values.reason };
  const result = await withContext(context, values, answers, true, (procedure) => revokeCertificate(procedure, file));
  return output(context, values.json, result, [context.t('procedures.cli.revoked', { publicKeyIdentifier: result.publicKeyIdentifier, reason: result.reason })]);
}

async function status(context: CliContext): Promise<number> {
  const { values } = parseArgs({ args: context.args, options: commonOptions });
  const file = keystoreArgument(context, values);
  const result = await withContext(context, values, { acceptContract: false, passwordEnv: values['password-env'] }, false, (procedure) => certificateStatus(procedure, file));
  const { t } = context;
  const lines = [t('procedures.cli.status', { file, holder: formatHolder(result.holder), stage: result.stage, publicKeyIdentifier: result.publicKeyIdentifier })];
  const info = result.authority;
  if (info) {
    const until = info.details?.notAfter.slice(0, 10) ?? '-';
    lines.push(t('procedures.cli.status-authority', { status: info.status, etkStatus: info.etkStatus, until, renewable: info.replaceable ? t('procedures.cli.renewable') : '' }));
  }
  return output(context, values.json, result, lines);
}

async function changePassword(context: CliContext): Promise<number> {
  const { values } = parseArgs({ args: context.args, options: { ...commonOptions, 'new-password-env': { type: 'string' } } });
  const file = keystoreArgument(context, values);
  const answers: CertAnswers = { acceptContract: false, passwordEnv: values['password-env'], newPasswordEnv: values['new-password-env'] };
  const result = await changeKeystorePassword({ prompter: cliCertPrompter(context, answers) }, file);
  return output(context, values.json, { keystore: file, ...result }, [context.t('procedures.cli.password-changed', { backup: result.backup })]);
}

const procedureExitCodes: Partial<Record<ProcedureErrorCode, ExitCode>> = {
  'not-yet-delivered': ExitCode.notYetDelivered,
  'request-refused': ExitCode.authority,
  'not-authorized': ExitCode.authority,
  'not-replaceable': ExitCode.authority,
  'invalid-holder': ExitCode.usage,
  'invalid-contact-data': ExitCode.usage,
  'not-an-ehealth-keystore': ExitCode.unsupported,
};

/** Procedure and authority errors in plain words with their exit code; eID and keystore errors as elsewhere. */
function reportingErrors(verb: Verb): Verb {
  const inner: Verb = async (context) => {
    try {
      return await verb(context);
    } catch (error) {
      if (error instanceof ProcedureError) throw new CliError(error.userMessage(context.language), procedureExitCodes[error.code] ?? ExitCode.failure);
      if (error instanceof RaError) throw new CliError(error.userMessage(context.language), error.code === 'not-yet-delivered' ? ExitCode.notYetDelivered : ExitCode.authority);
      if (error instanceof TraceRefused) throw new CliError(error.userMessage(context.language), ExitCode.failure);
      throw error;
    }
  };
  return inner;
}

export const certGroup: VerbGroup = {
  name: 'cert',
  verbs: Object.fromEntries(
    Object.entries({ request, complete, renew, activate, revoke, status, 'change-password': changePassword }).map(([name, verb]) => [name, reportingErrors(verb)]),
  ),
  help: (context) => context.t('procedures.cli.help'),
};
