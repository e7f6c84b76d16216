// `ehealth cert ...`: the certificate procedures on the command line. Every verb but change-password
// (the same verb as `keystore passwd`, local to the keystore) takes
// [--env sandbox|acceptance|production] [--ra-url URL] [--trace DIR] [--json]; in the sandbox
// environment without --ra-url the sandbox authority runs in this process, on the user's data folder.
import * as path from 'node:path';
import { ENVIRONMENTS } from '../core/environment';
import { formatHolder } from '../core/holder';
import { defaultKeystoreFolder } from '../keystore/locate';
import {
  activateEtk,
  certificateStatus,
  completeCertificate,
  procedureContext,
  renewCertificate,
  requestCertificate,
  revokeCertificate,
  SIGNS_WITH_EID,
  type AuthorityProcedure,
  type ProcedureContext,
  type RequestResult,
  type SandboxHost,
} from '../procedures';
import { REVOCATION_REASONS } from '../ra/model';
import { folderTracer, type FolderTracer } from '../ra/trace';
import { defaultDataFolder } from '../sandbox/options';
import { SandboxServer } from '../sandbox/server';
import { cliCertPrompter, type CertAnswers } from './certPrompter';
import { verb, type CliContext, type VerbGroup } from './context';
import { cliPrompter, engineFor } from './eidCommands';
import { passwd } from './keystoreCommands';
import { sharedOptions, type OptionTable, type Values } from './options';
import { ExitCode } from '../faces/exitCodes';

/** Where the procedure runs, and how its outcome is written. */
const commonOptions = {
  env: { type: 'string', default: 'sandbox', choices: ENVIRONMENTS, help: 'cli.option.env' },
  'ra-url': { type: 'string', value: 'cli.value.url', help: 'cli.option.ra-url' },
  trace: { type: 'string', value: 'cli.value.folder', help: 'cli.option.trace' },
  json: sharedOptions.json,
} as const satisfies OptionTable;
/** The keystore a procedure continues from. */
const keystoreOptions = { keystore: { ...sharedOptions.keystore, required: true }, 'password-env': sharedOptions['password-env'] } as const satisfies OptionTable;
/** The answers of a procedure that continues from a keystore and signs no contract. */
const keystoreAnswers = (values: Values<typeof keystoreOptions>): CertAnswers => ({ acceptContract: false, passwordEnv: values['password-env'] });
/** For the procedures that sign with the eID (and so sign a contract). */
const eidOptions = {
  module: sharedOptions.module,
  'pin-env': sharedOptions['pin-env'],
  'last-pin-try': sharedOptions['last-pin-try'],
  'accept-contract': { type: 'boolean', default: false, help: 'cli.option.accept-contract' },
} as const satisfies OptionTable;

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
 * Runs the procedure `name` (its `work`) with a procedure context built from the flags: environment,
 * registration client (on an in-process sandbox when needed), the eID engine when it signs with it;
 * everything closed afterwards.
 */
async function withContext<T>(
  context: CliContext,
  values: Values<typeof commonOptions> & Partial<Values<typeof eidOptions>>,
  answers: CertAnswers,
  name: AuthorityProcedure,
  work: (procedure: ProcedureContext) => Promise<T>,
): Promise<T> {
  // First: it checks a new password given by flag before the sandbox starts or the eID is read.
  const prompter = cliCertPrompter(context, answers);
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
        ...(engine ? { eid: { engine, prompter: cliPrompter(context, values['pin-env'], values['last-pin-try'] === true) } } : {}),
        ...(tracer ? { trace: tracer } : {}),
      }),
    );
  } finally {
    for (const problem of tracer?.problems ?? []) context.err(context.t('procedures.cli.trace-incomplete', { ...problem }));
    await engine?.close();
    await sandbox.close();
  }
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

