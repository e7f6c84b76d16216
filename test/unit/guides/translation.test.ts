// Translation versions: the normalised French text and its hash, the state of each translated part,
// the word diff of the French, the lines mark-translated writes, and the linter's messages.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Guide } from '../../../src/guides/guide';
import { parseGuide } from '../../../src/guides/guideParser';
import { frenchParts, guideState, languageStatuses, normaliseFrench, sourceHash, translationStatus } from '../../../src/guides/translation';
import { frenchChange } from '../../../src/guides/translationDiff';
import { lintFrenchSources, lintTranslations } from '../../../src/guides/translationLint';
import { recordSources } from '../../../src/guides/translationMark';
import { frenchSourcesName, frenchSourcesText, readFrenchSources, updatedFrenchSources } from '../../../src/guides/translationStore';

const hashOf = (markdown: string) => sourceHash(normaliseFrench(markdown));

const file = (title: string, intro: string, steps: string, frontMatter = '') => `---
id: sample
title: ${title}
audience: [integrator]
environment: [acceptance]
${frontMatter}---

${intro}

${steps}`;

const frenchText = file(
  'Changer le mot de passe',
  'Quelques minutes suffisent.',
  '::: step #choose check=keystore.found\n## Choisir le keystore\nRepérez le fichier du bon titulaire.\n:::\n\n::: step #change\n## Changer\nLe bouton demande le mot de passe actuel.\n:::\n',
);
const dutchText = file(
  'Het wachtwoord wijzigen',
  'Enkele minuten volstaan.',
  '::: step #choose check=keystore.found\n## De keystore kiezen\nZoek het bestand van de juiste houder.\n:::\n\n::: step #change\n## Wijzigen\nDe knop vraagt het huidige wachtwoord.\n:::\n',
);

const parse = (text: string, language: 'fr' | 'nl', root = '/guides') => parseGuide(text, path.join(root, language, 'sample.md'), language);

