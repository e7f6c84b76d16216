// `ehealth keystore ...`: keystore files on disk, in eHealth terms.
import * as path from 'node:path';
import { printable } from '../core/printable';
import { KeystoreError } from '../keystore/errors';
import { inspectFile } from '../keystore/inspect';
import type { ExportFormat } from '../keystore/exportEntry';
import { keystoreFolders, listKeystores, type FolderRequest } from '../keystore/locate';
import { formatHolder } from '../core/holder';
import { certifiedEntry, type CertifiedEntry, type Keystore, type KeystoreEntry, type KeystoreFile, type KeystoreHolder, type KeystoreListing } from '../keystore/model';
import { labelled, type Translator } from '../i18n';
import { formatDate } from '../i18n/dates';
import { certificateDetails, entryText, folderStateText, holderText, keyText, warningText } from '../i18n/keystoreText';
import { ProcedureError } from '../procedures/errors';
import { verb, type CliContext, type VerbGroup } from './context';
import { sharedOptions } from './options';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import { jsonMode, printJson, printJsonArray, withLocalOffset } from './output';
import { configuredFolders, derivationFor, evaluationDate, inspectEach } from './keystoreFiles';
import { check } from './keystoreCheckCommand';
import { needTerminal, orList } from './question';
import { givenSecret, givenSecretFlag, readHidden, secretFlags, secretOptions } from './secretInput';
import { checkOutput, STANDARD_STREAM, writeOutput } from './streams';
import { exits } from './verbFacts';

const { json } = sharedOptions;

const list = verb({ summary: 'cli.verb.keystore.list', environment: ['EHEALTH_KEYSTORE_FOLDERS'], exitCodes: [], examples: [{ command: 'ehealth keystore list --json' }, { command: 'ehealth keystore list ~/ehealth/keystore /mnt/backup/keystores' }], options: { json }, positional: { value: 'cli.value.folder', multiple: true } }, async (context, { values, positionals }) => {
  const requests: FolderRequest[] = positionals.length
    ? positionals.map((folder) => ({ path: folder, origin: 'argument' as const }))
    : keystoreFolders(configuredFolders());
  const found = await listKeystores(requests);
  // The sandbox folder once it exists: someone who never rehearsed has no business with it.
  const listing = { folders: found.folders.filter((folder) => folder.origin !== 'sandbox' || folder.state !== 'missing') };
  if (jsonMode(context, values)) printJson(context, listingJson(listing));
  else context.out(formatListing(listing, context.t));
  return ExitCode.ok;
});

/** The JSON of `list --json`: the creation date read from a file name (local time) with its offset. */
const listingJson = (listing: KeystoreListing) => ({
  folders: listing.folders.map((folder) => ({
    ...folder,
    keystores: folder.keystores.map((file) => (file.createdAt ? { ...file, createdAt: withLocalOffset(file.createdAt) } : file)),
  })),
});

export function formatListing(listing: KeystoreListing, t: Translator): string {
  const lines: string[] = [];
  for (const folder of listing.folders) {
    // The sandbox's group says what its keystores are, as in the Keystores view.
    const where = `${folder.path}  (${folderStateText(folder, t)})`;
    lines.push(folder.origin === 'sandbox' ? labelled(t, t('keystore.folder.sandbox'), where) : where);
    for (const file of folder.keystores) lines.push(...formatFile(file, t));
  }
  if (listing.folders.every((folder) => folder.keystores.length === 0)) {
    lines.push(t('cli.keystore.none'));
  }
  // File and folder names are anyone's: one may hold a line feed or a terminal sequence.
  return lines.map(printable).join('\n');
}

function formatFile(file: KeystoreFile, t: Translator): string[] {
  const holder = file.holder ? formatHolder(file.holder) : file.fileName;
  const details = [file.createdAt && formatDate(file.createdAt, t.language, 'moment'), t(`environment.${file.environment}`), file.latest ? undefined : t('keystore.older')]
    .filter(Boolean)
    .join(' · ');
  const lines = [`  ${file.problems.length ? '!' : '-'} ${holder}  ${details}`, `      ${file.fileName}`];
  for (const problem of file.problems) lines.push(`      ! ${t(`keystore.problem.${problem.code}`, problem.params)}`);
  return lines;
}

/** The keystore file a verb works on. */
const oneKeystore = { value: 'cli.value.file', required: true } as const;

/**
 * The password of `file` as given (--password-env, -file, -stdin), else typed without echo at a
 * terminal; without one, a usage error naming the flags. Ctrl-C or Ctrl-D stops the verb.
 */
