// The writers' linter: front matter, step ids and their parity across languages, known checks,
// actions and variants, links and images that resolve, no raw HTML, leftovers not translated.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import markdownIt from 'markdown-it';
import { isEnvironment } from '../core/environment';
import { audiences, isActionId, isCheckId, isQuestionId } from './allowList';
import { referenceLanguage, type Guide, type GuideProblem } from './guide';
import { noGlossaries, type Glossaries } from './glossary';
import { lintGlossary, type GlossaryLintCode } from './glossaryLint';
import type { WalkthroughLintCode } from './walkthroughSync';
import { lintTranslations, type TranslationFinding } from './translationLint';

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
  | 'translation-missing'
  | 'translation-extra'
  | 'steps-differ'
  | 'front-matter-differs'
  | 'step-attributes-differ'
  | 'untranslated'
  | TranslationFinding['code']
  | GlossaryLintCode
  | WalkthroughLintCode;

export interface LintMessage {
  file: string;
  line: number;
  code: LintCode;
  severity: 'error' | 'warning';
  detail?: string;
}

const warnings = new Set<LintCode>(['untranslated', 'image-alt-missing', 'outdated', 'translation-unmarked']);
const stepIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const allowedSchemes = ['https:', 'http:', 'mailto:'];

export interface LintInput {
  guide: Guide;
  source: string;
}

