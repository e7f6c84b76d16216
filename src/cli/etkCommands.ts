// `ehealth etk ...`: encryption tokens (ETK). `show` reads a keystore's own ETK certificate, found
// by its role (the entry an ETK key is kept under, named by its decimal serial); `lookup` asks the
// eHealth depot for anyone's, to encrypt to them: no eID, nothing signed.
import * as path from 'node:path';
import { ENVIRONMENTS, isEnvironment, type Environment } from '../core/environment';
import { formatHolder, holderOf, type Holder } from '../core/holder';
import { applicationIdProblem, holderTypes, identifierProblem, typedIdentifier } from '../core/identifier';
import { printable } from '../core/printable';
import { ExitCode } from '../faces/exitCodes';
import { holderProblemMessage } from '../faces/holderChecks';
import { labelled, type Translator } from '../i18n';
import { certificateDetails, holderText, keyText } from '../i18n/keystoreText';
import { parseCertificate } from '../keystore/certificate';
import { inspectFile } from '../keystore/inspect';
import { newestEtk, type KeystoreCertificate } from '../keystore/model';
import { CliError } from './cliError';
import { suggestedCommand } from './commandLine';
import { verb, type CliContext, type VerbGroup } from './context';
import { requiredPassword } from './keystoreCommands';
import { sharedOptions } from './options';
import { jsonMode, printJson } from './output';
import { secretOptions } from './secretInput';
import { checkOutput, STANDARD_STREAM, writeOutput } from './streams';
import { exits } from './verbFacts';

/** `--out FILE` or `--out -`: the certificate as PEM, never over an existing file without --force. */
const pemOutput = { out: { ...sharedOptions.out, help: 'cli.option.etk-out' }, force: sharedOptions.force } as const;
const textOutput = { force: false, binary: false };

/** An ETK certificate as the verbs print it: in JSON its fields (no DER: the PEM is written with --out), for people its details. */
function etkJson(certificate: KeystoreCertificate) {
  const { der, ...fields } = certificate;
  void der;
  return fields;
}

function etkLines(certificate: KeystoreCertificate, t: Translator, heading: Array<[string, string]>): string[] {
  // Names come from the file or the depot: neither may add lines or terminal sequences.
  return [...heading, ...certificateDetails(certificate, t), [t('cli.inspect.key'), keyText(certificate.key)] as [string, string]].map(([label, value]) => printable(labelled(t, label, value)));
}

/** Writes the PEM where --out says; with `--out -` the details go to stderr, stdout holding the PEM alone. */
async function written(context: CliContext, values: { out?: string; force: boolean; json: boolean }, certificate: KeystoreCertificate, lines: string[], json: object): Promise<number> {
  const { out, force } = values;
  if (out !== undefined) {
    const { certificatesFile } = await import('../keystore/exportEntry');
    await writeOutput(context, out, certificatesFile([Buffer.from(certificate.der, 'base64')], 'pem'), { ...textOutput, force });
  }
  const toStdout = out === STANDARD_STREAM;
  if (jsonMode(context, values)) printJson(context, json);
  else lines.forEach((line) => (toStdout ? context.err(line) : context.out(line)));
  if (out !== undefined && !toStdout) context.err(context.t('procedures.cli.etk-written', { file: out }));
  return ExitCode.ok;
}

/** --out checked before anything is read or asked (`-` is refused with --json, whose document has stdout). */
async function checkedOut(context: CliContext, values: { out?: string; force: boolean }): Promise<void> {
  if (values.out !== undefined) await checkOutput(context, values.out, { ...textOutput, force: values.force });
}

