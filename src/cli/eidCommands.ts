// `ehealth eid ...`: the Belgian eID card through its middleware (or a virtual card).
import { EidEngine, EidError, type CardPurpose, type EidCard, type EidCertificate, type Identity, type Prompter, type Reader } from '../eid';
import { readableDn } from '../core/distinguishedName';
import { readableIdentifier } from '../core/readableIdentifier';
import { labelled, type Translator } from '../i18n';
import { formatDate } from '../i18n/dates';
import { verb, type CliContext, type VerbGroup } from './context';
import { exits } from './verbFacts';
import { sharedOptions } from './options';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import { failureOf, jsonMode, printJson } from './output';
import { askYes, needTerminal, orList } from './question';
import { givenSecret, givenSecretFlag, readHidden, secretFlags, secretOptions } from './secretInput';
import { checkOutput, readInput, STANDARD_STREAM, writeOutput } from './streams';

const { module, 'last-pin-try': lastPinTry, json, out, force } = sharedOptions;
/** The PIN's options, for every verb that may present it. */
export const pinOptions = { ...secretOptions('pin'), 'last-pin-try': lastPinTry } as const;

/** The PIN given on the command line (read once), the flag that gave it, and --last-pin-try. */
export interface PinAnswers {
  pin?: string;
  flag?: string;
  lastPinTry: boolean;
}

export async function givenPin(context: CliContext, values: object & { 'last-pin-try'?: boolean }): Promise<PinAnswers> {
  return { pin: await givenSecret(context, values, 'pin'), flag: givenSecretFlag(values, 'pin'), lastPinTry: values['last-pin-try'] === true };
}

/** The eID engine on `--module`, else on the middleware found where it is installed. */
export const engineFor = (modulePath: string | undefined) => new EidEngine(modulePath ? { modulePath } : {});

/**
 * The PIN given by flag, else typed on the terminal without echo. With one try left, a script's PIN
 * is presented only with --last-pin-try; a person is asked. At a terminal, an empty reader is waited
 * for (a line on stderr, Ctrl+C stops waiting); without one, no wait: eid/no-card at once.
 */
export function cliPrompter(context: CliContext, { pin, flag, lastPinTry }: PinAnswers): Prompter {
  return {
    ...(context.interactive ? { waitForCard: (purpose: CardPurpose, signal: AbortSignal) => waitAtTerminal(context, purpose, signal) } : {}),
    confirmLastTry: async () => {
      if (flag !== undefined && !lastPinTry) throw new CliError(context.t('cli.eid.last-try-refused', { name: flag }), ExitCode.pinLastTry);
      context.err(context.t('cli.eid.last-try-warning'));
      return lastPinTry || askYes(context, context.t('cli.eid.last-try-confirm'), ['--last-pin-try']);
    },
    askPin: async (request) => {
      if (pin !== undefined) return pin;
      needTerminal(context, secretFlags('pin'));
      return readHidden(context.t(request.key ? `eid.pin.prompt.${request.key}` : 'eid.pin.prompt'), context.t);
    },
    showPinpadNotice: () => {
      context.err(context.t('eid.pinpad'));
      return () => undefined;
    },
  };
}