const request = verb(
  {
    summary: 'cli.verb.cert.request',
    options: {
      holder: { type: 'string', value: 'cli.value.holder', help: 'cli.option.holder' },
      email: { type: 'string', multiple: true, value: 'cli.value.email', help: 'cli.option.email' },
      phone: { type: 'string', multiple: true, value: 'cli.value.phone', help: 'cli.option.phone' },
      'password-env': sharedOptions['password-env'],
      'keystore-dir': { type: 'string', value: 'cli.value.folder', defaultShown: () => defaultKeystoreFolder(), help: 'cli.option.keystore-dir' },
      ...eidOptions,
      ...commonOptions,
    },
  },
  async (context, { values }) => {
    const answers: CertAnswers = { holder: values.holder, email: values.email, phone: values.phone, acceptContract: values['accept-contract'], newPasswordEnv: values['password-env'] };
    const folder = path.resolve(values['keystore-dir'] ?? defaultKeystoreFolder());
    const result = await withContext(context, values, answers, 'request', (procedure) => requestCertificate(procedure, { keystoreFolder: folder }));
    return requested(context, values.json, result);
  },
);

const complete = verb({ summary: 'cli.verb.cert.complete', options: { ...keystoreOptions, ...commonOptions } }, async (context, { values }) => {
  const file = path.resolve(values.keystore);
  const result = await withContext(context, values, keystoreAnswers(values), 'complete', (procedure) => completeCertificate(procedure, file));
  const { t } = context;
  const lines = [
    result.backup ? t('procedures.cli.completed', { serial: result.etkSerialNumber, file, backup: result.backup }) : t('procedures.cli.already-complete', { file, serial: result.etkSerialNumber }),
    result.toBeActivated ? t('procedures.cli.etk-to-activate', { file }) : t(result.published ? 'procedures.cli.etk-published' : 'procedures.cli.etk-not-published'),
  ];
  return output(context, values.json, result, lines);
});

const renew = verb(
  { summary: 'cli.verb.cert.renew', options: { ...keystoreOptions, 'new-password-env': sharedOptions['new-password-env'], ...eidOptions, ...commonOptions } },
  async (context, { values }) => {
    const file = path.resolve(values.keystore);
    const answers: CertAnswers = { acceptContract: values['accept-contract'], passwordEnv: values['password-env'], newPasswordEnv: values['new-password-env'] };
    const result = await withContext(context, values, answers, 'renew', (procedure) => renewCertificate(procedure, file));
    return requested(context, values.json, result);
  },
);

const activate = verb({ summary: 'cli.verb.cert.activate', options: { ...keystoreOptions, ...commonOptions } }, async (context, { values }) => {
  const file = path.resolve(values.keystore);
  const result = await withContext(context, values, keystoreAnswers(values), 'activate', (procedure) => activateEtk(procedure, file));
  const { t } = context;
  return output(context, values.json, result, [t('procedures.cli.activated'), t(result.published ? 'procedures.cli.etk-published' : 'procedures.cli.etk-not-published')]);
});

const revoke = verb(
  {
    summary: 'cli.verb.cert.revoke',
    options: { ...keystoreOptions, reason: { type: 'string', choices: REVOCATION_REASONS, help: 'cli.option.reason' }, ...eidOptions, ...commonOptions },
  },
  async (context, { values }) => {
    const file = path.resolve(values.keystore);
    const answers: CertAnswers = { acceptContract: values['accept-contract'], passwordEnv: values['password-env'], reason: values.reason };
    const result = await withContext(context, values, answers, 'revoke', (procedure) => revokeCertificate(procedure, { keystore: file }));
    return output(context, values.json, result, [context.t('procedures.cli.revoked', { publicKeyIdentifier: result.publicKeyIdentifier, reason: result.reason })]);
  },
);

const status = verb({ summary: 'cli.verb.cert.status', options: { ...keystoreOptions, ...commonOptions } }, async (context, { values }) => {
  const file = path.resolve(values.keystore);
  const result = await withContext(context, values, keystoreAnswers(values), 'status', (procedure) => certificateStatus(procedure, file));
  const { t } = context;
  const lines = [t('procedures.cli.status', { file, holder: formatHolder(result.holder), stage: result.stage, publicKeyIdentifier: result.publicKeyIdentifier })];
  const info = result.authority;
  if (info) {
    const until = info.details?.notAfter.slice(0, 10) ?? '-';
    lines.push(t('procedures.cli.status-authority', { status: info.status, etkStatus: info.etkStatus, until, renewable: info.replaceable ? t('procedures.cli.renewable') : '' }));
  }
  return output(context, values.json, result, lines);
});

export const certGroup: VerbGroup = {
  name: 'cert',
  verbs: {
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
