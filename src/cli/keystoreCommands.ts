// `ehealth keystore ...`: keystore files on disk, in eHealth terms.
import * as path from 'node:path';
import { readableDn } from '../core/distinguishedName';
import { printable } from '../core/printable';
import { KeystoreError } from '../keystore/errors';
import { inspectFile } from '../keystore/inspect';
import { checkOutputTarget, writeOutputFile } from '../keystore/outputFile';
import { keystoreFolders, listKeystores, type FolderRequest } from '../keystore/locate';
import { formatHolder } from '../core/holder';
import { certifiedEntry, type Keystore, type KeystoreEntry, type KeystoreFile, type KeystoreHolder, type KeystoreListing } from '../keystore/model';
import { labelled, type Translator } from '../i18n';
import { formatDate } from '../i18n/dates';
import { entryText, folderStateText, holderText, keyText, warningText } from '../i18n/keystoreText';
import { changeKeystorePassword, ProcedureError } from '../procedures';
import { cliCertPrompter, givenPasswords } from './certPrompter';
import { verb, type CliContext, type VerbGroup } from './context';
import { exits } from './verbFacts';
import { sharedOptions } from './options';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import { jsonMode, printJson, withLocalOffset } from './output';
import { needTerminal } from './question';
import { givenSecret, readHidden, secretFlags, secretOptions } from './secretInput';

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

/** Folders added by the user, as the extension's `ehealth.keystore.folders` setting does (path-separated). */
export function configuredFolders(): string[] {
  return (process.env.EHEALTH_KEYSTORE_FOLDERS ?? '').split(process.platform === 'win32' ? ';' : ':').filter(Boolean);
}

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
async function requiredPassword(context: CliContext, values: object, file: string): Promise<string> {
  const given = await givenSecret(context, values, 'password');
  if (given !== undefined) return given;
  needTerminal(context, secretFlags('password'));
  const typed = await readHidden(context.t('procedures.prompt.password', { file }), context.t);
  if (typed === undefined) throw new ProcedureError('cancelled');
  return typed;
}

const inspect = verb(
  {
    summary: 'cli.verb.keystore.inspect',
    environment: [],
    exitCodes: [...exits.keystore],
    examples: [{ command: 'ehealth keystore inspect "SSIN=79021802145 20230823-085751.acc-p12" --password-env KEYSTORE_PASSWORD --json' }],
    options: { ...secretOptions('password'), at: { type: 'string', value: 'cli.value.date', help: 'cli.option.at' }, json },
    positional: oneKeystore,
  },
  async (context, { values, positionals: [file] }) => {
    const at = values.at === undefined ? new Date() : new Date(values.at);
    if (Number.isNaN(at.getTime())) throw new CliError(context.t('cli.error.bad-date', { value: values.at ?? '' }), ExitCode.usage);
    // Without a password, what the file shows unopened: never asked.
    const password = await givenSecret(context, values, 'password');
    const { keystore } = await inspectFile(file, { ...(password !== undefined ? { password } : {}), at, checkKeys: password !== undefined });
    if (jsonMode(context, values)) printJson(context, keystoreJson(keystore));
    else context.out(formatKeystore(keystore, context.t));
    return ExitCode.ok;
  },
);

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
    `      ${labelled(t, t('cli.inspect.subject'), readableDn(certificate.subject))}`,
    `      ${labelled(t, t('cli.inspect.issuer'), readableDn(certificate.issuer))}`,
    `      ${labelled(t, t('cli.inspect.serial'), `${certificate.serialNumber} (0x${certificate.serialNumberHex})`)}`,
    `      ${labelled(t, t('cli.inspect.validity'), `${formatDate(certificate.notBefore, t.language, 'moment')} → ${formatDate(certificate.notAfter, t.language, 'moment')}`)}`,
  ];
}

const exportCertificate = verb(
  {
    summary: 'cli.verb.keystore.export',
    environment: [],
    exitCodes: [...exits.keystore, ...exits.output],
    examples: [{ command: 'ehealth keystore export "SSIN=79021802145 20230823-085751.acc-p12" --chain --out chain.pem' }, { command: 'ehealth keystore export "SSIN=79021802145 20230823-085751.acc-p12" --pkcs12 --password-env KEYSTORE_PASSWORD --new-password-env COPY_PASSWORD --out copy.p12' }],
    options: {
      alias: { type: 'string', required: true, value: 'cli.value.alias', help: 'cli.option.alias' },
      out: sharedOptions.out,
      force: sharedOptions.force,
      ...secretOptions('password'),
    },
    positional: oneKeystore,
  },
  async (context, { values, positionals: [file] }) => {
    // Before the password is asked and the keystore opened: a refused --out fails at once.
    if (values.out !== undefined) await checkOutputTarget(values.out, values.force);
    const password = await requiredPassword(context, values, file);
    const { keystore } = await inspectFile(file, { password });
    const found = keystore.entries.find((candidate) => candidate.alias === values.alias);
    if (!found) throw new KeystoreError('entry-not-found', `alias ${values.alias}`, { alias: values.alias });
    const entry = certifiedEntry(found);
    const body = entry.certificate.der.replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
    const pem = `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
    if (values.out === undefined) {
      context.out(pem.trimEnd());
    } else {
      await writeOutputFile(values.out, Buffer.from(pem), { force: values.force });
      context.err(context.t('cli.keystore.export-done', { alias: entry.alias, file: values.out }));
    }
    return ExitCode.ok;
  },
);

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
    passwd,
    export: exportCertificate,
  },
};