describe('translation versions', () => {
  describe('the normalised French text and its hash', () => {
    const paragraph = 'Le mot de passe du keystore se change : le certificat reste le même.';

    it('is 8 lowercase hex digits of the SHA-256', () => {
      assert.match(hashOf(paragraph), /^[0-9a-f]{8}$/);
      // sha256("abc") = ba7816bf...
      assert.equal(sourceHash('abc'), 'ba7816bf');
    });

    it('does not change when the text is reflowed, spaced differently, written with CRLF or no-break spaces', () => {
      const reflowed = 'Le mot de passe du keystore\nse change :   le certificat\r\nreste le même.\n';
      const typographic = 'Le mot de passe du keystore se change\u00a0: le certificat reste le\u202fmême.';
      assert.equal(hashOf(reflowed), hashOf(paragraph));
      assert.equal(hashOf(typographic), hashOf(paragraph));
      assert.equal(hashOf(`\n\n  ${paragraph}  \n`), hashOf(paragraph));
    });

    it('does not change for a translator note (HTML comment) or another Unicode composition', () => {
      assert.equal(hashOf(`Le mot de passe du keystore se change <!-- note: "keystore" stays in English -->: le certificat reste le même.`), hashOf(paragraph.replace(' :', ' :')));
      assert.equal(hashOf('<!--\nmulti-line note\n-->\n' + paragraph), hashOf(paragraph));
      assert.equal(hashOf(paragraph.normalize('NFD')), hashOf(paragraph));
    });

    it('keeps a "<!--" written in inline code: it is text, and what follows it counts', () => {
      const code = 'Une note s’écrit `<!--` puis `-->` autour du texte.';
      assert.equal(normaliseFrench(code), code);
      assert.notEqual(hashOf(code), hashOf(code.replace('autour du texte', 'autour de la note')));
    });

    it('changes when a word changes, or when punctuation does', () => {
      assert.notEqual(hashOf(paragraph.replace('même', 'identique')), hashOf(paragraph));
      assert.notEqual(hashOf(paragraph.replace(' :', ' ;')), hashOf(paragraph));
    });

    it('hashes a step as written between its fences: its attributes (source= among them) do not count, its heading does', () => {
      const french = parse(frenchText, 'fr');
      assert.equal(french.steps[0].markdown, '## Choisir le keystore\nRepérez le fichier du bon titulaire.');
      assert.equal(normaliseFrench(french.introMarkdown), 'Quelques minutes suffisent.');
      const otherAttributes = parse(frenchText.replace('#choose check=keystore.found', '#choose check=keystore.unlocked action=ehealth.keystore.unlock'), 'fr');
      assert.deepEqual(frenchParts(otherAttributes), frenchParts(french));
      const otherHeading = parse(frenchText.replace('## Choisir le keystore', '## Choisir un keystore'), 'fr');
      assert.notEqual(frenchParts(otherHeading)[2].hash, frenchParts(french)[2].hash);
    });
  });

  describe('what the parser reads', () => {
    it('reads source= on a step and source: {title, introduction} in the front matter', () => {
      const dutch = parse(dutchText.replace('#change', '#change source=0a1b2c3d'), 'nl');
      assert.equal(dutch.steps[1].source, '0a1b2c3d');
      assert.equal(dutch.steps[0].source, undefined);
      const withFrontMatter = parse(file('T', 'I', '', 'source: {title: "12345678", introduction: "abcdef01"}\n'), 'nl');
      assert.deepEqual(withFrontMatter.source, { title: '12345678', introduction: 'abcdef01' });
      assert.deepEqual(withFrontMatter.problems, []);
    });

    it('reports a source that is not 8 lowercase hex digits, and a YAML number, instead of guessing', () => {
      const dutch = parse(dutchText.replace('#change', '#change source=0A1B2C3D'), 'nl');
      assert.deepEqual(
        dutch.problems.map((problem) => [problem.code, problem.line, problem.detail]),
        [['source-invalid', 15, 'source=0A1B2C3D']],
      );
      assert.equal(dutch.steps[1].source, undefined);
      const number = parse(file('T', 'I', '', 'source: {title: 12345678}\n'), 'nl');
      // At the line of the front matter's `source` key (line 6: after id, title, audience, environment).
      assert.deepEqual(number.problems.map((problem) => [problem.code, problem.line, problem.detail]), [['source-invalid', 6, 'source.title: 12345678']]);
    });
  });

  describe('the state of each translated part', () => {
    const french = parse(frenchText, 'fr');
    const [title, introduction, choose, change] = frenchParts(french);
    const marked = (text: string) => parse(text, 'nl');
    const states = (translated: Guide | undefined) => translationStatus(french, translated).map((part) => [part.step ?? part.part, part.state, part.line]);

    it('unmarked: nothing recorded', () => {
      // The title and introduction at the title's line: where mark-translated will write their source.
      assert.deepEqual(states(marked(dutchText)), [
        ['title', 'unmarked', 3],
        ['introduction', 'unmarked', 3],
        ['choose', 'unmarked', 10],
        ['change', 'unmarked', 15],
      ]);
    });

    it('up-to-date when the recorded hash is the French one, outdated when it differs', () => {
      const text = dutchText
        .replace('environment: [acceptance]\n', `environment: [acceptance]\nsource: {title: "${title.hash}", introduction: "ffffffff"}\n`)
        .replace('#choose check=keystore.found', `#choose check=keystore.found source=${choose.hash}`)
        .replace('#change', `#change source=${change.hash === '00000000' ? '11111111' : '00000000'}`);
      // The title and introduction at the front matter's source line.
      assert.deepEqual(states(marked(text)), [
        ['title', 'up-to-date', 6],
        ['introduction', 'outdated', 6],
        ['choose', 'up-to-date', 11],
        ['change', 'outdated', 16],
      ]);
      assert.equal(introduction.part, 'introduction');
    });

    it('missing: no translation file, or a French step the translation lacks', () => {
      assert.deepEqual(
        states(undefined).map(([, state]) => state),
        ['missing', 'missing', 'missing', 'missing'],
      );
      const withoutChange = marked(dutchText.replace(/::: step #change[\s\S]*$/, ''));
      assert.deepEqual(states(withoutChange).at(-1), ['change', 'missing', 1]);
    });

    it('a guide counts as its worst part: missing, outdated, unmarked, up to date', () => {
      const part = (state: 'up-to-date' | 'outdated' | 'unmarked' | 'missing') => ({ part: 'step' as const, state, line: 1, french: choose });
      assert.equal(guideState([part('up-to-date'), part('unmarked'), part('outdated')]), 'outdated');
      assert.equal(guideState([part('unmarked'), part('missing'), part('outdated')]), 'missing');
      assert.equal(guideState([part('up-to-date'), part('unmarked')]), 'unmarked');
      assert.equal(guideState([part('up-to-date')]), 'up-to-date');
    });

    it('counts guides and steps per language, and lists what is not up to date with its file', () => {
      const german = parseGuide(dutchText, '/guides/de/sample.md', 'de');
      const [dutch, english, deutsch] = languageStatuses([french, german]);
      assert.deepEqual([dutch.language, dutch.guides.missing, dutch.steps.missing], ['nl', 1, 2]);
      assert.equal(dutch.toUpdate[0].file, path.join('/guides', 'nl', 'sample.md'));
      assert.deepEqual([english.language, deutsch.language, deutsch.guides.unmarked, deutsch.steps.unmarked, deutsch.toUpdate.length], ['en', 'de', 1, 2, 4]);
    });

    it('pairs a translation with its French by file name: a typo in its id is not a missing translation', () => {
      const typo = parseGuide(dutchText.replace('id: sample', 'id: samlpe'), '/guides/nl/sample.md', 'nl');
      const [dutch] = languageStatuses([french, typo]);
      assert.deepEqual([dutch.guides.unmarked, dutch.guides.missing, dutch.toUpdate[0].guide], [1, 0, 'sample']);
      assert.deepEqual(lintTranslations([french, typo]).map((finding) => finding.code), ['translation-unmarked']);
    });
  });

  describe('what changed in the French', () => {
    it('shows the words removed and added, with a few words around them', () => {
      const before = 'un deux trois quatre cinq six sept huit neuf dix onze douze treize';
      assert.equal(frenchChange(before, before.replace('huit', 'HUIT')), '… trois quatre cinq six sept [-huit-]{+HUIT+} neuf dix onze douze treize');
      assert.equal(frenchChange('Le mot de passe actuel.', 'Le mot de passe courant, si possible.'), 'Le mot de passe [-actuel-]{+courant, si possible+}.');
    });

    it('elides long unchanged runs between two changes', () => {
      const words = Array.from({ length: 30 }, (_, index) => `m${index}`);
      const after = [...words];
      after[2] = 'X';
      after[27] = 'Y';
      assert.equal(frenchChange(words.join(' '), after.join(' ')), 'm0 m1 [-m2-]{+X+} m3 m4 m5 m6 m7 … m22 m23 m24 m25 m26 [-m27-]{+Y+} m28 m29');
    });
  });

  describe('mark-translated: the lines it writes', () => {
    const french = parse(frenchText, 'fr');

    it('records every part: the translation becomes up to date, the rest of the file is unchanged', () => {
      const dutch = parse(dutchText, 'nl');
      const written = recordSources(dutchText, translationStatus(french, dutch), dutch.source);
      const after = parse(written, 'nl');
      assert.deepEqual(translationStatus(french, after).map((part) => part.state), ['up-to-date', 'up-to-date', 'up-to-date', 'up-to-date']);
      assert.deepEqual(after.problems, []);
      const removedSources = written.replace(/^source: .*\n/m, '').replace(/ source=[0-9a-f]{8}/g, '');
      assert.equal(removedSources, dutchText);
      assert.match(written, /^source: \{title: "[0-9a-f]{8}", introduction: "[0-9a-f]{8}"\}$/m);
    });

    it('replaces what was recorded, marks one step alone, keeps CRLF line endings and a byte-order mark', () => {
      const recorded = dutchText.replace('environment: [acceptance]\n', 'environment: [acceptance]\nsource:\n  title: "00000000"\n  introduction: "00000000"\n').replace('#change', '#change source=00000000');
      const dutch = parse(recorded, 'nl');
      const parts = translationStatus(french, dutch);
      const oneStep = recordSources(recorded, parts.filter((part) => part.step === 'change'), dutch.source);
      assert.equal(oneStep, recorded.replace('#change source=00000000', `#change source=${parts[3].french.hash}`));
      const whole = recordSources(recorded, parts, dutch.source);
      assert.equal((whole.match(/source:/g) ?? []).length, 1);
      assert.deepEqual(translationStatus(french, parse(whole, 'nl')).map((part) => part.state), ['up-to-date', 'up-to-date', 'up-to-date', 'up-to-date']);
      // The same file with Windows line endings and a byte-order mark: the same lines written, in its own endings.
      const windows = `\uFEFF${recorded.replace(/\n/g, '\r\n')}`;
      assert.equal(recordSources(windows, parts, dutch.source), `\uFEFF${whole.replace(/\n/g, '\r\n')}`);
    });
  });

  describe('the store of French texts', () => {
    it('keeps only the hashes a translation records, sorted, pretty-printed', () => {
      const [title, introduction] = frenchParts(parse(frenchText, 'fr'));
      const store = updatedFrenchSources({ ffffffff: 'old', '00000000': 'kept' }, [title, introduction], new Set([title.hash, '00000000']));
      assert.deepEqual(Object.keys(store).sort(), ['00000000', title.hash].sort());
      assert.equal(store[title.hash], 'Changer le mot de passe');
      assert.equal(frenchSourcesText({ b: '2', a: '1' }), '{\n  "a": "1",\n  "b": "2"\n}\n');
      // All-digit hashes too (JavaScript objects list those first).
      assert.equal(frenchSourcesText({ a1b2c3d4: 'x', '41787276': 'y', '2fb37b8b': 'z' }), '{\n  "2fb37b8b": "z",\n  "41787276": "y",\n  "a1b2c3d4": "x"\n}\n');
      assert.equal(frenchSourcesText({}), '{}\n');
    });
  });

  describe('lint: outdated and translation-unmarked', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(os.tmpdir(), 'translation-'));
      mkdirSync(path.join(root, 'fr'));
      mkdirSync(path.join(root, 'nl'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    /** French and Dutch guides where the Dutch was marked against `recordedFrench`, then the French became `currentFrench`. */
    function guides(recordedFrench: string, currentFrench: string, store: boolean): Guide[] {
      const before = parse(recordedFrench, 'fr', root);
      const dutch = parse(dutchText, 'nl', root);
      const markedText = recordSources(dutchText, translationStatus(before, dutch));
      if (store) writeFileSync(path.join(root, frenchSourcesName), frenchSourcesText(updatedFrenchSources({}, frenchParts(before), new Set(frenchParts(before).map((part) => part.hash)))));
      return [parse(currentFrench, 'fr', root), parse(markedText, 'nl', root)];
    }
    const findings = (list: Guide[]) => lintTranslations(list).map((finding) => [finding.guide.language, finding.line, finding.code, finding.detail]);

    it('says nothing for a translation marked against the current French', () => {
      assert.deepEqual(findings(guides(frenchText, frenchText, true)), []);
    });

    it('reports a French step that changed as outdated, at the translated step, with the French change', () => {
      const changed = frenchText.replace('le mot de passe actuel', 'le mot de passe en cours');
      assert.deepEqual(findings(guides(frenchText, changed, true)), [['nl', 16, 'outdated', 'change: … demande le mot de passe [-actuel-]{+en cours+}.']]);
    });

    it('without the recorded text in the store: outdated-text-unknown (its own words), the two versions instead of a diff, at the source line', () => {
      const changed = frenchText.replace('Changer le mot de passe\n', 'Modifier le mot de passe\n');
      const list = guides(frenchText, changed, false);
      const [title] = frenchParts(parse(frenchText, 'fr'));
      const [newTitle] = frenchParts(list[0]);
      assert.deepEqual(findings(list), [['nl', 6, 'outdated-text-unknown', `title: ${title.hash} → ${newTitle.hash}`]]);
    });

    it('a store that does not read is an error at its line; an absent one is an empty store', () => {
      const list = guides(frenchText, frenchText, false);
      assert.deepEqual(readFrenchSources(root), { sources: {} });
      assert.deepEqual(lintFrenchSources(list), []);
      writeFileSync(path.join(root, frenchSourcesName), '{\n  "aaaaaaaa": "x",\n<<<<<<< HEAD\n}\n');
      assert.deepEqual(lintFrenchSources(list).map((message) => [path.basename(message.file), message.line, message.code]), [[frenchSourcesName, 3, 'french-sources-invalid']]);
      writeFileSync(path.join(root, frenchSourcesName), '{\n  "aaaaaaaa": 1\n}\n');
      assert.deepEqual(lintFrenchSources(list).map((message) => [message.line, message.detail]), [[2, 'aaaaaaaa: the French text must be a string']]);
    });

    it('a translation that records nothing: one warning for the file; a part left out: one for that part', () => {
      const french = parse(frenchText, 'fr', root);
      assert.deepEqual(findings([french, parse(dutchText, 'nl', root)]), [['nl', 1, 'translation-unmarked', undefined]]);
      const dutch = parse(dutchText, 'nl', root);
      const partly = recordSources(dutchText, translationStatus(french, dutch).filter((part) => part.step !== 'choose'));
      assert.deepEqual(findings([french, parse(partly, 'nl', root)]), [['nl', 11, 'translation-unmarked', 'choose']]);
    });
  });
});
