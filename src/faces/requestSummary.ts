// The summary of a request shown before its contract, the same rows in both faces (the contract
// page as a list, the terminal as lines): environment, holder by name and readable identifier,
// e-mails, phones, where the keystore goes. A listed organisation is named in the user's language
// (its DN keeps the French name). Values are data: each face escapes them its own way.
import { namedHolder } from '../core/readableIdentifier';
import type { Translator } from '../i18n';
import type { RequestSummary } from '../procedures/prompter';
import { nameIn } from './localizedName';

export function summaryRows(t: Translator, summary: RequestSummary): Array<{ label: string; values: string[] }> {
  const holderName = nameIn(t.language, summary.holderNames ?? []) ?? summary.holderName;
  return [
    { label: t('contract.summary.environment'), values: [t(`environment.${summary.environment}`)] },
    { label: t('contract.summary.holder'), values: [namedHolder(summary.holder, holderName)] },
    { label: t('contract.summary.emails'), values: summary.emails },
    { label: t('contract.summary.phones'), values: summary.phones },
    { label: t('contract.summary.folder'), values: [summary.folder] },
    { label: t('contract.summary.file'), values: [t('contract.summary.file.about', { file: summary.fileName })] },
  ];
}
