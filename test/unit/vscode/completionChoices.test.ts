// What the completions offer in a guide file: from the allow-list, at the right place, replacing
// the word being typed.
import * as assert from 'node:assert/strict';
import { actionIds, audiences, checkIds, questions } from '../../../src/guides/allowList';
import { completionChoices } from '../../../src/vscode/guides/completionChoices';
import { translator, type MessageKey } from '../../../src/i18n';

const guide = ['---', 'id: renew', 'title: Renew', 'audience:', '  - integ', 'environment: [production, acc', 'commands: ehealth.cert.', '---', '', 'Intro', '', '::: step #one check=eid.card,keys action=ehealth.cert.re asks=pin,hol', '## One', '::: variant os:', ':::', ':::'];
const at = (line: number, column = guide[line].length) => completionChoices(guide, line, column);
const labels = (line: number, column?: number) => at(line, column)?.choices.map((choice) => choice.label);

describe('guide completions', () => {
  it('offer the step attributes after `::: step #id `', () => {
    assert.deepEqual(labels(11, '::: step #one '.length), ['check=', 'action=', 'asks=', 'variant=']);
    assert.equal(at(11, '::: step #o'.length), undefined, 'not in the id');
  });

  it('offer the allow-listed values of check=, action= and asks=, after the last comma of a list', () => {
    const line = guide[11];
    const checks = at(11, line.indexOf(' action'));
    assert.deepEqual(checks?.choices.map((choice) => choice.label), [...checkIds]);
    assert.equal(checks?.from, line.indexOf('keys'), 'replaces the word after the comma');
    assert.deepEqual(labels(11, line.indexOf(' asks')), [...actionIds]);
    const asks = at(11);
    assert.deepEqual(asks?.choices.map((choice) => choice.label), Object.keys(questions));
    assert.equal(asks?.from, line.indexOf('hol'));
  });

  it('offer the variants in a `::: variant` line', () => {
    assert.ok(labels(13)?.includes('os:linux'));
    assert.equal(at(13)?.from, '::: variant '.length);
  });

  it('offer the front matter keys and the values of audience, environment and commands', () => {
    assert.deepEqual(labels(2, 0), ['id', 'title', 'audience', 'environment', 'commands']);
    assert.deepEqual(labels(4), [...audiences]);
    assert.equal(at(4)?.from, '  - '.length);
    assert.deepEqual(labels(5), ['sandbox', 'acceptance', 'production']);
    assert.equal(at(5)?.from, guide[5].indexOf('acc'));
    assert.deepEqual(labels(6), [...actionIds]);
    assert.equal(at(9), undefined, 'nothing in the prose');
  });

  it('say what each choice is, in every language', () => {
    const documented = [11, 13, 4, 5].flatMap((line) => at(line)?.choices ?? []);
    documented.push(...(at(11, '::: step #one '.length)?.choices ?? []), ...(at(2, 0)?.choices ?? []));
    for (const language of ['fr', 'nl', 'en', 'de'] as const) {
      const t = translator(language);
      for (const choice of documented) {
        assert.ok(choice.documentation, choice.label);
        assert.notEqual(t(choice.documentation as MessageKey), choice.documentation, `${language}: ${choice.documentation}`);
      }
    }
  });
});
