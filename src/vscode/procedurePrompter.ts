// How certificate procedures ask their questions inside VS Code: a request's questions as the steps
// of one multi-step input (wizardInput.ts: "3/8", Back, answers kept), quick picks, input boxes
// (passwords hidden, the policy shown rule by rule), the contract view, and one progress notification.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ContactData } from '../core/contactData';
import { isApplicationId, SSIN_TYPE } from '../core/holder';
import { holderTypes, typedIdentifier } from '../core/identifier';
import { readableHolder, readableIdentifier } from '../core/readableIdentifier';
import { contactChecks, type ContactChecks } from '../faces/contactChecks';
import { holderProblemMessage } from '../faces/holderChecks';
import { nameIn } from '../faces/localizedName';
import { progressMessage } from '../faces/progress';
import { dnTypeOf, organizationIdProblem } from '../procedures/organizationType';
import { REVOCATION_REASONS, type LocalizedText, type OrganizationType, type RevocationReason } from '../ra/model';
import { BACK, type Back, type ContractToAccept, type HolderChoice, type HolderChoices, type Notice, type ProgressEvent, type Prompter, type WizardPosition } from '../procedures/prompter';
import { askContractAcceptance } from './panels/contractPanel';
import { confirmProduction } from './environment';
import type { KeystoreSession } from './keystoreSession';
import { currentLanguage, currentTranslator } from './language';
import { askKeystorePassword, askNewPassword, policyFeedback } from './passwordInput';
import { inputStep, pickStep, type BoxPosition } from './wizardInput';

type Localized = (names: LocalizedText[], fallback: string) => string;
type TypedOrganization = Extract<HolderChoice, { kind: 'typed-organization' }>;
type OrganizationChoice = Exclude<HolderChoice, { kind: 'self' }>;

/**
 * The holder chosen and the contact data typed last, kept for the VS Code session: a request
 * cancelled or failed starts again with them (the procedure itself keeps them only while it runs).
 * The holder without its application id: once requested, that id is taken.
 */
const remembered: { choice?: HolderChoice; contact: Partial<ContactData> } = { contact: {} };

const sameOrganization = (a: HolderChoice | undefined, b: OrganizationChoice) => a !== undefined && a.kind !== 'self' && a.type === b.type && a.id === b.id;

/** An organisation eHealth does not list, box by box: its type (the authority's), its number (checked as typed), its official name. */
function askOrganizationType(types: OrganizationType[], localized: Localized, position: BoxPosition, before?: string): Promise<OrganizationType | Back | undefined> {
  const t = currentTranslator();
  const items = types.map((type) => ({ label: localized(type.names, dnTypeOf(type)), description: dnTypeOf(type), type }));
  const active = items.find((item) => item.description === before);
  return pickStep({ title: t('procedure.holder.typed'), placeholder: t('procedure.holder.type.title'), position, items, ...(active ? { active } : {}), matchOnDescription: true }).then((picked) =>
    picked === undefined || picked === BACK ? picked : picked.type,
  );
}

function askOrganizationNumber(type: OrganizationType, position: BoxPosition, before = ''): Promise<string | Back | undefined> {
  const t = currentTranslator();
  const dnType = dnTypeOf(type);
  return inputStep({
    title: t('procedure.holder.typed'),
    prompt: t('procedure.holder.number.prompt', { type: dnType }),
    position,
    value: before,
    check: (value) => {
      // Empty: what the number looks like, as a hint.
      if (!value.trim()) return holderTypes.has(dnType) ? { message: holderProblemMessage(t, 'length', dnType), acceptable: false } : undefined;
      const found = organizationIdProblem(type, typedIdentifier(value));
      return found && { message: holderProblemMessage(t, found, dnType), acceptable: false };
    },
  });
}

function askOrganizationName(dnType: string, position: BoxPosition, before = ''): Promise<string | Back | undefined> {
  const t = currentTranslator();
  return inputStep({
    title: t('procedure.holder.typed'),
    prompt: t('procedure.holder.name.prompt'),
    position,
    value: before,
    check: (value) => (value.trim() ? undefined : { message: holderProblemMessage(t, 'organization-name', dnType), acceptable: false }),
  });
}

/** The application ID, optional: what it is for, those already in use shown, a taken one refused as it is typed. '' for none. */
function askApplicationId(inUse: (string | null)[], position: BoxPosition, previous = ''): Promise<string | Back | undefined> {
  const t = currentTranslator();
  const listed = inUse.map((id) => id ?? t('procedure.holder.application.without'));
  const refused = (message: string) => ({ message, acceptable: false });
  return inputStep({
    title: t('procedure.holder.title'),
    prompt: [t('procedure.holder.application'), ...(listed.length ? [t('procedure.holder.application.in-use', { ids: listed.join(', ') })] : [])].join(' '),
    position,
    value: previous,
    check: (value) => {
      if (value && !isApplicationId(value)) return refused(t('procedure.holder.application-invalid'));
      return inUse.includes(value || null) ? refused(t('procedure.holder.application.taken')) : undefined;
    },
  });
}