export async function requiredPassword(context: CliContext, values: object, file: string): Promise<string> {
  const prompt = context.t('procedures.prompt.password', { file });
  const given = await givenSecret(context, values, 'password', prompt);
  if (given !== undefined) return given;
  needTerminal(context, secretFlags('password'));
  const typed = await readHidden(prompt, context.t);
  if (typed === undefined) throw new ProcedureError('cancelled');
  return typed;
}

const inspect = verb(
  {
    summary: 'cli.verb.keystore.inspect',
    environment: [],
    exitCodes: [...exits.keystore],
    examples: [
      { command: 'ehealth keystore inspect "SSIN=79021802145 20230823-085751.acc-p12" --password-env KEYSTORE_PASSWORD --json' },
      { command: 'ehealth keystore inspect ~/ehealth/keystore/*.acc-p12 --password-env KEYSTORE_PASSWORD --json' },
    ],
    options: {
      ...secretOptions('password'),
      at: { type: 'string', value: 'cli.value.date', help: 'cli.option.at' },
      'check-keys': { type: 'boolean', default: false, help: 'cli.option.check-keys' },
      json,
    },
    positional: { ...oneKeystore, multiple: true },
  },
  async (context, { values, positionals: files }) => {
    const at = evaluationDate(context, values.at);
    // Without a password, what the file shows unopened: never asked. One password for every file, read once.
    const prompt = files.length === 1 ? context.t('procedures.prompt.password', { file: files[0] }) : undefined;
    const password = await givenSecret(context, values, 'password', prompt);
    // Decrypting the private keys costs 1.5 times the MAC and the certificates together (JDK files):
    // asked for, as openssl and keytool leave the keys alone when they list a keystore.
    const options = { ...(password !== undefined ? { password } : {}), at, checkKeys: password !== undefined && values['check-keys'] === true };
    const asJson = jsonMode(context, values);
    if (files.length === 1) {
      const { keystore } = await inspectFile(files[0], { ...options, deriver: derivationFor(1) });
      if (asJson) printJson(context, keystoreJson(keystore));
      else context.out(formatKeystore(keystore, context.t));
      return ExitCode.ok;
    }
    const reports = await inspectEach(context, files, options);
    if (asJson) printJsonArray(context, reports.map((report) => ('keystore' in report ? keystoreJson(report.keystore) : { file: report.file, error: report.error })));
    else context.out(reports.map((report) => [fileHeader(report.file), 'keystore' in report ? formatKeystore(report.keystore, context.t) : `! ${report.error.message}`].join('\n')).join('\n\n'));
    for (const report of reports) if ('error' in report) context.err(`ehealth: ${printable(report.file)}: ${report.error.message}`);
    // The exit code of the first file that failed, in the order given.
    return reports.find((report) => 'error' in report)?.error.exitCode ?? ExitCode.ok;
  },
);

/** `==> FILE <==` above each keystore's report, as `head` and `tail` name their files. */
const fileHeader = (file: string) => `==> ${printable(file)} <==`;

/** The stable JSON of `inspect --json`: entries flattened, certificates without their DER. */
export function keystoreJson(keystore: Keystore) {
  const { entries, ...rest } = keystore;
  return {
    ...rest,
    entries: entries.map((entry) => {
      if (entry.kind === 'key-only') return entry;
      const { alias, kind, certificate, chain } = entry;
      const { der, ...fields } = certificate;
      void der; // base64 DER belongs in `export`, not in the listing
      return { alias, kind, ...fields, chain: chain.map((link) => link.subject) };
    }),
  };
}

function formatKeystore(keystore: Keystore, t: Translator): string {
  const lines: string[] = [];
  const holder = keystore.holder ? holderText(keystore.holder, keystore.holder.name) : '?';
  if (keystore.file) lines.push(labelled(t, t('cli.inspect.file'), keystore.file));
  lines.push(labelled(t, t('cli.inspect.holder'), holder), labelled(t, t('cli.inspect.environment'), t(`environment.${keystore.environment}`)));
  if (keystore.status) {
    lines.push(labelled(t, t('cli.inspect.status'), `${t(`keystore.status.${keystore.status}`)} (${t('cli.inspect.evaluated', { date: formatDate(keystore.evaluatedAt, t.language) })})`));
  }
  if (keystore.locked && keystore.keyAliases.length) lines.push(t('cli.inspect.key-aliases'), ...keystore.keyAliases.map((alias) => `  ${alias}`));
  if (keystore.entries.length) lines.push(t('cli.inspect.entries'), ...keystore.entries.flatMap((entry) => formatEntry(entry, keystore.holder, t)));
  if (keystore.checks.length) {
    lines.push(t('cli.inspect.checks'));
    for (const check of keystore.checks) lines.push(`  ${labelled(t, `${t(`keystore.check.${check.code}`)} [${check.alias}]`, t(`keystore.check.${check.result}`))}`);
  }
  const { protection } = keystore;
  lines.push(t('cli.inspect.protection'));
  if (protection.macAlgorithm) lines.push(`  MAC ${protection.macAlgorithm}, ${t('cli.inspect.iterations', { count: protection.macIterations ?? 1 })}`);
  for (const bag of protection.bags) lines.push(`  ${bag.algorithm}, ${t('cli.inspect.iterations', { count: bag.iterations })}`);
  for (const warning of keystore.warnings) lines.push(`! ${warningText(warning, t)}`);
  // Aliases and names come from the file: whoever made it chose them.
  return lines.map(printable).join('\n');
}