/** Says what to do on stderr, then waits until `signal` aborts (the card is there) or Ctrl+C (the user gives up). */
function waitAtTerminal(context: CliContext, purpose: CardPurpose, signal: AbortSignal): Promise<void> {
  // Already there: an abort that happened fires no listener.
  if (signal.aborted) return Promise.resolve();
  context.err(context.t('cli.eid.insert', { insert: context.t(`eid.insert.${purpose}`) }));
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    // While it is listened to, Ctrl+C ends the wait instead of the process: the procedure then undoes what it began.
    process.on('SIGINT', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Fields of a certificate shown by `info` (the DER stays out of the JSON). */
const certificateSummary = ({ der: _der, ...summary }: EidCertificate) => summary;

const info = verb({ summary: 'cli.verb.eid.info', environment: ['EHEALTH_PKCS11_MODULE'], exitCodes: [...exits.eid], examples: [{ command: 'ehealth eid info --json' }], options: { module, json } }, async (context, { values }) => {
  const engine = engineFor(values.module);
  try {
    const middleware = await engine.middleware();
    const readers = await engine.readers();
    let report: { card: EidCard; identity: Identity; certificates: EidCertificate[] } | undefined;
    let failure: EidError | undefined;
    try {
      report = { card: await engine.card(), identity: await engine.identity(), certificates: await engine.certificates() };
    } catch (error) {
      if (!(error instanceof EidError)) throw error;
      failure = error;
    }
    if (!jsonMode(context, values)) {
      context.out(formatInfo(middleware, readers, report, context.t));
      // Worded and exited as every error is.
      if (failure) throw failure;
      return ExitCode.ok;
    }
    // In JSON what was read and, when the card could not be, the error as every error document has it.
    const error = failure && failureOf(failure, context.language);
    printJson(context, {
      middleware,
      readers,
      ...(report ? { card: report.card, identity: report.identity, certificates: report.certificates.map(certificateSummary) } : {}),
      ...(error ? { error } : {}),
    });
    if (error) {
      context.err(`ehealth: ${error.message}`);
      return error.exitCode;
    }
    return ExitCode.ok;
  } finally {
    engine.close();
  }
});

function formatInfo(middleware: { path: string; description: string }, readers: Reader[], report: { card: EidCard; identity: Identity; certificates: EidCertificate[] } | undefined, t: Translator): string {
  const lines = [labelled(t, t('cli.eid.middleware'), `${middleware.description} (${middleware.path})`), t('cli.eid.readers')];
  for (const reader of readers) lines.push(`  - ${reader.description}${reader.cardPresent ? '' : ` (${t('cli.eid.no-card')})`}`);
  if (!report) return lines.join('\n');
  const { card, identity, certificates } = report;
  const pin = `${t(`eid.pin.status.${card.pin.status}`)}${card.pin.pinpad ? `, ${t('cli.eid.pinpad')}` : ''}`;
  lines.push(
    labelled(t, t('cli.eid.card'), `${card.label} ${card.serialNumber}`),
    labelled(t, t('cli.eid.pin'), pin),
    labelled(t, t('cli.eid.holder'), `${identity.firstNames} ${identity.surname}`),
    labelled(t, t('cli.eid.national-number'), `${readableIdentifier('SSIN', identity.nationalNumber)}${identity.nationalNumberValid ? '' : ` (${t('cli.eid.checksum-invalid')})`}`),
    labelled(t, t('cli.eid.birth'), `${formatDate(identity.birthDate, t.language)}${identity.birthPlace ? `, ${identity.birthPlace}` : ''}`),
    labelled(t, t('cli.eid.card-number'), identity.cardNumber),
  );
  if (identity.validityBegin && identity.validityEnd) lines.push(labelled(t, t('cli.eid.card-validity'), `${formatDate(identity.validityBegin, t.language)} – ${formatDate(identity.validityEnd, t.language)}`));
  if (identity.address) lines.push(labelled(t, t('cli.eid.address'), `${identity.address.streetAndNumber}, ${identity.address.zip} ${identity.address.municipality}`));
  lines.push(t('cli.eid.certificates'));
  for (const certificate of certificates) {
    const key = certificate.key.type === 'rsa' ? `RSA ${certificate.key.bits}` : `EC ${certificate.key.curve}`;
    const validity = t(`eid.validity.${certificate.validity}`, { count: certificate.daysLeft });
    lines.push(`  ${labelled(t, certificate.label, readableDn(certificate.subject))}`, `      ${key}, ${formatDate(certificate.notBefore, t.language)} – ${formatDate(certificate.notAfter, t.language)}, ${validity}${certificate.chainValid ? '' : `, ${t('cli.eid.chain-broken')}`}`);
  }
  return lines.join('\n');
}

const verifyPin = verb({ summary: 'cli.verb.eid.verify-pin', environment: ['EHEALTH_PKCS11_MODULE', 'CI'], exitCodes: [...exits.eid, ...exits.pin], examples: [{ command: 'ehealth eid verify-pin --pin-env EID_PIN' }], options: { module, json, ...pinOptions } }, async (context, { values }) => {
  const pin = await givenPin(context, values);
  const engine = engineFor(values.module);
  try {
    await engine.verifyPin(cliPrompter(context, pin));
    if (jsonMode(context, values)) printJson(context, { verified: true });
    else context.out(context.t('cli.eid.pin-ok'));
    return ExitCode.ok;
  } finally {
    engine.close();
  }
});

const sign = verb(
  {
    summary: 'cli.verb.eid.sign',
    environment: ['EHEALTH_PKCS11_MODULE', 'CI'],
    exitCodes: [...exits.eid, ...exits.pin, ...exits.output, ExitCode.notFound],
    examples: [{ command: 'ehealth eid sign --key signature --in document.pdf --out document.pdf.sig --pin-env EID_PIN' }],
    options: {
      key: { type: 'string', required: true, choices: ['authentication', 'signature'], help: 'cli.option.key' },
      in: { type: 'string', required: true, value: 'cli.value.file', help: 'cli.option.in' },
      out: { ...out, required: true },
      force,
      module,
      json,
      ...pinOptions,
    },
  },
  async (context, { values }) => {
    const key = values.key;
    // Standard input holds the data or the PIN, not both.
    if (values.in === STANDARD_STREAM && values['pin-stdin']) throw new CliError(context.t('cli.error.options-together', { options: orList(context, ['--in -', '--pin-stdin']) }), ExitCode.usage);
    // Before the PIN is asked: a refused --out must not cost a signature.
    const output = { force: values.force, binary: true };
    await checkOutput(context, values.out, output);
    const data = await readInput(values.in);
    const pin = await givenPin(context, values);
    const engine = engineFor(values.module);
    try {
      // DER for ECDSA: what openssl and most tools verify.
      const signer = await engine.signer(key, cliPrompter(context, pin), 'der');
      await writeOutput(context, values.out, await signer.sign(data), output);
      if (jsonMode(context, values)) printJson(context, { key, algorithm: signer.algorithm, out: values.out });
      // On stderr: stdout may be the signature itself (--out -).
      else context.err(context.t('cli.eid.signed', { key, algorithm: signer.algorithm, file: values.out }));
      return ExitCode.ok;
    } finally {
      engine.close();
    }
  },
);

export const eidGroup: VerbGroup = {
  name: 'eid',
  verbs: {
    info,
    'verify-pin': verifyPin,
    sign,
  },
};