type HolderBox = 'list' | 'type' | 'number' | 'name' | 'application-id';

/**
 * Myself (by my names), the organisations eHealth lists (by name), or another typed by hand (type,
 * number, name), then an organisation's application ID: one box after the other, Back going to the
 * box before (from the application ID: the name typed, or the list). What was answered stays in its
 * box; the answer before (this request's, or the session's) is the list's active item.
 */
async function chooseHolder(choices: HolderChoices, position: WizardPosition<HolderChoice>): Promise<HolderChoice | Back | undefined> {
  const t = currentTranslator();
  const language = currentLanguage();
  const localized = (names: LocalizedText[], fallback: string) => nameIn(language, names) ?? fallback;
  const before = position.previous ?? remembered.choice;
  // `choice` undefined: another organisation, typed next.
  const items: Array<vscode.QuickPickItem & { choice?: HolderChoice }> = [
    ...(choices.self ? [{ label: `$(person) ${t('procedure.holder.self.named', { name: choices.selfName })}`, description: readableIdentifier(SSIN_TYPE, choices.self), choice: { kind: 'self' } as HolderChoice }] : []),
    ...choices.organizations.map((organization) => ({
      label: `$(organization) ${localized(organization.names, organization.identifier.value)}`,
      description: readableHolder({ type: organization.identifier.type, id: organization.identifier.value }),
      choice: { kind: 'organization', type: organization.identifier.type, id: organization.identifier.value } as OrganizationChoice,
    })),
    { label: `$(edit) ${t('procedure.holder.typed')}`, detail: t('procedure.holder.typed.detail') },
  ];
  // The answers so far, kept as the user goes back and forth: the item picked, the organisation typed
  // as far as it is typed (and the authority's type picked, whose rules check the number), the
  // organisation chosen, listed or typed.
  let picked = items.find(({ choice }) => (choice?.kind === 'self' ? before?.kind === 'self' : choice ? sameOrganization(before, choice) : before?.kind === 'typed-organization'));
  const draft: Partial<Omit<TypedOrganization, 'kind'>> = before?.kind === 'typed-organization' ? { type: before.type, id: before.id, name: before.name } : {};
  let type: OrganizationType | undefined;
  let organization: OrganizationChoice | undefined;
  const inner: BoxPosition = { step: position.step, totalSteps: position.totalSteps, back: true };
  for (let box: HolderBox = 'list'; ; ) {
    if (box === 'list') {
      const answer = await pickStep({ title: t('procedure.holder.title'), position, items, ...(picked ? { active: picked } : {}) });
      if (answer === undefined || answer === BACK) return answer;
      picked = answer;
      if (answer.choice?.kind === 'self') return (remembered.choice = answer.choice);
      organization = answer.choice as OrganizationChoice | undefined;
      box = organization ? 'application-id' : 'type';
    } else if (box === 'type') {
      const answer = await askOrganizationType(await choices.organizationTypes(), localized, inner, draft.type);
      if (answer === undefined) return undefined;
      if (answer === BACK) box = 'list';
      else {
        // A number is checked by its type's rule: another type, another number.
        if (draft.type !== dnTypeOf(answer)) delete draft.id;
        type = answer;
        draft.type = dnTypeOf(answer);
        box = 'number';
      }
    } else if (box === 'number') {
      const answer = await askOrganizationNumber(type!, inner, draft.id);
      if (answer === undefined) return undefined;
      if (answer === BACK) box = 'type';
      else [draft.id, box] = [typedIdentifier(answer), 'name'];
    } else if (box === 'name') {
      const answer = await askOrganizationName(draft.type!, inner, draft.name);
      if (answer === undefined) return undefined;
      if (answer === BACK) box = 'number';
      else {
        draft.name = answer.trim();
        organization = { kind: 'typed-organization', type: draft.type!, id: draft.id!, name: draft.name };
        box = 'application-id';
      }
    } else {
      const chosen = organization!;
      remembered.choice = chosen;
      const applicationIdBefore = before?.kind !== 'self' && sameOrganization(before, chosen) ? before?.applicationId : undefined;
      const applicationId = await askApplicationId(await choices.applicationIdsInUse({ type: chosen.type, value: chosen.id }), inner, applicationIdBefore);
      if (applicationId === undefined) return undefined;
      if (applicationId === BACK) box = chosen.kind === 'typed-organization' ? 'name' : 'list';
      else return applicationId ? { ...chosen, applicationId } : chosen;
    }
  }
}

