// Lint rule `glossary-term`: a guide writes the term its language's glossary chooses, not a variant
// it refuses. Only the words a reader sees are searched: the title and the Markdown text, not the
// other front-matter fields, container lines (`::: step ...`), code, link targets, URLs or
// translator notes (HTML comments).
import type { GuideLanguage } from './guide';
import type { LintMessage } from './guideLint';
import { findAvoidedTerms, type Glossaries } from './glossary';
import { withoutNotes } from './translatorNotes';

export type GlossaryLintCode = 'glossary-term' | 'glossary-invalid';

export interface GlossaryLintInput {
  guide: { file: string; language: GuideLanguage };
  source: string;
}

export function lintGlossary(inputs: readonly GlossaryLintInput[], glossaries: Glossaries): LintMessage[] {
  const messages: LintMessage[] = glossaries.problems.map(({ file, line, detail }) => ({ file, line, code: 'glossary-invalid', severity: 'error', detail }));
  for (const { guide, source } of inputs) {
    const glossary = glossaries.byLanguage[guide.language];
    if (!glossary) continue;
    const text = readerText(source);
    for (const hit of findAvoidedTerms(text, glossary)) {
      const line = text.slice(0, hit.index).split('\n').length;
      messages.push({ file: guide.file, line, code: 'glossary-term', severity: 'error', detail: `${hit.found.replace(/\s+/g, ' ')} → ${hit.term.use} (${hit.term.concept})` });
    }
  }
  return messages;
}

/** The source with everything a reader does not read blanked out, line breaks and offsets kept. */
export function readerText(source: string): string {
  const blank = (part: string) => part.replace(/[^\n]/g, ' ');
  let text = source.replace(/^\uFEFF/, ' ');
  text = text.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (front) => front.split('\n').map((line) => (/^title:/.test(line) ? line : blank(line))).join('\n'));
  text = withoutNotes(text);
  text = text.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, blank);
  text = text.replace(/^ {0,3}:::[^\n]*$/gm, blank);
  text = text.replace(/(`+)[\s\S]*?\1/g, blank);
  text = text.replace(/\]\([^)]*\)/g, (target) => `]${blank(target.slice(1))}`);
  text = text.replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, blank);
  text = text.replace(/\b(?:https?|mailto):[^\s)>\]]*/gi, blank);
  return text;
}
