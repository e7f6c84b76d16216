// The request as the user answered it, above the contract on the contract page: a definition list of
// the summary's rows (faces/requestSummary.ts), every label and value escaped (a name typed by hand
// is the user's text).
import { summaryRows } from '../../faces/requestSummary';
import type { Translator } from '../../i18n';
import type { RequestSummary } from '../../procedures/prompter';
import { escapeHtml } from './escapeHtml';

export function summaryHtml(t: Translator, summary: RequestSummary): string {
  const items = summaryRows(t, summary).map(({ label, values }) => `<dt>${escapeHtml(label)}</dt>${values.map((value) => `<dd>${escapeHtml(value)}</dd>`).join('')}`);
  return `<section class="summary"><h2>${escapeHtml(t('contract.summary'))}</h2>\n<dl>\n${items.join('\n')}\n</dl></section>`;
}
