// A guide as the faces see it: front matter, an introduction and steps, each step with its checks,
// its action and its variant, and its body already rendered to safe HTML (raw HTML is escaped).
import * as path from 'node:path';
import type { Variant } from './allowList';

export type GuideLanguage = 'fr' | 'nl' | 'en' | 'de';

export const guideLanguages: readonly GuideLanguage[] = ['fr', 'nl', 'en', 'de'];
/** French is the reference every other language follows step for step. */
export const referenceLanguage: GuideLanguage = 'fr';

/** The guides folder of a guide file: guides/<lang>/<id>.md → guides. */
export const guidesFolderOf = (file: string): string => path.dirname(path.dirname(file));

/**
 * What pairs a guide with its translations: its file name, as the checklist and the walkthroughs
 * find it (a wrong `id` in the front matter is its own error, id-mismatch, not a missing translation).
 */
export const guideName = (guide: { file: string }): string => path.basename(guide.file, '.md');

export interface GuideStep {
  id: string;
  title: string;
  /** As written; the linter and the checklist view keep only allow-listed ones. */
  checks: string[];
  action?: string;
  /** The questions the action asks, in order (`asks=pin,holder,...`), as written. */
  asks?: string[];
  variant?: Variant;
  html: string;
  /** 1-based line of the step's opening fence, for the linter's messages. */
  line: number;
  /** The step's Markdown as written, between its fences (what a translation's `source` hashes). */
  markdown: string;
  /** In a translation: the French version it translates (`source=`, 8 hex chars). */
  source?: string;
}

/** In a translation: the French versions its title and introduction translate (front matter `source:`). */
export interface GuideSources {
  title?: string;
  introduction?: string;
}

export interface Guide {
  id: string;
  language: GuideLanguage;
  file: string;
  title: string;
  audience: string[];
  environment: string[];
  commands: string[];
  /** The file line of each front matter key, for messages about its value. */
  fieldLines: Record<string, number>;
  introHtml: string;
  /** The introduction's Markdown as written, before the first step. */
  introMarkdown: string;
  /** In a translation: the `source:` of the front matter. */
  source?: GuideSources;
  steps: GuideStep[];
  /** What the parser could not make sense of, for the linter (the rest of the guide still renders). */
  problems: GuideProblem[];
}

export interface GuideProblem {
  code:
    | 'front-matter-missing'
    | 'front-matter-invalid'
    | 'field-missing'
    | 'step-id-missing'
    | 'step-attribute-unknown'
    | 'step-attribute-repeated'
    | 'variant-invalid'
    | 'variant-outside-step'
    | 'step-title-missing'
    | 'container-unclosed'
    | 'source-invalid'
    | 'front-matter-key-unknown'
    | 'step-unclosed'
    | 'step-nested'
    | 'fence-stray'
    | 'note-unclosed'
    | 'container-unknown'
    | 'text-outside-step';
  line: number;
  detail?: string;
  /** The known word the writer most likely meant ("did you mean ...?"). */
  suggestion?: string;
}
