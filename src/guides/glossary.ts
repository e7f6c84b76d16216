// The writers' glossary: per language, one term for each concept and the variants to refuse
// (guides/glossary/<lang>.json). The guides' linter and the UI catalogs' test both read it, so the
// words stay the same in the guides and in the extension.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { guideLanguages, type GuideLanguage } from './guide';

export interface GlossaryTerm {
  /** A short English name for the concept, the same in every language (`card-reader`). */
  concept: string;
  /** The one term to write. */
  use: string;
  /** Variants to refuse; each also finds the word forms that begin with it (see `findAvoidedTerms`). */
  avoid: string[];
  note?: string;
}

export interface Glossary {
  language: GuideLanguage;
  file: string;
  terms: GlossaryTerm[];
}

/** A glossary file the linter could not read: reported as a lint error, not thrown. */
export interface GlossaryProblem {
  file: string;
  line: number;
  detail: string;
}

export interface Glossaries {
  byLanguage: Partial<Record<GuideLanguage, Glossary>>;
  problems: GlossaryProblem[];
}

export const noGlossaries: Glossaries = { byLanguage: {}, problems: [] };

/** DIR/glossary/<lang>.json for each guide language; a missing file means no glossary for that language. */
export async function loadGlossaries(guidesRoot: string): Promise<Glossaries> {
  const glossaries: Glossaries = { byLanguage: {}, problems: [] };
  for (const language of guideLanguages) {
    const file = path.join(guidesRoot, 'glossary', `${language}.json`);
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const parsed = parseGlossary(text, file, language);
    if ('problem' in parsed) glossaries.problems.push(parsed.problem);
    else glossaries.byLanguage[language] = parsed.glossary;
  }
  return glossaries;
}

/** The line of a JSON.parse error in `text` (its message gives a line, or a position, depending on the Node version). */
export function jsonErrorLine(error: Error, text: string): number {
  const line = /line (\d+)/.exec(error.message)?.[1];
  const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? 0);
  return line ? Number(line) : text.slice(0, position).split('\n').length;
}

export function parseGlossary(text: string, file: string, language: GuideLanguage): { glossary: Glossary } | { problem: GlossaryProblem } {
  const problem = (detail: string, line = 1) => ({ problem: { file, line, detail } });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return problem((error as Error).message, jsonErrorLine(error as Error, text));
  }
  const terms = (data as { terms?: unknown })?.terms;
  if (!Array.isArray(terms)) return problem('expected {"terms": [...]}');
  const concepts = new Set<string>();
  for (const [index, term] of terms.entries()) {
    const { concept, use, avoid, note } = (term ?? {}) as Record<string, unknown>;
    const where = `terms[${index}]`;
    if (typeof concept !== 'string' || !concept) return problem(`${where}: "concept" must be a non-empty string`, lineOf(text, where, index));
    const line = lineOf(text, concept, index);
    if (concepts.has(concept)) return problem(`${concept}: the concept appears twice`, line);
    concepts.add(concept);
    if (typeof use !== 'string' || !use.trim()) return problem(`${concept}: "use" must be a non-empty string`, line);
    if (!Array.isArray(avoid) || avoid.some((variant) => typeof variant !== 'string' || !variant.trim())) return problem(`${concept}: "avoid" must be a list of non-empty strings`, line);
    if (note !== undefined && typeof note !== 'string') return problem(`${concept}: "note" must be a string`, line);
  }
  return { glossary: { language, file, terms: terms as GlossaryTerm[] } };
}

/** The line of a concept's entry, for the error message (the JSON parser gives no positions). */
function lineOf(text: string, concept: string, index: number): number {
  const at = text.indexOf(`"${concept}"`);
  return at < 0 ? index + 2 : text.slice(0, at).split('\n').length;
}

export interface AvoidedTerm {
  /** Offset in the text searched. */
  index: number;
  /** The words as found in the text (`Kartenlesegeräts`). */
  found: string;
  avoided: string;
  term: GlossaryTerm;
}

/**
 * Where `text` uses a variant the glossary refuses. Matching is case-insensitive and starts at a
 * word start; the last word may go on with letters, so `Lesegerät` also finds `Lesegeräte` and
 * `Lesegeräts` (inflection, plurals); words of a term may be separated by any white space, line
 * breaks included. A term followed by a hyphen is the first part of a compound and is not matched
 * (`den ETK-Schlüssel` is not `den ETK`). Where the term to use starts at the same place and is at
 * least as long (`lecteur de cartes` when avoiding `lecteur de carte`), it is not a variant.
 */
export function findAvoidedTerms(text: string, glossary: Glossary): AvoidedTerm[] {
  const found: AvoidedTerm[] = [];
  for (const term of glossary.terms) {
    const preferred = termPattern(term.use, 'iuy');
    for (const avoided of term.avoid) {
      for (const match of text.matchAll(termPattern(avoided, 'giu'))) {
        const index = match.index ?? 0;
        preferred.lastIndex = index;
        if ((preferred.exec(text)?.[0].length ?? 0) >= match[0].length) continue;
        found.push({ index, found: match[0], avoided, term });
      }
    }
  }
  // Two variants of one place (`Handy`, `Handynummer`): the longer one is the one found.
  found.sort((a, b) => a.index - b.index || b.found.length - a.found.length);
  return found.filter((hit, position) => position === 0 || hit.index >= found[position - 1].index + found[position - 1].found.length);
}

function termPattern(term: string, flags: string): RegExp {
  const words = term.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}\\p{L}*(?![\\p{L}\\p{N}]|-\\p{L})`, flags);
}
