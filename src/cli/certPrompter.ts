// The procedures' Prompter on the command line: each answer from its flag when given, else asked on
// the terminal (passwords without echo); without a terminal, a missing answer stops the verb at once,
// naming its flags. Progress and contracts go to stderr, results to stdout.
import { formatHolder, holderOf, parseHolder, SSIN_TYPE, type Holder } from '../core/holder';
import { readableDn } from '../core/distinguishedName';
import { printable } from '../core/printable';
import { contactChecks } from '../faces/contactChecks';
import { errorMessage } from '../faces/errors';
import { summaryRows } from '../faces/requestSummary';
import { holderProblemMessage, organizationHolderProblem } from '../faces/holderChecks';
import { labelled } from '../i18n';
import { PasswordPolicyViolation } from '../keystore/errors';
import { checkNewPassword } from '../keystore/passwordPolicy';
import { contractLines, listedOrganization, type HolderChoice, type HolderChoices, type Prompter } from '../procedures';
import { REVOCATION_REASONS, type RevocationReason } from '../ra/model';
import type { CliContext } from './context';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import { askLine, askYes, needTerminal } from './question';
import { givenSecret, readHidden, secretFlags } from './secretInput';

export interface CertAnswers {
  holder?: string;
  /** The official name of an organisation eHealth does not list for the user (typed by hand). */
  organizationName?: string;
  /** One or two of each: the second (general) one is optional and must differ. */
  email?: string[];
  phone?: string[];
  acceptContract: boolean;
  /** A production step goes ahead without being asked (--confirm-production). */
  confirmProduction?: boolean;
  /** The password of the keystore opened, as given by --password-env, -file or -stdin (already read). */
  password?: string;
  /** The password of the keystore written (--new-password-env, -file, -stdin). */
  newPassword?: string;
  reason?: string;
}

/** The passwords given on the command line, read once (stdin cannot be read twice). */
export async function givenPasswords(context: CliContext, values: object): Promise<Pick<CertAnswers, 'password' | 'newPassword'>> {
  return { password: await givenSecret(context, values, 'password'), newPassword: await givenSecret(context, values, 'new-password') };
}

/** The holder as written (`79021802145`, `SSIN=...`, `CBE=0123456749,APPID`); a bare SSIN is the user themself, as `SSIN=` is. */
const parsedHolder = (text: string): Holder | undefined => (/^\d{11}$/.test(text) ? holderOf(SSIN_TYPE, text) : parseHolder(text));

/** An answer read to its value, or what is wrong with it in the user's words. */
type Checked<T> = { value: T } | { problem: string };

/** The holder as written, by core's rules for its type. */
function checkedHolder(context: CliContext, text: string): Checked<Holder> {
  const holder = parsedHolder(text);
  if (!holder) return { problem: context.t('procedures.cli.bad-holder', { holder: text }) };
  const problem = holder.type === SSIN_TYPE ? undefined : organizationHolderProblem(holder);
  return problem ? { problem: context.t('procedures.error.invalid-holder', { holder: text, problem: holderProblemMessage(context.t, problem, holder.type) }) } : { value: holder };
}

/** The holder of --holder: a wrong number stops here, before the eID is touched. */
function givenHolder(context: CliContext, text: string): Holder {
  const checked = checkedHolder(context, text);
  if ('problem' in checked) throw new CliError(checked.problem, ExitCode.usage);
  return checked.value;
}

/**
 * Myself, an organisation eHealth lists for me, or, with its official name, one it does not list
 * (typed by hand: eHealth validates that request by hand).
 */
async function holderChoice(context: CliContext, holder: Holder, choices: HolderChoices, askName: () => Promise<string | undefined>): Promise<HolderChoice> {
  if (holder.type === SSIN_TYPE) {
    if (holder.id !== choices.self || holder.applicationId) throw new CliError(context.t('procedures.error.not-authorized', { holder: formatHolder(holder) }), ExitCode.usage);
    return { kind: 'self' };
  }
  if (listedOrganization(choices.organizations, holder, await choices.organizationTypes())) return { kind: 'organization', ...holder };
  const name = await askName();
  // A question without its flag (cli/answer-needed), in words that say why this one is asked.
  if (!name?.trim()) throw new CliError(context.t('procedures.cli.organization-name-needed', { holder: formatHolder(holder) }), ExitCode.usage, 'cli/answer-needed');
  return { kind: 'typed-organization', ...holder, name };
}

/**
 * Typed twice without echo, and asked again until it meets the eHealth rules (as the extension's
 * live checklist does): refusing it at the end would waste the PIN already given for the request.
 */
async function askNewPassword(context: CliContext): Promise<string | undefined> {
  const { t } = context;
  needTerminal(context, secretFlags('new-password'));
  for (;;) {
    const password = await readHidden(t('procedures.prompt.new-password'), t);
    if (password === undefined) return undefined;
    const confirmation = await readHidden(t('procedures.prompt.confirm-password'), t);
    if (confirmation === undefined) return undefined;
    try {
      return checkNewPassword(password, confirmation);
    } catch (error) {
      if (!(error instanceof PasswordPolicyViolation)) throw error;
      context.err(errorMessage(error, context.language));
    }
  }
}