/** The contact boxes in order, each with its check (a second one against the first). */
const contactFields = (checks: ContactChecks, values: Partial<ContactData>) =>
  [
    { field: 'emailPrivate', prompt: 'procedure.contact.email', problem: checks.email },
    { field: 'emailGeneral', prompt: 'procedure.contact.email-general', problem: (value: string) => checks.emailGeneral(value, values.emailPrivate ?? '') },
    { field: 'phonePrivate', prompt: 'procedure.contact.phone', problem: checks.phone },
    { field: 'phoneGeneral', prompt: 'procedure.contact.phone-general', problem: (value: string) => checks.phoneGeneral(value, values.phonePrivate ?? '') },
  ] as const;

/**
 * One e-mail and one phone are needed; a second of each is optional (a shared mailbox gets the
 * renewal reminders when the person who asked has left) and must differ from the first. Four
 * boxes, one step each; what is typed is kept for the session as it is typed.
 */
async function contactData(position: WizardPosition<ContactData>): Promise<ContactData | Back | undefined> {
  const t = currentTranslator();
  // The session's answers are kept box by box, so they are never older than this request's last four
  // (`previous`): a phone changed, then Back to the holder and forward again, stays changed.
  const values: Partial<ContactData> = { ...position.previous, ...remembered.contact };
  const fields = contactFields(contactChecks(t), values);
  for (let index = position.backwards ? fields.length - 1 : 0; index < fields.length; ) {
    const { field, prompt, problem } = fields[index];
    const answer = await inputStep({
      title: t('procedure.contact.title'),
      prompt: t(prompt),
      position: { step: position.step + index, totalSteps: position.totalSteps, back: position.back || index > 0 },
      value: values[field] ?? '',
      check: (value) => {
        const found = problem(value);
        return found ? { message: found, acceptable: false } : undefined;
      },
    });
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      if (index === 0) return BACK;
      index--;
      continue;
    }
    values[field] = answer;
    remembered.contact = { ...values };
    index++;
  }
  const { emailPrivate = '', emailGeneral, phonePrivate = '', phoneGeneral } = values;
  return { emailPrivate, phonePrivate, ...(emailGeneral ? { emailGeneral } : {}), ...(phoneGeneral ? { phoneGeneral } : {}) };
}

/** The new password, then typed again, two steps; the rules shown live. Back from the second box returns to the first. */
async function newPassword(position: WizardPosition): Promise<string | Back | undefined> {
  const t = currentTranslator();
  const title = t('procedure.password.title');
  let password = '';
  for (;;) {
    const first = await inputStep({ title, prompt: t('view.passwd.new'), position, value: password, password: true, check: policyFeedback(t) });
    if (first === undefined || first === BACK) return first;
    const again = password === first ? first : '';
    password = first;
    const second = { step: position.step + 1, totalSteps: position.totalSteps, back: true };
    const confirmation = await inputStep({ title, prompt: t('view.passwd.confirm'), position: second, value: again, password: true, check: policyFeedback(t, first) });
    if (confirmation === undefined) return undefined;
    if (confirmation !== BACK) return first;
  }
}

export function vscodeProcedurePrompter(extensionUri: vscode.Uri, session: KeystoreSession, report: (message: string) => void): Prompter {
  const t = currentTranslator;
  return {
    chooseHolder,
    contactData,
    acceptContract: (contract: ContractToAccept, position?: WizardPosition) => askContractAcceptance(extensionUri, contract, position),
    // Outside a request (no position), the two boxes alone.
    newKeystorePassword: (_rules, position?: WizardPosition) => (position ? newPassword(position) : askNewPassword(t()('procedure.password.title'), 1, 2)),
    // Checked in its box: a wrong password keeps it open with the reason.
    keystorePassword: (file: string) => askKeystorePassword(session, file, { title: t()('view.unlock.title', { file: path.basename(file) }) }),
    confirmProduction: (action) => confirmProduction(t()(`procedure.name.${action}`)),
    async revocationReason(choices: readonly RevocationReason[]) {
      const picked = await vscode.window.showQuickPick(
        choices.filter((reason) => (REVOCATION_REASONS as readonly string[]).includes(reason)).map((reason) => ({ label: t()(`procedure.reason.${reason}`), detail: t()(`procedure.reason.${reason}.detail`), reason })),
        { title: t()('procedure.reason.title'), ignoreFocusOut: true },
      );
      return picked?.reason;
    },
    progress(event: ProgressEvent) {
      report(progressMessage(t(), event));
    },
    // Not a passing progress line: a warning that stays until the user closes it.
    notice(notice: Notice) {
      void vscode.window.showWarningMessage(t()(`procedure.notice.${notice.kind}`, { environment: t()(`environment.${notice.environment}`) }));
    },
  };
}