/** `glossaries`: from `loadGlossaries(DIR)` (guides/glossary/<lang>.json); without them, no glossary check. */
export function lintGuides(inputs: readonly LintInput[], glossaries: Glossaries = noGlossaries): LintMessage[] {
  const messages: LintMessage[] = [];
  const report = (guide: Guide, line: number, code: LintCode, detail?: string) =>
    messages.push({ file: guide.file, line, code, severity: warnings.has(code) ? 'warning' : 'error', ...(detail !== undefined ? { detail } : {}) });
  for (const { guide, source } of inputs) {
    for (const problem of guide.problems) report(guide, problem.line, problem.code, problem.detail);
    lintFrontMatter(guide, report);
    lintSteps(guide, report);
    lintMarkdown(guide, source, report);
  }
  lintParity(inputs.map((input) => input.guide), report);
  messages.push(...lintGlossary(inputs, glossaries));
  for (const finding of lintTranslations(inputs.map((input) => input.guide))) report(finding.guide, finding.line, finding.code, finding.detail);
  return messages.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

type Report = (guide: Guide, line: number, code: LintCode, detail?: string) => void;

function lintFrontMatter(guide: Guide, report: Report): void {
  const expected = path.basename(guide.file, '.md');
  if (guide.id && guide.id !== expected) report(guide, 1, 'id-mismatch', `${guide.id} ≠ ${expected}`);
  for (const value of guide.audience) if (!(audiences as readonly string[]).includes(value)) report(guide, 1, 'audience-unknown', value);
  for (const value of guide.environment) if (!isEnvironment(value)) report(guide, 1, 'environment-unknown', value);
  for (const value of guide.commands) if (!isActionId(value)) report(guide, 1, 'command-unknown', value);
}

function lintSteps(guide: Guide, report: Report): void {
  const seen = new Set<string>();
  for (const step of guide.steps) {
    if (step.id && !stepIdPattern.test(step.id)) report(guide, step.line, 'step-id-invalid', step.id);
    if (step.id && seen.has(step.id)) report(guide, step.line, 'step-id-duplicate', step.id);
    seen.add(step.id);
    for (const check of step.checks) if (!isCheckId(check)) report(guide, step.line, 'check-unknown', check);
    if (step.action && !isActionId(step.action)) report(guide, step.line, 'action-unknown', step.action);
    if (step.asks) lintAsks(guide, step, report);
  }
}

/**
 * `asks=` says what the step's button asks, in order; the text says it too, as an ordered list with
 * one item per question (the first ordered list of the step), so that neither changes alone.
 */
function lintAsks(guide: Guide, step: Guide['steps'][number], report: Report): void {
  for (const question of step.asks ?? []) if (!isQuestionId(question)) report(guide, step.line, 'question-unknown', question);
  if (!step.action) report(guide, step.line, 'asks-without-action', step.id);
  const list = /<ol>([\s\S]*?)<\/ol>/.exec(step.html)?.[1] ?? '';
  const items = list.match(/<li>/g)?.length ?? 0;
  if (items !== step.asks?.length) report(guide, step.line, 'asks-list-differs', `${step.id}: asks ${step.asks?.length ?? 0} questions, the first ordered list has ${items} items`);
}

/** Raw HTML, link schemes, broken relative links and images without text: read from the Markdown itself. */
function lintMarkdown(guide: Guide, source: string, report: Report): void {
  const md = markdownIt({ html: true });
  const lines = source.split('\n');
  const bodyStart = source.startsWith('---') ? lines.indexOf('---', 1) + 1 : 0;
  const tokens = md.parse(lines.slice(bodyStart).join('\n'), {});
  for (const block of tokens) {
    const line = (block.map?.[0] ?? 0) + bodyStart + 1;
    if (block.type === 'html_block') report(guide, line, 'raw-html', block.content.trim().split('\n')[0]);
    for (const token of block.children ?? []) {
      if (token.type === 'html_inline') report(guide, line, 'raw-html', token.content);
      const target = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (target === null) continue;
      if (token.type === 'image' && !token.content.trim()) report(guide, line, 'image-alt-missing', String(target));
      lintTarget(guide, String(target), line, report);
    }
  }
}

function lintTarget(guide: Guide, target: string, line: number, report: Report): void {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(target)?.[1]?.toLowerCase();
  if (scheme) {
    if (!allowedSchemes.includes(scheme)) report(guide, line, 'link-scheme', target);
    return;
  }
  if (target.startsWith('#')) return;
  const relative = decodeURIComponent(target.split('#')[0]);
  if (relative && !existsSync(path.resolve(path.dirname(guide.file), relative))) report(guide, line, 'link-broken', target);
}

/** Every language has the French guides, with the same steps in the same order and the same behaviour. */
function lintParity(guides: readonly Guide[], report: Report): void {
  const reference = guides.filter((guide) => guide.language === referenceLanguage);
  for (const translated of guides.filter((guide) => guide.language !== referenceLanguage)) {
    const french = reference.find((guide) => guide.id === translated.id);
    if (!french) {
      report(translated, 1, 'translation-extra', translated.id);
      continue;
    }
    const fields = (guide: Guide) => JSON.stringify({ audience: guide.audience, environment: guide.environment, commands: guide.commands });
    if (fields(french) !== fields(translated)) report(translated, 1, 'front-matter-differs', `fr: ${fields(french)} | ${translated.language}: ${fields(translated)}`);
    const frenchIds = french.steps.map((step) => step.id).join(' ');
    const ids = translated.steps.map((step) => step.id).join(' ');
    if (frenchIds !== ids) report(translated, 1, 'steps-differ', `fr: ${frenchIds} | ${translated.language}: ${ids}`);
    for (const step of translated.steps) {
      const original = french.steps.find((candidate) => candidate.id === step.id);
      if (!original) continue;
      if (behaviour(original) !== behaviour(step)) report(translated, step.line, 'step-attributes-differ', `${step.id}: fr ${behaviour(original)} | ${behaviour(step)}`);
      if (looksUntranslated(original.title, step.title) || looksUntranslated(plainText(original.html), plainText(step.html))) {
        report(translated, step.line, 'untranslated', step.id);
      }
    }
  }
  const languages = new Set(guides.map((guide) => guide.language));
  for (const french of reference) {
    for (const language of languages) {
      if (language !== referenceLanguage && !guides.some((guide) => guide.id === french.id && guide.language === language)) {
        report(french, 1, 'translation-missing', language);
      }
    }
  }
}

/** What a step does, whatever its language: checks, action, variant, and its variant parts in order. */
const behaviour = (step: Guide['steps'][number]) =>
  JSON.stringify({
    checks: step.checks,
    action: step.action ?? null,
    asks: step.asks ?? null,
    variant: step.variant ? `${step.variant.dimension}:${step.variant.value}` : null,
    parts: [...step.html.matchAll(/data-variant="([^"]+)"/g)].map((match) => match[1]),
  });

const plainText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** The same words as the French, and enough of them to be prose rather than a name or an identifier. */
function looksUntranslated(french: string, translated: string): boolean {
  return french === translated && french.split(' ').filter((word) => /\p{L}{3,}/u.test(word)).length >= 4;
}