const show = verb(
  {
    summary: 'cli.verb.etk.show',
    options: { ...secretOptions('password'), ...pemOutput, json: sharedOptions.json },
    positional: { value: 'cli.value.file', required: true },
    environment: [],
    exitCodes: [...exits.keystore, ...exits.output],
    examples: [{ command: 'ehealth etk show my.acc-p12 --password-env KEYSTORE_PASSWORD' }, { command: 'ehealth etk show my.acc-p12 --password-env KEYSTORE_PASSWORD --out etk.pem' }],
  },
  async (context, { values, positionals: [given] }) => {
    const { t } = context;
    const file = path.resolve(given);
    await checkedOut(context, values);
    // The keystore engine reads entries (and so roles) only once the file is unlocked: eHealth's keystores encrypt their certificates too.
    const { keystore } = await inspectFile(file, { password: await requiredPassword(context, values, file) });
    const etk = newestEtk(keystore.entries);
    if (!etk) {
      const env: Environment = isEnvironment(keystore.environment) ? keystore.environment : 'sandbox';
      throw new CliError(t('procedures.cli.etk-none', { file, command: suggestedCommand('cert complete', { env }, { keystore: file }) }), ExitCode.notFound, 'cli/no-etk');
    }
    const { certificate } = etk;
    const holder = keystore.holder ? holderText(keystore.holder, keystore.holder.name) : '?';
    const heading: Array<[string, string]> = [
      [t('cli.inspect.file'), file],
      [t('cli.inspect.holder'), holder],
      [t('cli.inspect.environment'), t(`environment.${keystore.environment}`)],
    ];
    const holderJson = keystore.holder ? formatHolder(keystore.holder) : null;
    return written(context, values, certificate, etkLines(certificate, t, heading), { keystore: file, holder: holderJson, environment: keystore.environment, alias: etk.alias, certificate: etkJson(certificate) });
  },
);

/** The holder named by --type, --id and --application-id, checked by the identifier rules before any network call. */
function wantedHolder(context: CliContext, type: string, id: string, applicationId: string | undefined): Holder {
  const digits = typedIdentifier(id);
  const problem = identifierProblem(type, digits) ?? applicationIdProblem(applicationId);
  if (problem) {
    const holder = formatHolder(holderOf(type, id, applicationId));
    throw new CliError(context.t('cli.error.bad-identifier', { holder, problem: holderProblemMessage(context.t, problem, type) }), ExitCode.usage, 'cli/bad-identifier');
  }
  return holderOf(type, digits, applicationId);
}

const lookup = verb(
  {
    summary: 'cli.verb.etk.lookup',
    options: {
      type: { type: 'string', required: true, choices: [...holderTypes.keys()], help: 'cli.option.type' },
      id: { type: 'string', required: true, value: 'cli.value.id', help: 'cli.option.id' },
      'application-id': { type: 'string', value: 'cli.value.application-id', help: 'cli.option.application-id' },
      env: { type: 'string', default: 'sandbox', choices: ENVIRONMENTS, help: 'cli.option.env' },
      'ra-url': { type: 'string', value: 'cli.value.url', help: 'cli.option.ra-url' },
      ...pemOutput,
      json: sharedOptions.json,
    },
    environment: ['EHEALTH_SANDBOX_DATA'],
    exitCodes: [ExitCode.notFound, ...exits.authority, ...exits.output],
    examples: [
      { command: 'ehealth etk lookup --type CBE --id 0123.456.749 --application-id DISPATCH --env acceptance' },
      { command: 'ehealth etk lookup --type SSIN --id 79021802145 --env acceptance --out - > etk.pem' },
    ],
  },
  async (context, { values }) => {
    const holder = wantedHolder(context, values.type, values.id, values['application-id']);
    await checkedOut(context, values);
    // The registration client and the sandbox load with this verb only (`etk show` reads a file).
    const [{ etkOf }, { inProcessSandbox }] = await Promise.all([import('../procedures/etk'), import('./certCommands')]);
    const sandbox = inProcessSandbox(context);
    const raUrl = values['ra-url'];
    const der = await etkOf({ environment: values.env, ...(raUrl !== undefined ? { raUrl } : {}), sandbox }, holder).finally(() => sandbox.close());
    const certificate = parseCertificate(der).details;
    const heading: Array<[string, string]> = [
      [context.t('cli.inspect.holder'), formatHolder(holder)],
      [context.t('cli.inspect.environment'), context.t(`environment.${values.env}`)],
    ];
    return written(context, values, certificate, etkLines(certificate, context.t, heading), { holder: formatHolder(holder), environment: values.env, certificate: etkJson(certificate) });
  },
);

export const etkGroup: VerbGroup = {
  name: 'etk',
  verbs: { show, lookup },
};
