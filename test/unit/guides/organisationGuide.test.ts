// The organisation guide and the VS Code face in step: the manual path of #choose-organisation names,
// in bold and in this order, the words of the questions the face asks for an organisation eHealth
// does not list (the quick pick's item, then type, number, official name, application ID), as the
// catalog of the guide's language writes them. The real-VS-Code suite answers those questions in
// the same order (test/vscode/suite/organisation.test.ts).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadGuides } from '../../../src/guides/guideLoader';
import type { MessageKey } from '../../../src/i18n';

/** The face's questions for an organisation typed by hand, in the order it asks them (src/vscode/procedurePrompter.ts). */
const TYPED_ORGANISATION_QUESTIONS: MessageKey[] = [
  'procedure.holder.typed',
  'procedure.holder.type.title',
  'procedure.holder.number.prompt',
  'procedure.holder.name.prompt',
  'procedure.holder.application',
];

const root = path.join(__dirname, '..', '..', '..');
const catalogOf = (language: string) =>
  JSON.parse(readFileSync(path.join(root, 'l10n', language === 'en' ? 'bundle.l10n.json' : `bundle.l10n.${language}.json`), 'utf8')) as Record<string, string>;
/** Compared as a reader sees them: case, typographic apostrophes and a trailing ellipsis aside. */
const plain = (text: string) => text.toLowerCase().replace(/[’]/g, "'").replace(/&#39;|&apos;/g, "'").replace(/…$/, '').trim();

describe('the organisation guide and the questions of the VS Code face', () => {
  it('names, in every language, the questions for an organisation typed by hand in the order the face asks them', async () => {
    const guides = (await loadGuides(path.join(root, 'guides'))).filter((guide) => guide.id === 'request-organisation-certificate');
    assert.equal(guides.length, 4);
    for (const guide of guides) {
      const step = guide.steps.find((candidate) => candidate.id === 'choose-organisation');
      assert.ok(step, `${guide.language}: #choose-organisation`);
      const manual = step.html.slice(step.html.indexOf('data-variant="mode:manual"'));
      const named = [...manual.matchAll(/<strong>([^<]+)<\/strong>/g)].map((match) => plain(match[1]));
      const catalog = catalogOf(guide.language);
      const asked = TYPED_ORGANISATION_QUESTIONS.map((key) => plain(catalog[key]));
      assert.equal(named.length, asked.length, `${guide.language}: ${named.join(' | ')}`);
      named.forEach((words, index) => assert.ok(asked[index].startsWith(words), `${guide.language}: "${words}" is not how the face asks "${asked[index]}"`));
    }
  });

  it('explains the application ID and manual validation in every language, before the request completes', async () => {
    const guides = (await loadGuides(path.join(root, 'guides'))).filter((guide) => guide.id === 'request-organisation-certificate');
    for (const guide of guides) {
      const ids = guide.steps.map((step) => step.id);
      assert.ok(ids.indexOf('application-id') < ids.indexOf('start-request'), `${guide.language}: the application ID is explained before the request`);
      const waiting = guide.steps.find((step) => step.id === 'wait-validation');
      assert.match(waiting?.html ?? '', /data-variant="mode:manual"/, `${guide.language}: manual validation is explained`);
      assert.ok(ids.indexOf('wait-validation') < ids.indexOf('complete'), `${guide.language}: wait, then complete`);
    }
  });
});
