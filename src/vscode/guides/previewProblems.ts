// The linter's messages in the preview of a guide being written: the diagnostics of its file,
// each at the step whose lines hold it; at the top when they concern the front matter, the
// introduction, or a step the chosen variant hides. Words only: the view shows them as text.
import * as vscode from 'vscode';
import type { ChecklistProblem } from '../../guides/checklistProtocol';
import type { GuideStep } from '../../guides/guide';
import { labelled } from '../../i18n';
import { currentTranslator } from '../language';
import { guideDiagnosticSource } from './guideDiagnostics';

export interface PreviewProblems {
  guide: ChecklistProblem[];
  steps: Map<string, ChecklistProblem[]>;
}

export function previewProblems(uri: vscode.Uri, steps: readonly GuideStep[], shown: ReadonlySet<string>): PreviewProblems {
  const t = currentTranslator();
  const placed: PreviewProblems = { guide: [], steps: new Map() };
  const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === guideDiagnosticSource);
  for (const diagnostic of diagnostics.sort((a, b) => a.range.start.line - b.range.start.line)) {
    const line = diagnostic.range.start.line + 1;
    const severity = diagnostic.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning';
    const problem = { severity, text: labelled(t, t(`guide.preview.problem.${severity}`, { line }), diagnostic.message) } as const;
    const step = steps.findLast((candidate) => candidate.line <= line);
    if (step && shown.has(step.id)) placed.steps.set(step.id, [...(placed.steps.get(step.id) ?? []), problem]);
    else placed.guide.push(problem);
  }
  return placed;
}
