// How certificate procedures ask their questions inside VS Code: quick picks, input boxes (passwords
// hidden, the policy shown rule by rule), the contract view, and one progress notification.
import * as vscode from 'vscode';
import { formatHolder, holderOf, isApplicationId, SSIN_TYPE } from '../core/holder';
import { contactChecks } from '../faces/contactChecks';
import { REVOCATION_REASONS, type RevocationReason } from '../ra/model';
import type { ContractToAccept, HolderChoice, HolderChoices, Notice, ProgressEvent, Prompter } from '../procedures/prompter';
import { askContractAcceptance } from './panels/contractPanel';
import { confirmProduction } from './environment';
import type { KeystoreSession } from './keystoreSession';
import { currentLanguage, currentTranslator } from './language';
import { askNewPassword, askPassword } from './passwordInput';

export function vscodeProcedurePrompter(extensionUri: vscode.Uri, session: KeystoreSession, report: (message: string) => void): Prompter {
  const t = currentTranslator;
  const ask = (prompt: string, validate: (value: string) => string | undefined, value = '') =>
    vscode.window.showInputBox({ title: t()('procedure.contact.title'), prompt, value, ignoreFocusOut: true, validateInput: validate });
  return {
    async chooseHolder(choices: HolderChoices): Promise<HolderChoice | undefined> {
      const language = currentLanguage();
      const items: Array<vscode.QuickPickItem & { choice: HolderChoice }> = [
        ...(choices.self ? [{ label: `$(person) ${t()('procedure.holder.self')}`, description: formatHolder(holderOf(SSIN_TYPE, choices.self)), choice: { kind: 'self' } as HolderChoice }] : []),
        ...choices.organizations.map((organization) => ({
          label: `$(organization) ${(organization.names.find((name) => name.lang === language) ?? organization.names[0])?.value ?? organization.identifier.value}`,
          description: formatHolder(holderOf(organization.identifier.type, organization.identifier.value)),
          choice: { kind: 'organization', type: organization.identifier.type, id: organization.identifier.value } as HolderChoice,
        })),
      ];
      const picked = await vscode.window.showQuickPick(items, { title: t()('procedure.holder.title'), ignoreFocusOut: true });
      if (!picked || picked.choice.kind === 'self') return picked?.choice;
      const applicationId = await vscode.window.showInputBox({
        title: t()('procedure.holder.title'),
        prompt: t()('procedure.holder.application'),
        ignoreFocusOut: true,
        validateInput: (value) => (!value || isApplicationId(value) ? undefined : t()('procedure.holder.application-invalid')),
      });
      if (applicationId === undefined) return undefined;
      return applicationId ? { ...picked.choice, applicationId } : picked.choice;
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
