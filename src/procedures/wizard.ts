// A request's questions as steps the user can go back through: the step runner numbers them
// ("Step 3 of 8"), offers Back from the second on, and on Back asks the previous step again. The
// steps keep their answers themselves (a closure over the procedure's answers), so going back and
// forward shows every answer given so far. UI-agnostic: the faces only see WizardPosition.
import { BACK, type Back, type WizardPosition } from './prompter';

export interface WizardStep {
  /** How many boxes the step shows, each counted as a step. */
  span: number;
  /** Asks the step's question(s): true once answered (and kept), BACK, or undefined (cancelled). */
  ask(position: WizardPosition): Promise<true | Back | undefined>;
}

/** Runs the steps in order; false when the user cancelled. */
export async function runWizard(steps: readonly WizardStep[]): Promise<boolean> {
  const totalSteps = steps.reduce((sum, { span }) => sum + span, 0);
  let backwards = false;
  for (let index = 0; index < steps.length; ) {
    const { span, ask } = steps[index];
    const step = 1 + steps.slice(0, index).reduce((sum, earlier) => sum + earlier.span, 0);
    const answer = await ask({ step, span, totalSteps, back: index > 0, backwards });
    if (answer === undefined) return false;
    // Back on the first step is not offered; a face that answers it anyway is asked again.
    backwards = answer === BACK;
    index = backwards ? Math.max(index - 1, 0) : index + 1;
  }
  return true;
}

/** The position with the answer given before, as the question's default. */
export function withPrevious<T>(position: WizardPosition, previous: T | undefined): WizardPosition<T> {
  return previous === undefined ? position : { ...position, previous };
}
