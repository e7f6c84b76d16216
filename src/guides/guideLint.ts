// The writers' linter: front matter, step ids and their parity across languages, known checks,
// actions and variants, links and images that resolve, no raw HTML, leftovers not translated.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import markdownIt from 'markdown-it';
import { ENVIRONMENTS, isEnvironment } from '../core/environment';
import { closestWord } from '../procedures/closestWord';
import { actionIds, audiences, checkIds, isActionId, isCheckId, isQuestionId, questions } from './allowList';
import { splitGuideFile } from './frontMatter';
import { guideName, guidesFolderOf, referenceLanguage, type Guide, type GuideProblem, type GuideStep } from './guide';
import { noGlossaries, type Glossaries } from './glossary';
import { lintGlossary, type GlossaryLintCode } from './glossaryLint';
import type { WalkthroughLintCode } from './walkthroughSync';
import { lintFrenchSources, lintTranslations, type FrenchSourcesLintCode, type TranslationFinding } from './translationLint';
import { withoutNotes } from './translatorNotes';

export type LintCode =
  | GuideProblem['code']
  | 'id-mismatch'
  | 'audience-unknown'
  | 'environment-unknown'
  | 'command-unknown'
  | 'step-id-invalid'
  | 'step-id-duplicate'
  | 'check-unknown'
  | 'action-unknown'
  | 'question-unknown'
  | 'asks-without-action'
  | 'asks-list-differs'
  | 'raw-html'
  | 'link-scheme'
  | 'link-broken'
  | 'image-alt-missing'
  | 'image-remote'
  | 'image-outside-guides'
  | 'folder-unknown'
  | 'folder-named-md'
  | 'guides-none'
  | 'translation-missing'
  | 'translation-extra'
  | 'steps-differ'
  | 'front-matter-differs'
  | 'step-attributes-differ'
  | 'untranslated'
  | 'source-in-french'
  | TranslationFinding['code']
  | FrenchSourcesLintCode
  | GlossaryLintCode
  | WalkthroughLintCode;

export interface LintMessage {
  file: string;
  line: number;
  code: LintCode;
  severity: 'error' | 'warning';
  detail?: string;
  /** The known word the writer most likely meant: the faces add "did you mean ...?". */
  suggestion?: string;
}

const warnings = new Set<LintCode>(['untranslated', 'outdated', 'outdated-text-unknown', 'translation-unmarked']);
const stepIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const allowedSchemes = ['https:', 'http:', 'mailto:'];

export interface LintInput {
  guide: Guide;
  source: string;
}

