// A guide saved with Windows line endings (a writer's checkout with core.autocrlf) is the same guide
// as its Unix twin: same steps, same lint messages at the same lines, same translation hashes.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { guideLanguages } from '../../../src/guides/guide';
import { lintGuides, type LintInput } from '../../../src/guides/guideLint';
import { parseGuide } from '../../../src/guides/guideParser';
import { loadGlossaries } from '../../../src/guides/glossary';
import { frenchParts, translationStatus } from '../../../src/guides/translation';
import { recordSources } from '../../../src/guides/translationMark';

const root = path.resolve(__dirname, '..', '..', '..', 'guides');
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** Every shipped guide, its text passed through `edit` (the same path, so messages compare). */
function shipped(edit: (text: string, file: string) => string = (text) => text): LintInput[] {
  return guideLanguages.flatMap((language) =>
    readdirSync(path.join(root, language))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => {
        const file = path.join(root, language, name);
        const source = edit(readFileSync(file, 'utf8'), file);
        return { guide: parseGuide(source, file, language), source };
      }),
  );
}

describe('guides with Windows line endings (CRLF)', () => {
  const unix = shipped();
  const windows = shipped(crlf);

  it('parse like their LF twins: same front matter, steps, lines and rendering, no problem', () => {
    assert.ok(windows.length >= 40);
    assert.ok(windows.every((input) => input.source.includes('\r\n')));
    assert.deepEqual(
      windows.map((input) => input.guide),
      unix.map((input) => input.guide),
    );
    assert.deepEqual(
      windows.flatMap((input) => input.guide.problems),
      [],
    );
  });

  it('give the same translation hashes, so a translation marked on Linux stays up to date on Windows', () => {
    const french = (inputs: LintInput[]) => inputs.filter((input) => input.guide.language === 'fr').map((input) => frenchParts(input.guide));
    assert.deepEqual(french(windows), french(unix));
    const renew = (inputs: LintInput[], language: string) => inputs.find((input) => input.guide.language === language && input.guide.id === 'renew-certificate')!;
    const marked = recordSources(renew(windows, 'nl').source, translationStatus(renew(windows, 'fr').guide, renew(windows, 'nl').guide));
    assert.doesNotMatch(marked, /[^\r]\n/, 'marking keeps the CRLF line endings');
    const markedGuide = parseGuide(marked, renew(unix, 'nl').guide.file, 'nl');
    assert.deepEqual(
      translationStatus(renew(unix, 'fr').guide, markedGuide).map((part) => part.state),
      translationStatus(renew(unix, 'fr').guide, markedGuide).map(() => 'up-to-date'),
    );
  });

  it('lint with the same messages at the same lines, broken structure and glossary findings included', async () => {
    // A step left open in French, a stray fence and a term the German glossary refuses.
    const slips = (text: string, file: string) =>
      file.endsWith(path.join('fr', 'renew-certificate.md'))
        ? text.replace(/\n:::\n/, '\n\n')
        : file.endsWith(path.join('de', 'get-started.md'))
          ? text.replace(/\n:::\n/, '\n:::\n:::\n').replace(/\n(## .*\n)/, '\n$1Das Lesegerät.\n')
          : text;
    const glossaries = await loadGlossaries(root);
    const expected = lintGuides(shipped(slips), glossaries);
    assert.deepEqual(
      expected.filter((message) => message.severity === 'error').map((message) => message.code).sort(),
      ['fence-stray', 'glossary-term', 'step-unclosed'],
    );
    assert.deepEqual(lintGuides(shipped((text, file) => crlf(slips(text, file))), glossaries), expected);
  });
});
