// The "**Label**: value" lines of the trees' tooltips: the value as plain text (it may come from a
// file or from eHealth), the colon as the language writes it (French: a no-break space before it).
import type * as vscode from 'vscode';
import { labelled, type Translator } from '../../i18n';

/** Appends one line per call to `tooltip`. */
export function tooltipRows(tooltip: vscode.MarkdownString, t: Translator): (label: string, value: string) => void {
  return (label, value) => {
    tooltip.appendMarkdown(labelled(t, `**${label}**`, '')).appendText(value).appendMarkdown('  \n');
  };
}
