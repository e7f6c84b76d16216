// Progress in words for people: every registration operation a procedure reports is worded as
// what it does for the user, in every language, and no message shows an operation's name.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { languages, translator } from '../../../src/i18n';
import { progressLogLine, progressMessage } from '../../../src/faces/progress';
import * as certra from '../../../src/ra/certra';
import * as etkdepot from '../../../src/ra/etkdepot';
import * as etkra from '../../../src/ra/etkra';
import type { ProgressEvent } from '../../../src/procedures/prompter';

const proceduresFolder = path.join(__dirname, '..', '..', '..', 'src', 'procedures');
const operationNames = new Map(
  Object.entries({ ...certra, ...etkra, ...etkdepot }).flatMap(([exported, value]) =>
    value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string' ? [[exported, (value as { name: string }).name] as const] : [],
  ),
);

/** The operations the procedures announce (`operation: x.name`), by their authority's name. */
function reportedOperations(): string[] {
  const reported = new Set<string>();
  for (const file of readdirSync(proceduresFolder).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(proceduresFolder, file), 'utf8');
    for (const [, local] of source.matchAll(/operation: (\w+)\.name/g)) {
      // `import { activateEtk as activateEtkOperation }`: back to the exported name.
      const exported = new RegExp(`(\\w+) as ${local}\\b`).exec(source)?.[1] ?? local;
      const name = operationNames.get(exported);
      assert.ok(name, `${file}: ${local} is an operation of src/ra`);
      reported.add(name);
    }
  }
  return [...reported];
}

describe('progress in plain words', () => {
  const operations = reportedOperations();

  it('finds the operations the procedures report', () => {
    for (const expected of ['GetActorQualities', 'GenerateContract', 'GenerateCertificate', 'Revoke']) assert.ok(operations.includes(expected), expected);
  });

  for (const language of languages) {
    it(`says what each operation does for the user, never its name (${language})`, () => {
      const t = translator(language);
      const fallback = t('procedure.progress.asking-authority');
      const worded = new Set<string>();
      for (const operation of operations) {
        const message = progressMessage(t, { step: 'asking-authority', operation });
        assert.notEqual(message, fallback, `${operation} has its own words`);
        assert.doesNotMatch(message, /[A-Z][a-z]+[A-Z]\w+|\{/, message);
        worded.add(message);
      }
      assert.equal(worded.size, operations.length, 'one message per operation');
      assert.equal(progressMessage(t, { step: 'asking-authority', operation: 'SubmitCSRForForeigner' }), fallback, 'an operation without words: the general message');
    });
  }

  it('fills the other steps’ messages and keeps operation names for the log only', () => {
    const t = translator('en');
    const event: ProgressEvent = { step: 'waiting-delivery', attempt: 2, attempts: 3 };
    assert.equal(progressMessage(t, event), 'Waiting for eHealth to deliver the certificate (try 2 of 3)…');
    assert.equal(progressMessage(t, { step: 'asking-authority', operation: 'GetActorQualities' }), 'Checking what you may request…');
    assert.equal(progressLogLine({ step: 'asking-authority', operation: 'GetActorQualities' }), 'asking-authority operation=GetActorQualities');
  });
});