function formatEntry(entry: KeystoreEntry, holder: KeystoreHolder | undefined, t: Translator): string[] {
  const heading = `  ${entryText(entry, holder, t)}  [${t(`keystore.kind.${entry.kind}`)}]`;
  if (entry.kind === 'key-only') return [`${heading}  ${keyText(entry.key)}`];
  const { certificate } = entry;
  return [
    `${heading}  ${keyText(certificate.key)}`,
    // What `export --alias` takes.
    `      ${labelled(t, t('cli.inspect.alias'), entry.alias)}`,
    ...certificateDetails(certificate, t).map(([label, value]) => `      ${labelled(t, label, value)}`),
  ];
}

/** What `export` writes: the entry's certificate, with its chain, its private key, or a PKCS#12 copy. */
type ExportContents = 'certificate' | 'chain' | 'private-key' | 'pkcs12';

interface ExportFlags {
  chain: boolean;
  format?: ExportFormat;
  'private-key': boolean;
  pkcs12: boolean;
}

/** The one thing asked for; two that exclude each other are a usage error, not a guess. */
function exportContents(context: CliContext, values: ExportFlags & object): ExportContents {
  const { t } = context;
  const given = (['chain', 'private-key', 'pkcs12'] as const).filter((name) => values[name]);
  if (given.length > 1) throw new CliError(t('cli.error.options-together', { options: orList(context, given.map((name) => `--${name}`)) }), ExitCode.usage);
  const contents: ExportContents = given[0] ?? 'certificate';
  // A PKCS#12 file has one encoding; DER holds one certificate.
  if (contents === 'pkcs12' && values.format !== undefined) throw new CliError(t('cli.error.options-together', { options: orList(context, ['--pkcs12', '--format']) }), ExitCode.usage);
  if (contents === 'chain' && values.format === 'der') throw new CliError(t('cli.error.der-single-certificate'), ExitCode.usage);
  // A new password given for nothing was meant for something: say so rather than ignore it.
  const newPasswordFlag = givenSecretFlag(values, 'new-password');
  if (newPasswordFlag !== undefined && contents !== 'private-key' && contents !== 'pkcs12') {
    throw new CliError(t('cli.error.new-password-unused', { option: newPasswordFlag }), ExitCode.usage);
  }
  return contents;
}