/** `glossaries`: from `loadGlossaries(DIR)` (guides/glossary/<lang>.json); without them, no glossary check. */
export function lintGuides(inputs: readonly LintInput[], glossaries: Glossaries = noGlossaries): LintMessage[] {
  const messages: LintMessage[] = [];
  const report = (guide: Guide, line: number, code: LintCode, detail?: string, suggestion?: string) =>
    messages.push({ file: guide.file, line, code, severity: severityOf(code), ...(detail !== undefined ? { detail } : {}), ...(suggestion ? { suggestion } : {}) });
  for (const { guide, source } of inputs) {
    for (const problem of guide.problems) report(guide, problem.line, problem.code, problem.detail, problem.suggestion);
    lintFrontMatter(guide, report);
    lintSteps(guide, report);
    lintMarkdown(guide, source, report);
  }
  lintParity(inputs.map((input) => input.guide), report);
  messages.push(...lintGlossary(inputs, glossaries));
  messages.push(...lintFrenchSources(inputs.map((input) => input.guide)));
  // Versions compare steps too: not for a guide whose structure is broken (see structureBroken) or whose step ids do not pair.
  for (const finding of lintTranslations(inputs.map((input) => input.guide).filter((guide) => !structureBroken(guide) && !stepIdsSlipped(guide)))) report(finding.guide, finding.line, finding.code, finding.detail);
  return messages.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export const severityOf = (code: LintCode): LintMessage['severity'] => (warnings.has(code) ? 'warning' : 'error');

type Report = (guide: Guide, line: number, code: LintCode, detail?: string, suggestion?: string) => void;

function lintFrontMatter(guide: Guide, report: Report): void {
  const expected = path.basename(guide.file, '.md');
  const line = (key: string) => guide.fieldLines[key] ?? 1;
  if (guide.id && guide.id !== expected) report(guide, line('id'), 'id-mismatch', `${guide.id} ≠ ${expected}`);
  for (const value of guide.audience) if (!(audiences as readonly string[]).includes(value)) report(guide, line('audience'), 'audience-unknown', value, closestWord(value, audiences));
  for (const value of guide.environment) if (!isEnvironment(value)) report(guide, line('environment'), 'environment-unknown', value, closestWord(value, ENVIRONMENTS));
  for (const value of guide.commands) if (!isActionId(value)) report(guide, line('commands'), 'command-unknown', value, closestWord(value, actionIds));
  // The French is the reference: a `source` there says nothing (copied from a translation?).
  if (guide.language === referenceLanguage && guide.source) report(guide, line('source'), 'source-in-french');
}

function lintSteps(guide: Guide, report: Report): void {
  const seen = new Set<string>();
  for (const step of guide.steps) {
    if (step.id && !stepIdPattern.test(step.id)) report(guide, step.line, 'step-id-invalid', step.id);
    if (step.id && seen.has(step.id)) report(guide, step.line, 'step-id-duplicate', step.id);
    seen.add(step.id);
    for (const check of step.checks) if (!isCheckId(check)) report(guide, step.line, 'check-unknown', check, closestWord(check, checkIds));
    if (step.action && !isActionId(step.action)) report(guide, step.line, 'action-unknown', step.action, closestWord(step.action, actionIds));
    if (step.asks) lintAsks(guide, step, report);
    if (guide.language === referenceLanguage && step.source) report(guide, step.line, 'source-in-french', step.id);
  }
}

/**
 * `asks=` says what the step's button asks, in order; the text says it too, as an ordered list with
 * one item per question (the first ordered list of the step), so that neither changes alone.
 */
function lintAsks(guide: Guide, step: GuideStep, report: Report): void {
  for (const question of step.asks ?? []) if (!isQuestionId(question)) report(guide, step.line, 'question-unknown', question, closestWord(question, Object.keys(questions)));
  if (!step.action) report(guide, step.line, 'asks-without-action', step.id);
  const list = /<ol>([\s\S]*?)<\/ol>/.exec(step.html)?.[1] ?? '';
  const items = list.match(/<li>/g)?.length ?? 0;
  if (items !== step.asks?.length) report(guide, step.line, 'asks-list-differs', `${step.id}: asks ${step.asks?.length ?? 0} questions, the first ordered list has ${items} items`);
}

/**
 * Raw HTML, link schemes, broken relative links and images without text: read from the Markdown
 * itself, without the translator notes (allowed: the checklist never shows them, nor what is in them).
 */
function lintMarkdown(guide: Guide, source: string, report: Report): void {
  const { body, bodyOffset } = splitGuideFile(source);
  for (const block of markdownReader().parse(withoutNotes(body), {})) {
    const line = (block.map?.[0] ?? 0) + bodyOffset + 1;
    if (block.type === 'html_block') report(guide, line, 'raw-html', block.content.trim().split('\n')[0]);
    // Inline tokens carry their block's line: line breaks before them tell which line of the block.
    let breaks = 0;
    for (const token of block.children ?? []) {
      if (token.type === 'softbreak' || token.type === 'hardbreak') breaks++;
      if (token.type === 'html_inline') report(guide, line + breaks, 'raw-html', token.content);
      if (token.type === 'image') lintImage(guide, String(token.attrGet('src')), token.content, line + breaks, report);
      if (token.type === 'link_open') lintLink(guide, String(token.attrGet('href')), line + breaks, report);
    }
  }
}

/** markdown-it drops the links it finds unsafe (javascript:, file:...); the linter must see them to refuse them. */
function markdownReader() {
  const md = markdownIt({ html: true });
  md.validateLink = () => true;
  return md;
}

const schemeOf = (target: string) => /^([a-z][a-z0-9+.-]*:)/i.exec(target)?.[1]?.toLowerCase();

function lintLink(guide: Guide, target: string, line: number, report: Report): void {
  const scheme = schemeOf(target);
  if (scheme) {
    if (!allowedSchemes.includes(scheme)) report(guide, line, 'link-scheme', target);
    return;
  }
  if (target.startsWith('#')) return;
  lintRelative(guide, target, line, report);
}

/**
 * The checklist shows an image from the guides folder only (guides/<lang>/x.md → guides/): not a
 * remote one, a data: URL, nor a file elsewhere on the disk.
 */
function lintImage(guide: Guide, target: string, text: string, line: number, report: Report): void {
  if (!text.trim()) report(guide, line, 'image-alt-missing', target);
  const scheme = schemeOf(target);
  if (scheme === 'http:' || scheme === 'https:' || scheme === 'data:' || target.startsWith('//')) report(guide, line, 'image-remote', target.slice(0, 80));
  else if (scheme) report(guide, line, 'link-scheme', target);
  else {
    const guidesFolder = guidesFolderOf(guide.file);
    const file = path.resolve(path.dirname(guide.file), safeDecode(target.split('#')[0]));
    if (!file.startsWith(guidesFolder + path.sep)) report(guide, line, 'image-outside-guides', target);
    else lintRelative(guide, target, line, report);
  }
}

function lintRelative(guide: Guide, target: string, line: number, report: Report): void {
  const relative = safeDecode(target.split('#')[0]);
  if (relative && !existsSync(path.resolve(path.dirname(guide.file), relative))) report(guide, line, 'link-broken', target);
}

/** A malformed %-escape is read as written (and then not found), never a crash of the linter. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * What makes a guide's steps unreliable: a front matter or fences that do not read. Such a guide is
 * compared with no other language (nor are the translations of such a French guide): its own
 * error says what to fix, and comparing what the parser recovered would only echo it elsewhere.
 */
const structural = new Set<LintCode>(['front-matter-missing', 'front-matter-invalid', 'step-unclosed', 'step-nested', 'fence-stray', 'note-unclosed', 'container-unknown', 'container-unclosed']);
/** The first problem that breaks the guide's structure, if any. */
export const structureProblem = (guide: Guide): GuideProblem | undefined => guide.problems.find((problem) => structural.has(problem.code));
export const structureBroken = (guide: Guide) => structureProblem(guide) !== undefined;

/** Every language has the French guides, with the same steps in the same order and the same behaviour. */
function lintParity(guides: readonly Guide[], report: Report): void {
  const reference = guides.filter((guide) => guide.language === referenceLanguage);
  for (const translated of guides.filter((guide) => guide.language !== referenceLanguage)) {
    const french = reference.find((guide) => guideName(guide) === guideName(translated));
    if (!french) {
      report(translated, 1, 'translation-extra', guideName(translated));
      continue;
    }
    if (structureBroken(french) || structureBroken(translated)) continue;
    // A slip in one file is reported there once, not again as a difference in every translation.
    if (!frontMatterSlipped(french) && !frontMatterSlipped(translated)) {
      for (const field of comparedFields) {
        const [was, is] = [french[field].join(','), translated[field].join(',')];
        if (was !== is) report(translated, translated.fieldLines[field] ?? 1, 'front-matter-differs', difference(field, was, translated.language, is));
      }
    }
    const frenchIds = french.steps.map((step) => step.id).join(' ');
    const ids = translated.steps.map((step) => step.id).join(' ');
    if (frenchIds !== ids && !stepIdsSlipped(french) && !stepIdsSlipped(translated)) report(translated, 1, 'steps-differ', `fr: ${frenchIds} | ${translated.language}: ${ids}`);
    for (const step of translated.steps) {
      const original = french.steps.find((candidate) => candidate.id === step.id);
      if (!original) continue;
      const differences = stepAttributesSlipped(french, original) || stepAttributesSlipped(translated, step) ? [] : behaviourDifferences(original, step, translated.language);
      if (differences.length) report(translated, step.line, 'step-attributes-differ', `${step.id}: ${differences.join('; ')}`);
      if (looksUntranslated(original.title, step.title) || looksUntranslated(plainText(original.html), plainText(step.html))) {
        report(translated, step.line, 'untranslated', step.id);
      }
    }
  }
  const languages = new Set(guides.map((guide) => guide.language));
  for (const french of reference) {
    for (const language of languages) {
      if (language !== referenceLanguage && !guides.some((guide) => guideName(guide) === guideName(french) && guide.language === language)) {
        report(french, 1, 'translation-missing', language);
      }
    }
  }
}

const comparedFields = ['audience', 'environment', 'commands'] as const;

/** `field: fr <French value> | <language> <translated value>`: only what differs, as the writer wrote it. */
const difference = (field: string, french: string, language: string, translated: string) => `${field}: fr ${french || '—'} | ${language} ${translated || '—'}`;

const hasProblem = (guide: Guide, codes: readonly GuideProblem['code'][], within = (line: number) => line > 0) => guide.problems.some((problem) => codes.includes(problem.code) && within(problem.line));
/** A front matter key misspelt or missing: its own error, the fields read from it are no reference. */
const frontMatterSlipped = (guide: Guide) => hasProblem(guide, ['front-matter-key-unknown', 'field-missing']);
/** A step without its id, or an id used twice: the steps no longer pair by id. */
export const stepIdsSlipped = (guide: Guide) => guide.steps.some((step, index) => !step.id || guide.steps.findIndex((other) => other.id === step.id) !== index);
/** An attribute or a variant of `step` that does not read: what the step does is not known. */
function stepAttributesSlipped(guide: Guide, step: GuideStep): boolean {
  const next = guide.steps.find((other) => other.line > step.line)?.line ?? Infinity;
  return hasProblem(guide, ['step-attribute-unknown', 'variant-invalid', 'step-attribute-repeated'], (line) => line >= step.line && line < next);
}

/** What a step does, whatever its language: checks, action, asks, variant, and its variant parts in order. */
const behaviour = (step: GuideStep): Record<string, string> => ({
  checks: step.checks.join(','),
  action: step.action ?? '',
  asks: step.asks?.join(',') ?? '',
  variant: step.variant ? `${step.variant.dimension}:${step.variant.value}` : '',
  'variant parts': [...step.html.matchAll(/data-variant="([^"]+)"/g)].map((match) => match[1]).join(','),
});

function behaviourDifferences(french: GuideStep, translated: GuideStep, language: string): string[] {
  const [was, is] = [behaviour(french), behaviour(translated)];
  return Object.keys(was).filter((key) => was[key] !== is[key]).map((key) => difference(key, was[key], language, is[key]));
}

const plainText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** The same words as the French, and enough of them to be prose rather than a name or an identifier. */
function looksUntranslated(french: string, translated: string): boolean {
  return french === translated && french.split(' ').filter((word) => /\p{L}{3,}/u.test(word)).length >= 4;
}
