// The boxes of a request's wizard: an input box or a quick pick that shows its place ("2/8" after the
// title, VS Code's multi-step look), a Back button from the second step on, and the answer given
// before as its value or active item. Each resolves with the answer, BACK, or undefined (closed).
import * as vscode from 'vscode';
import { BACK, type Back } from '../procedures/prompter';

/** Where a box stands: its step among `totalSteps`, and whether Back is offered. */
export interface BoxPosition {
  step: number;
  totalSteps: number;
  back: boolean;
}

/** What is wrong with a value as typed (shown under the box, Enter refused), or a hint (`acceptable`). */
export type BoxCheck = (value: string) => { message: string; acceptable: boolean } | undefined;

export interface StepBox {
  title: string;
  prompt: string;
  position: BoxPosition;
  value?: string;
  password?: boolean;
  check?: BoxCheck;
}

/** Shows `input` at its position; `finish` settles the question once, then the box goes. */
function shown<T>(input: vscode.QuickInput, position: BoxPosition, wire: (finish: (answer: T | Back | undefined) => void) => void): Promise<T | Back | undefined> {
  Object.assign(input, { step: position.step, totalSteps: position.totalSteps, ignoreFocusOut: true });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: T | Back | undefined) => {
      if (settled) return;
      settled = true;
      resolve(answer);
      input.dispose();
    };
    input.onDidHide(() => finish(undefined));
    wire(finish);
    input.show();
  });
}

export function inputStep(box: StepBox): Promise<string | Back | undefined> {
  const input = vscode.window.createInputBox();
  Object.assign(input, { title: box.title, prompt: box.prompt, value: box.value ?? '', password: box.password ?? false });
  if (box.position.back) input.buttons = [vscode.QuickInputButtons.Back];
  const checked = () => {
    const found = box.check?.(input.value);
    input.validationMessage = found && { message: found.message, severity: found.acceptable ? vscode.InputBoxValidationSeverity.Info : vscode.InputBoxValidationSeverity.Error };
    return found?.acceptable ?? true;
  };
  // A message hides the prompt: an empty box shows its question until something is typed (or Enter).
  if (input.value) checked();
  return shown<string>(input, box.position, (finish) => {
    input.onDidChangeValue(checked);
    input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK));
    input.onDidAccept(() => checked() && finish(input.value));
  });
}

export interface StepPick<T extends vscode.QuickPickItem> {
  title: string;
  placeholder?: string;
  position: BoxPosition;
  items: T[];
  /** The item answered before, active again. */
  active?: T;
  matchOnDescription?: boolean;
}

export function pickStep<T extends vscode.QuickPickItem>(pick: StepPick<T>): Promise<T | Back | undefined> {
  const input = vscode.window.createQuickPick<T>();
  Object.assign(input, { title: pick.title, placeholder: pick.placeholder, items: pick.items, matchOnDescription: pick.matchOnDescription ?? false });
  if (pick.active) input.activeItems = [pick.active];
  if (pick.position.back) input.buttons = [vscode.QuickInputButtons.Back];
  return shown<T>(input, pick.position, (finish) => {
    input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK));
    input.onDidAccept(() => input.selectedItems[0] && finish(input.selectedItems[0]));
  });
}