const exportEntry = verb(
  {
    summary: 'cli.verb.keystore.export',
    options: {
      alias: { type: 'string', value: 'cli.value.alias', help: 'cli.option.alias' },
      chain: { type: 'boolean', default: false, help: 'cli.option.chain' },
      'private-key': { type: 'boolean', default: false, help: 'cli.option.private-key' },
      pkcs12: { type: 'boolean', default: false, help: 'cli.option.pkcs12' },
      format: { type: 'string', choices: ['pem', 'der'], defaultShown: () => 'pem', help: 'cli.option.format' },
      out: { ...sharedOptions.out, help: 'cli.option.export-out' },
      force: sharedOptions.force,
      ...secretOptions('password'),
      ...secretOptions('new-password'),
      json,
    },
    positional: oneKeystore,
    environment: [],
    exitCodes: [...exits.keystore, ...exits.output],
    examples: [
      { command: 'ehealth keystore export my.acc-p12 --password-env KEYSTORE_PASSWORD --out authentication.pem' },
      { command: 'ehealth keystore export my.acc-p12 --chain --password-env KEYSTORE_PASSWORD > chain.pem' },
      { command: 'ehealth keystore export my.acc-p12 --private-key --password-env KEYSTORE_PASSWORD --new-password-env KEY_PASSWORD --out key.pem' },
      { command: 'ehealth keystore export my.acc-p12 --pkcs12 --password-env KEYSTORE_PASSWORD --new-password-env P12_PASSWORD --out server.p12' },
    ],
  },
  async (context, { values, positionals: [file] }) => {
    const { t } = context;
    const contents = exportContents(context, values);
    const format = values.format ?? 'pem';
    const target = values.out ?? STANDARD_STREAM;
    const asJson = jsonMode(context, values);
    const secret = contents === 'private-key' || contents === 'pkcs12';
    const output = { force: values.force, binary: contents === 'pkcs12' || format === 'der', keystoreCopy: contents === 'pkcs12', ...(secret ? { mode: 0o600 } : {}) };
    // Before any password is asked and the keystore opened: a refused output (or stdout with --json) fails at once.
    await checkOutput(context, target, output);
    // The writers of keys and copies load with this verb only (the other verbs never write one).
    const { certificatesFile, encryptedPrivateKey, pkcs12Copy } = await import('../keystore/exportEntry');
    const password = await requiredPassword(context, values, file);
    const newPassword = secret ? await exportPassword(context, values) : undefined;
    const opened = await inspectFile(file, { password });
    const entry = chosenEntry(opened.keystore, values.alias);
    const certificates = [entry.certificate, ...entry.chain].map((certificate) => Buffer.from(certificate.der, 'base64'));
    const key = async () => {
      const unlocked = opened.keys.get(entry.alias);
      if (!unlocked) throw new CliError(t('cli.error.entry-without-key', { alias: entry.alias }), ExitCode.notFound);
      return unlocked.privateKey();
    };
    const bytes =
      contents === 'pkcs12'
        ? await pkcs12Copy(entry.alias, await key(), certificates, newPassword!)
        : contents === 'private-key'
          ? encryptedPrivateKey(await key(), newPassword!, format)
          : certificatesFile(contents === 'chain' ? certificates : certificates.slice(0, 1), format);
    await writeOutput(context, target, bytes, output);
    if (asJson) {
      const held = { certificate: 1, chain: certificates.length, 'private-key': 0, pkcs12: certificates.length }[contents];
      printJson(context, { file: path.resolve(target), alias: entry.alias, contents, format: contents === 'pkcs12' ? 'pkcs12' : format, certificates: held });
    }
    else if (target !== STANDARD_STREAM) context.err(t(`cli.keystore.export-done.${contents}`, { alias: entry.alias, file: target }));
    return ExitCode.ok;
  },
);

/** `--alias`, else the authentication key: the one the eHealth services authenticate with. */
function chosenEntry(keystore: Keystore, alias: string | undefined): CertifiedEntry {
  const found = alias === undefined ? keystore.entries.find((entry) => entry.kind === 'authentication') : keystore.entries.find((entry) => entry.alias === alias);
  const wanted = alias ?? 'authentication';
  if (!found) throw new KeystoreError('entry-not-found', `alias ${wanted}`, { alias: wanted });
  return certifiedEntry(found);
}

/** The password of an exported key or copy: as given, else typed twice; the rules of a keystore's password. */
async function exportPassword(context: CliContext, values: object): Promise<string> {
  const [{ cliCertPrompter }, { PASSWORD_RULES }] = await Promise.all([import('./certPrompter'), import('../procedures/submit')]);
  const prompter = cliCertPrompter(context, { acceptContract: false, newPassword: await givenSecret(context, values, 'new-password') });
  const password = await prompter.newKeystorePassword(PASSWORD_RULES);
  if (typeof password !== 'string') throw new ProcedureError('cancelled');
  return password;
}

/**
 * `keystore passwd`, also `cert change-password`: the change-password procedure, the passwords as
 * given (--password-*, --new-password-*) or typed on the terminal (the new one twice).
 */
export const passwd = verb(
  {
    summary: 'cli.verb.keystore.passwd',
    environment: ['CI'],
    exitCodes: [...exits.keystore, ...exits.keystoreWrite],
    examples: [{ command: 'ehealth keystore passwd "SSIN=79021802145 20230823-085751.acc-p12" --password-env OLD_PASSWORD --new-password-env NEW_PASSWORD' }],
    options: { keystore: sharedOptions.keystore, ...secretOptions('password'), ...secretOptions('new-password'), json },
    positional: { ...oneKeystore, option: 'keystore' },
  },
  async (context, { values, positionals }) => {
    const keystore = path.resolve(values.keystore ?? positionals[0]);
    // The procedures and their prompter load with the verbs that run them.
    const [{ changeKeystorePassword }, { cliCertPrompter, givenPasswords }] = await Promise.all([import('../procedures/changePassword'), import('./certPrompter')]);
    const { backup } = await changeKeystorePassword({ prompter: cliCertPrompter(context, { acceptContract: false, ...(await givenPasswords(context, values)) }) }, keystore);
    if (jsonMode(context, values)) printJson(context, { keystore, backup });
    else context.err(context.t('cli.keystore.passwd-done', { backup }));
    return ExitCode.ok;
  },
);

export const keystoreGroup: VerbGroup = {
  name: 'keystore',
  verbs: {
    list,
    inspect,
    check,
    passwd,
    export: exportEntry,
  },
};
