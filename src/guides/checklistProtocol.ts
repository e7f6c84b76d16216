// Messages between the checklist webview and the extension. The view only ever receives rendered,
// escaped guide HTML and labels; it can only send back step ids and choices, never a command name:
// the extension looks the step's action up in the guide and checks it against the allow-list.
import type { CheckState } from './checks';

/**
 * How a step stands: verified by the engine (its checks pass), ticked by hand, ticked by hand while
 * a check fails (not counted done: a tick cannot hide a failure), or still to do.
 */
export type StepStatus = 'verified' | 'manual' | 'failing' | 'todo';

/** Counted in the progress: verified, or ticked by hand with no check failing. */
export const countsDone = (status: StepStatus) => status === 'verified' || status === 'manual';

/** A linter message shown in the preview of a guide being written: words only, never HTML. */
export interface ChecklistProblem {
  severity: 'error' | 'warning';
  /** "error, line 12: Unknown check (…)", in the writer's language. */
  text: string;
}

export interface ChecklistStep {
  id: string;
  title: string;
  html: string;
  /** `dimension:value` when the step applies to one variant only. */
  variant?: string;
  checks: Array<{ id: string; label: string; state: CheckState }>;
  action?: { label: string; enabled: boolean };
  status: StepStatus;
  /** A check waits for the keystore's password: the view offers to unlock that file. */
  unlock?: { label: string; ariaLabel: string };
  /** Preview only: the linter's messages about this step. */
  problems?: ChecklistProblem[];
}

export interface ChecklistChoice {
  value: string;
  label: string;
}

export interface ChecklistState {
  guideId: string;
  title: string;
  introHtml: string;
  language: string;
  preview: boolean;
  /** Preview only: the linter's messages about the guide as a whole, its front matter or introduction, or a step not shown. */
  problems?: ChecklistProblem[];
  steps: ChecklistStep[];
  languages: ChecklistChoice[];
  variants: Array<{ dimension: string; label: string; values: ChecklistChoice[]; selected: string }>;
  holders: ChecklistChoice[];
  holder: string;
  // `progress` in words ("3 of 7 steps done"); `labelled` the language's "{label}: {value}" (French: a no-break space before the colon).
  labels: { language: string; holder: string; reset: string; done: string; checks: string; progress: string; labelled: string; preview: string; problems: string; actionsDisabled?: string; checkStates: Record<CheckState, string>; statuses: Record<StepStatus, string> };
}

export type FromChecklist =
  | { type: 'ready' }
  | { type: 'tick'; step: string; ticked: boolean }
  | { type: 'run'; step: string }
  | { type: 'unlock'; step: string }
  | { type: 'language'; language: string }
  | { type: 'variant'; dimension: string; value: string }
  | { type: 'holder'; holder: string }
  | { type: 'reset' };
