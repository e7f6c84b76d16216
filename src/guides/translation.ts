// Which French version each part of a translation (its title, its introduction, each step) was made
// from, and whether the French has changed since. A part records the start of the SHA-256 of the
// French text it translates, normalised so that reflowing a paragraph, a no-break space or a
// translator's note (an HTML comment) does not count as a change; a word does.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { guideLanguages, guideName, guidesFolderOf, referenceLanguage, type Guide, type GuideLanguage, type GuideStep } from './guide';
import { withoutNotes } from './translatorNotes';

/** NFC, translator notes dropped, every run of whitespace (no-break spaces too) one space, trimmed. */
export function normaliseFrench(markdown: string): string {
  return withoutNotes(markdown.normalize('NFC'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a translation records in `source`: the first 8 hex digits of the SHA-256 of the normalised text. */
export function sourceHash(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 8);
}

export type TranslatedPart = 'title' | 'introduction' | 'step';
export type TranslationState = 'up-to-date' | 'outdated' | 'unmarked' | 'missing';

/** One French part as a translation refers to it: its normalised text and that text's hash. */
export interface FrenchPart {
  part: TranslatedPart;
  /** The step's id, for a step. */
  step?: string;
  text: string;
  hash: string;
}

export interface PartStatus {
  part: TranslatedPart;
  step?: string;
  state: TranslationState;
  /** 1-based line in the translation: the step's opening fence, the front matter's `source` (or title) for the title and introduction, 1 for a missing part. */
  line: number;
  /** The French version the translation records, when it records one. */
  recorded?: string;
  french: FrenchPart;
}

const frenchPart = (part: TranslatedPart, markdown: string, step?: string): FrenchPart => {
  const text = normaliseFrench(markdown);
  return { part, ...(step !== undefined ? { step } : {}), text, hash: sourceHash(text) };
};

/** The parts of a French guide a translation follows, in order: title, introduction, then each step. */
export function frenchParts(french: Guide): FrenchPart[] {
  return [frenchPart('title', french.title), frenchPart('introduction', french.introMarkdown), ...french.steps.map((step) => frenchPart('step', step.markdown, step.id))];
}

/** Where a translation keeps the French version of `part`, and at which line. */
function recordOf(translated: Guide, part: FrenchPart): { present: boolean; recorded?: string; line: number } {
  if (part.part === 'step') {
    const step: GuideStep | undefined = translated.steps.find((candidate) => candidate.id === part.step);
    return { present: step !== undefined, line: step?.line ?? 1, ...(step?.source ? { recorded: step.source } : {}) };
  }
  const recorded = translated.source?.[part.part];
  // The line that records it, or the title's (where mark-translated will write it).
  return { present: true, line: translated.fieldLines.source ?? translated.fieldLines.title ?? 1, ...(recorded ? { recorded } : {}) };
}

const stateOf = (present: boolean, recorded: string | undefined, hash: string): TranslationState =>
  !present ? 'missing' : recorded === undefined ? 'unmarked' : recorded === hash ? 'up-to-date' : 'outdated';

/** The state of every part of `french` in its translation (undefined: the translation file is absent). */
export function translationStatus(french: Guide, translated: Guide | undefined): PartStatus[] {
  return frenchParts(french).map((part) => {
    const { present, recorded, line } = translated ? recordOf(translated, part) : { present: false, line: 1 };
    return { part: part.part, ...(part.step !== undefined ? { step: part.step } : {}), state: stateOf(present, recorded, part.hash), line, ...(recorded ? { recorded } : {}), french: part };
  });
}

const severity: readonly TranslationState[] = ['missing', 'outdated', 'unmarked', 'up-to-date'];

/** A whole guide counts as its worst part: missing, then outdated, then unmarked, else up to date. */
export function guideState(parts: readonly PartStatus[]): TranslationState {
  return severity.find((state) => parts.some((part) => part.state === state)) ?? 'up-to-date';
}

export type StateCounts = Record<TranslationState, number>;

/** A part of one guide's translation, with the guide and the translation file it belongs to. */
export interface GuidePartStatus extends PartStatus {
  guide: string;
  /** The translation file, where it is or would be (guides/<lang>/<id>.md). */
  file: string;
  /** How many parts the guide has: all of them to update says the whole file is (missing, never marked). */
  guideParts: number;
}

/** Where one language stands: its guides (each counted as its worst part), its steps, and every part not up to date. */
export interface LanguageStatus {
  language: GuideLanguage;
  guides: StateCounts;
  steps: StateCounts;
  toUpdate: GuidePartStatus[];
}

const noCounts = (): StateCounts => ({ 'up-to-date': 0, outdated: 0, unmarked: 0, missing: 0 });

/** Every translated language, against each French guide found in `guides`. */
export function languageStatuses(guides: readonly Guide[]): LanguageStatus[] {
  const frenchGuides = guides.filter((guide) => guide.language === referenceLanguage);
  return guideLanguages
    .filter((language) => language !== referenceLanguage)
    .map((language) => {
      const status: LanguageStatus = { language, guides: noCounts(), steps: noCounts(), toUpdate: [] };
      for (const french of frenchGuides) {
        const translated = guides.find((guide) => guide.language === language && guideName(guide) === guideName(french));
        const file = translated?.file ?? path.join(guidesFolderOf(french.file), language, path.basename(french.file));
        const parts = translationStatus(french, translated);
        status.guides[guideState(parts)]++;
        for (const part of parts) {
          if (part.part === 'step') status.steps[part.state]++;
          if (part.state !== 'up-to-date') status.toUpdate.push({ ...part, guide: guideName(french), file, guideParts: parts.length });
        }
      }
      return status;
    });
}
