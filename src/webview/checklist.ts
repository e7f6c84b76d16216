// The checklist webview: renders the state the extension posts, and posts back the user's choices.
// Built with @vscode-elements/elements (Lit web components that follow the VS Code theme).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import { countsDone, type ChecklistChoice, type ChecklistProblem, type ChecklistState, type ChecklistStep, type FromChecklist } from '../guides/checklistProtocol';

declare function acquireVsCodeApi(): { postMessage(message: FromChecklist): void };
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

function element(tag: string, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function select(label: string, id: string, choices: ChecklistChoice[], selected: string, onChange: (value: string) => void): HTMLElement {
  const control = element('vscode-single-select', { id, 'aria-label': label });
  for (const choice of choices) {
    const option = element('vscode-option', { value: choice.value }, choice.label);
    if (choice.value === selected) option.setAttribute('selected', '');
    control.append(option);
  }
  control.addEventListener('change', () => onChange((control as unknown as { value: string }).value));
  return element('label', { class: 'choice', for: id }, element('span', {}, label), control);
}

/** Rendered guide HTML comes from markdown-it with raw HTML disabled: it holds no script. */
function html(markup: string): HTMLElement {
  const container = element('div', { class: 'body' });
  container.innerHTML = markup;
  return container;
}

/** "label: value" as the language writes it. */
const labelled = (state: ChecklistState, label: string, value: string) => state.labels.labelled.replace('{label}', () => label).replace('{value}', () => value);

/** The linter's messages in a preview, as text: a message is never read as HTML. */
function problemList(problems: readonly ChecklistProblem[], state: ChecklistState): HTMLElement {
  const list = element('ul', { class: 'problems', 'aria-label': state.labels.problems });
  for (const problem of problems) list.append(element('li', { class: `problem ${problem.severity}` }, element('span', { class: 'mark', 'aria-hidden': 'true' }, problemMarks[problem.severity]), problem.text));
  return list;
}

const problemMarks: Record<ChecklistProblem['severity'], string> = { error: '✗', warning: '⚠' };
const checkMarks: Record<ChecklistStep['checks'][number]['state'], string> = { pass: '✓', fail: '✗', locked: '○', unknown: '?' };
const statusMarks: Record<ChecklistStep['status'], string> = { verified: '✓', manual: '✎', failing: '⚠', todo: '' };

/**
 * A step verified by the engine shows a check mark instead of the tick box; one ticked by hand keeps
 * its box and says so; one ticked while a check fails says that too, and is not counted done.
 */
function stepView(step: ChecklistStep, index: number, state: ChecklistState): HTMLElement {
  const section = element('section', { class: `step ${step.status}${countsDone(step.status) ? ' done' : ''}`, id: `step-${step.id}`, 'data-step': step.id, 'data-status': step.status, 'aria-labelledby': `title-${step.id}`, 'aria-describedby': `status-${step.id}` });
  const statusText = state.labels.statuses[step.status];
  let lead: HTMLElement;
  if (step.status === 'verified') {
    lead = element('span', { class: 'verified-mark', role: 'img', 'aria-label': labelled(state, statusText, step.title) }, statusMarks.verified);
  } else {
    lead = element('vscode-checkbox', { 'aria-label': labelled(state, state.labels.done, step.title), class: 'tick', id: `tick-${step.id}` });
    // Not verified: the box is ticked when the user ticked it, failing checks or not.
    if (step.status !== 'todo') lead.setAttribute('checked', '');
    lead.addEventListener('change', () => vscode.postMessage({ type: 'tick', step: step.id, ticked: (lead as unknown as { checked: boolean }).checked }));
  }
  const status = element('span', { class: 'status', id: `status-${step.id}` }, ...(statusMarks[step.status] ? [element('span', { class: 'status-mark', 'aria-hidden': 'true' }, statusMarks[step.status])] : []), statusText);
  section.append(element('header', {}, lead, element('h2', { id: `title-${step.id}` }, `${index + 1}. ${step.title}`), status));
  if (step.problems) section.append(problemList(step.problems, state));
  if (step.checks.length) {
    const checks = element('ul', { class: 'checks', 'aria-label': state.labels.checks });
    for (const check of step.checks) {
      checks.append(element('li', { class: `check ${check.state}`, 'data-check': check.id }, element('span', { class: 'mark', 'aria-hidden': 'true' }, checkMarks[check.state]), labelled(state, check.label, state.labels.checkStates[check.state])));
    }
    section.append(checks);
  }
  if (step.unlock) {
    const unlock = element('vscode-button', { secondary: '', class: 'unlock', id: `unlock-${step.id}`, 'data-step': step.id, 'aria-label': step.unlock.ariaLabel }, step.unlock.label);
    unlock.addEventListener('click', () => vscode.postMessage({ type: 'unlock', step: step.id }));
    section.append(unlock);
  }
  section.append(html(step.html));
  if (step.action) {
    const button = element('vscode-button', { class: 'action', id: `action-${step.id}`, 'data-step': step.id }, step.action.label);
    if (!step.action.enabled) button.setAttribute('disabled', '');
    button.addEventListener('click', () => vscode.postMessage({ type: 'run', step: step.id }));
    section.append(button);
  }
  return section;
}

/** Parts of steps written for one variant stay visible only when that variant is chosen. */
function showChosenVariants(state: ChecklistState): void {
  const chosen = new Map(state.variants.map((variant) => [variant.dimension, variant.selected]));
  for (const part of app.querySelectorAll<HTMLElement>('.variant[data-variant]')) {
    const [dimension, value] = (part.dataset.variant ?? '').split(':');
    part.hidden = chosen.has(dimension) && chosen.get(dimension) !== value;
  }
}

function render(state: ChecklistState): void {
  document.documentElement.lang = state.language;
  const toolbar = element(
    'div',
    { class: 'toolbar' },
    select(state.labels.language, 'language', state.languages, state.language, (language) => vscode.postMessage({ type: 'language', language })),
    ...state.variants.map((variant) => select(variant.label, `variant-${variant.dimension}`, variant.values, variant.selected, (value) => vscode.postMessage({ type: 'variant', dimension: variant.dimension, value }))),
    ...(state.holders.length > 1 ? [select(state.labels.holder, 'holder', state.holders, state.holder, (holder) => vscode.postMessage({ type: 'holder', holder }))] : []),
  );
  const reset = element('vscode-button', { secondary: '', id: 'reset' }, state.labels.reset);
  reset.addEventListener('click', () => vscode.postMessage({ type: 'reset' }));
  toolbar.append(reset);
  const title = element('h1', {}, state.title, ...(state.preview ? [element('span', { class: 'preview' }, state.labels.preview)] : []));
  const progress = element('p', { class: 'progress', role: 'status' }, state.labels.progress);
  app.replaceChildren(
    title,
    toolbar,
    progress,
    ...(state.problems ? [problemList(state.problems, state)] : []),
    ...(state.labels.actionsDisabled ? [element('p', { class: 'notice' }, state.labels.actionsDisabled)] : []),
    html(state.introHtml),
    ...state.steps.map((step, index) => stepView(step, index, state)),
  );
  showChosenVariants(state);
}

/**
 * The extension posts the whole state on every change (a card inserted, a keystore opened). Rendering
 * only what differs keeps an open dropdown open, and focus goes back where it was: to the control of
 * the same id (each button and box has one), else to the same kind of element in the same step.
 */
let shown = '';
window.addEventListener('message', (event: MessageEvent<ChecklistState>) => {
  const next = JSON.stringify(event.data);
  if (next === shown) return;
  shown = next;
  const focused = document.activeElement as HTMLElement | null;
  const focusId = focused?.id;
  const focusStep = (focused?.closest('[data-step]') as HTMLElement | null)?.dataset.step;
  const focusTag = focused?.tagName.toLowerCase();
  render(event.data);
  const again: (HTMLElement & { updateComplete?: Promise<unknown> }) | null = focusId ? document.getElementById(focusId) : focusStep && focusTag ? app.querySelector<HTMLElement>(`section[data-step="${CSS.escape(focusStep)}"] ${focusTag}`) : null;
  // A new button or box takes focus once it has rendered (its tabindex comes with its first update).
  if (again) void Promise.resolve(again.updateComplete).then(() => again.focus());
});
vscode.postMessage({ type: 'ready' });
