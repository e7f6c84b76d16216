// How certificate procedures ask their questions inside VS Code: quick picks, input boxes (passwords
// hidden, the policy shown rule by rule), the contract view, and one progress notification.
import * as vscode from 'vscode';
import { formatHolder, holderOf, isApplicationId, SSIN_TYPE } from '../core/holder';
import { contactChecks } from '../faces/contactChecks';
import { holderTypes, typedIdentifier } from '../core/identifier';
import { holderProblemMessage } from '../faces/holderChecks';
import { dnTypeOf, organizationIdProblem } from '../procedures/organizationType';
import { REVOCATION_REASONS, type LocalizedText, type OrganizationType, type RevocationReason } from '../ra/model';
import type { ContractToAccept, HolderChoice, HolderChoices, Notice, ProgressEvent, Prompter } from '../procedures/prompter';
import { askContractAcceptance } from './panels/contractPanel';
import { confirmProduction } from './environment';
import type { KeystoreSession } from './keystoreSession';
import { currentLanguage, currentTranslator } from './language';
import { askNewPassword, askPassword } from './passwordInput';

type Localized = (names: LocalizedText[], fallback: string) => string;

/** An organisation eHealth does not list: its type (the authority's), its number (checked as typed), its official name. */
async function typeOrganization(types: OrganizationType[], localized: Localized): Promise<Extract<HolderChoice, { kind: 'typed-organization' }> | undefined> {
  const t = currentTranslator();
  const title = t('procedure.holder.typed');
  const picked = await vscode.window.showQuickPick(
    types.map((type) => ({ label: localized(type.names, dnTypeOf(type)), description: dnTypeOf(type), type })),
    { title, placeHolder: t('procedure.holder.type.title'), matchOnDescription: true, ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  const dnType = dnTypeOf(picked.type);
  const problem = (value: string) => organizationIdProblem(picked.type, typedIdentifier(value));
  const number = await vscode.window.showInputBox({
    title,
    prompt: t('procedure.holder.number.prompt', { type: dnType }),
    ignoreFocusOut: true,
    validateInput: (value): vscode.InputBoxValidationMessage | string | undefined => {
      // Empty: what the number looks like, as a hint (Enter then cancels).
      if (!value.trim()) return holderTypes.has(dnType) ? { message: holderProblemMessage(t, 'length', dnType), severity: vscode.InputBoxValidationSeverity.Info } : undefined;
      const found = problem(value);
      return found && holderProblemMessage(t, found, dnType);
    },
  });
  if (!number?.trim() || problem(number)) return undefined;
  const name = await vscode.window.showInputBox({
    title,
    prompt: t('procedure.holder.name.prompt'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : holderProblemMessage(t, 'organization-name', dnType)),
  });
  if (!name?.trim()) return undefined;
  return { kind: 'typed-organization', type: dnType, id: typedIdentifier(number), name: name.trim() };
}

/** The application ID, optional: what it is for, those already in use shown, a taken one refused as it is typed. '' for none. */
async function askApplicationId(inUse: (string | null)[]): Promise<string | undefined> {
  const t = currentTranslator();
  const listed = inUse.map((id) => id ?? t('procedure.holder.application.without'));
  return vscode.window.showInputBox({
    title: t('procedure.holder.title'),
    prompt: [t('procedure.holder.application'), ...(listed.length ? [t('procedure.holder.application.in-use', { ids: listed.join(', ') })] : [])].join(' '),
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (value && !isApplicationId(value)) return t('procedure.holder.application-invalid');
      return inUse.includes(value || null) ? t('procedure.holder.application.taken') : undefined;
    },
  });
}

export function vscodeProcedurePrompter(extensionUri: vscode.Uri, session: KeystoreSession, report: (message: string) => void): Prompter {
  const t = currentTranslator;
  const ask = (prompt: string, validate: (value: string) => string | undefined, value = '') =>
    vscode.window.showInputBox({ title: t()('procedure.contact.title'), prompt, value, ignoreFocusOut: true, validateInput: validate });
  return {
    async chooseHolder(choices: HolderChoices): Promise<HolderChoice | undefined> {
      const language = currentLanguage();
      const localized = (names: LocalizedText[], fallback: string) => (names.find((name) => name.lang === language) ?? names[0])?.value ?? fallback;
      // `choice` undefined: another organisation, typed next.
      const items: Array<vscode.QuickPickItem & { choice?: HolderChoice }> = [
        ...(choices.self ? [{ label: `$(person) ${t()('procedure.holder.self')}`, description: formatHolder(holderOf(SSIN_TYPE, choices.self)), choice: { kind: 'self' } as HolderChoice }] : []),
        ...choices.organizations.map((organization) => ({
          label: `$(organization) ${localized(organization.names, organization.identifier.value)}`,
          description: formatHolder(holderOf(organization.identifier.type, organization.identifier.value)),
          choice: { kind: 'organization', type: organization.identifier.type, id: organization.identifier.value } as HolderChoice,
        })),
        { label: `$(edit) ${t()('procedure.holder.typed')}`, detail: t()('procedure.holder.typed.detail') },
      ];
      const picked = await vscode.window.showQuickPick(items, { title: t()('procedure.holder.title'), ignoreFocusOut: true });
      if (!picked) return undefined;
      if (picked.choice?.kind === 'self') return picked.choice;
      const organization = picked.choice ?? (await typeOrganization(await choices.organizationTypes(), localized));
      if (!organization) return undefined;
      const applicationId = await askApplicationId(await choices.applicationIdsInUse({ type: organization.type, value: organization.id }));
      if (applicationId === undefined) return undefined;
      return applicationId ? { ...organization, applicationId } : organization;
    },
    // One e-mail and one phone are needed; a second of each is optional (a shared mailbox gets
    // the renewal reminders when the person who asked has left) and must differ from the first.
    async contactData() {
      const checks = contactChecks(t());
      const emailPrivate = await ask(t()('procedure.contact.email'), checks.email);
      if (emailPrivate === undefined) return undefined;
      const emailGeneral = await ask(t()('procedure.contact.email-general'), (value) => checks.emailGeneral(value, emailPrivate));
      if (emailGeneral === undefined) return undefined;
      const phonePrivate = await ask(t()('procedure.contact.phone'), checks.phone);
      if (phonePrivate === undefined) return undefined;
      const phoneGeneral = await ask(t()('procedure.contact.phone-general'), (value) => checks.phoneGeneral(value, phonePrivate));
      if (phoneGeneral === undefined) return undefined;
      return { emailPrivate, phonePrivate, ...(emailGeneral ? { emailGeneral } : {}), ...(phoneGeneral ? { phoneGeneral } : {}) };
    },
    acceptContract: (contract: ContractToAccept) => askContractAcceptance(extensionUri, contract),
    newKeystorePassword: () => askNewPassword(t()('procedure.password.title'), 1, 2),
    async keystorePassword(file: string) {
      return session.password(file) ?? askPassword({ title: t()('view.unlock.title', { file }), prompt: t()('view.unlock.prompt.session') });
    },
    confirmProduction: (action) => confirmProduction(t()(`procedure.name.${action}`)),
    async revocationReason(choices: readonly RevocationReason[]) {
      const picked = await vscode.window.showQuickPick(
        choices.filter((reason) => (REVOCATION_REASONS as readonly string[]).includes(reason)).map((reason) => ({ label: t()(`procedure.reason.${reason}`), detail: t()(`procedure.reason.${reason}.detail`), reason })),
        { title: t()('procedure.reason.title'), ignoreFocusOut: true },
      );
      return picked?.reason;
    },
    progress(event: ProgressEvent) {
      report(t()(`procedure.progress.${event.step}`, { ...event } as Record<string, string | number>));
    },
    // Not a passing progress line: a warning that stays until the user closes it.
    notice(notice: Notice) {
      void vscode.window.showWarningMessage(t()(`procedure.notice.${notice.kind}`, { environment: t()(`environment.${notice.environment}`) }));
    },
  };
}