/** Asked again until the answer is accepted, as the extension's input box does; undefined when the input ends. */
async function askChecked<T>(context: CliContext, question: string, flags: readonly string[], check: (answer: string) => Checked<T>): Promise<T | undefined> {
  for (;;) {
    const answer = await askLine(context, question, flags);
    if (answer === undefined) return undefined;
    const checked = check(answer);
    if ('value' in checked) return checked.value;
    context.err(checked.problem);
  }
}

/** The answer as typed, unless `problemOf` finds something wrong with it. */
const asTyped =
  (problemOf: (answer: string) => string | undefined) =>
  (answer: string): Checked<string> => {
    const problem = problemOf(answer);
    return problem ? { problem } : { value: answer };
  };

/**
 * Flags are read, and a new password given by flag checked, when the prompter is made: a
 * script's password that breaks the rules stops the run before the eID signs or anything is sent.
 */
export function cliCertPrompter(context: CliContext, answers: CertAnswers): Prompter {
  const { t } = context;
  const newPassword = answers.newPassword === undefined ? undefined : checkNewPassword(answers.newPassword);
  const flagHolder = answers.holder === undefined ? undefined : givenHolder(context, answers.holder);
  return {
    chooseHolder: async (choices) => {
      // Typed on the terminal: asked again until it passes (the PIN for GetActorQualities is spent), and
      // the name of an organisation not listed is asked there too.
      const holder = flagHolder ?? (await askChecked(context, t('procedures.prompt.holder'), ['--holder'], (answer) => checkedHolder(context, answer)));
      if (!holder) return undefined;
      return holderChoice(context, holder, choices, async () => answers.organizationName ?? (flagHolder ? undefined : askLine(context, labelled(t, t('procedure.holder.name.prompt'), ''), ['--organization-name'])));
    },
    contactData: async () => {
      // Flags go to the procedure as given; answers typed here are checked by the same rule as they come.
      const checks = contactChecks(t);
      const [email = await askChecked(context, t('procedures.prompt.email'), ['--email'], asTyped(checks.email)), emailGeneral] = answers.email ?? [];
      const [phone = await askChecked(context, t('procedures.prompt.phone'), ['--phone'], asTyped(checks.phone)), phoneGeneral] = answers.phone ?? [];
      if (email === undefined || phone === undefined) return undefined;
      return { emailPrivate: email, phonePrivate: phone, ...(emailGeneral ? { emailGeneral } : {}), ...(phoneGeneral ? { phoneGeneral } : {}) };
    },
    acceptContract: async (contract) => {
      // Nobody to read it and answer: stopped before the contract fills the log.
      if (!answers.acceptContract) needTerminal(context, ['--accept-contract']);
      // What the request sends and writes, as answered, before the contract that names it.
      if (contract.summary) {
        const rows = summaryRows(t, contract.summary).flatMap(({ label, values }) => values.map((value) => `  ${labelled(t, label, printable(value))}`));
        context.err([t('contract.summary'), ...rows].join('\n'));
      }
      // The DN, the languages and the texts are the authority's: printable, and the texts as the lines of their sanitised HTML.
      context.err(t('procedures.cli.contract', { dn: printable(readableDn(contract.dn)) }));
      for (const text of contract.texts) context.err([`[${printable(text.lang)}]`, ...contractLines(text.html)].join('\n'));
      if (answers.acceptContract) {
        context.err(t('procedures.cli.contract-accepted'));
        return true;
      }
      return askYes(context, t('procedures.prompt.accept'), ['--accept-contract']);
    },
    newKeystorePassword: async () => newPassword ?? askNewPassword(context),
    keystorePassword: async (file) => {
      if (answers.password !== undefined) return answers.password;
      needTerminal(context, secretFlags('password'));
      return readHidden(t('procedures.prompt.password', { file }), t);
    },
    confirmProduction: async (action) => answers.confirmProduction === true || askYes(context, t('procedures.prompt.production', { action }), ['--confirm-production']),
    revocationReason: async (choices) => {
      const reason = answers.reason ?? (await askLine(context, t('procedures.prompt.reason', { reasons: choices.join(', ') }), ['--reason']));
      if (reason === undefined) return undefined;
      if (!(REVOCATION_REASONS as readonly string[]).includes(reason)) throw new CliError(t('procedures.cli.bad-reason', { reason, reasons: choices.join(', ') }), ExitCode.usage);
      return reason as RevocationReason;
    },
    progress: (event) => {
      if (event.step === 'keystore-created') context.err(t('procedures.cli.keystore-created', { file: event.file }));
    },
    notice: (notice) => context.err(t(`procedure.notice.${notice.kind}`, { environment: t(`environment.${notice.environment}`) })),
  };
}
