// The request's step runner: steps numbered by their boxes, Back from the second step on, the step
// before asked again (backwards), a cancel ending it all.
import * as assert from 'node:assert/strict';
import { BACK, type Back, type WizardPosition } from '../../../src/procedures/prompter';
import { runWizard, withPrevious, type WizardStep } from '../../../src/procedures/wizard';

type Answer = true | Back | undefined;

/** A step of `span` boxes answering from `answers` in turn, recording where it was asked. */
function step(name: string, span: number, answers: Answer[], asked: Array<{ name: string } & WizardPosition>): WizardStep {
  return {
    span,
    ask: async (position) => {
      asked.push({ name, ...position });
      return answers.shift();
    },
  };
}

describe('the wizard step runner', () => {
  it('numbers each step by the boxes before it, out of all boxes, Back offered from the second step', async () => {
    const asked: Array<{ name: string } & WizardPosition> = [];
    assert.equal(await runWizard([step('holder', 1, [true], asked), step('contact', 4, [true], asked), step('contract', 1, [true], asked), step('password', 2, [true], asked)]), true);
    assert.deepEqual(
      asked.map(({ name, step: first, span, totalSteps, back }) => [name, first, span, totalSteps, back]),
      [
        ['holder', 1, 1, 8, false],
        ['contact', 2, 4, 8, true],
        ['contract', 6, 1, 8, true],
        ['password', 7, 2, 8, true],
      ],
    );
  });

  it('on Back asks the step before again, told it comes backwards, then goes on forwards', async () => {
    const asked: Array<{ name: string } & WizardPosition> = [];
    const done = await runWizard([step('holder', 1, [true], asked), step('contact', 4, [true, true], asked), step('contract', 1, [BACK, true], asked)]);
    assert.equal(done, true);
    assert.deepEqual(
      asked.map(({ name, backwards }) => [name, backwards]),
      [
        ['holder', false],
        ['contact', false],
        ['contract', false],
        ['contact', true],
        ['contract', false],
      ],
    );
  });

  it('asks the first step again if a face answers Back there, though it is not offered', async () => {
    const asked: Array<{ name: string } & WizardPosition> = [];
    assert.equal(await runWizard([step('holder', 1, [BACK, true], asked)]), true);
    assert.deepEqual(asked.map(({ name }) => name), ['holder', 'holder']);
  });

  it('stops at a cancel: false, no later step asked', async () => {
    const asked: Array<{ name: string } & WizardPosition> = [];
    assert.equal(await runWizard([step('holder', 1, [true], asked), step('contact', 4, [undefined], asked), step('contract', 1, [true], asked)]), false);
    assert.deepEqual(asked.map(({ name }) => name), ['holder', 'contact']);
  });

  it('gives the answer before as the default, and none when there was none', () => {
    const position = { step: 2, span: 4, totalSteps: 8, back: true, backwards: true };
    assert.deepEqual(withPrevious(position, 'a@example.be'), { ...position, previous: 'a@example.be' });
    assert.equal('previous' in withPrevious(position, undefined), false);
  });
});
