// Reads a guide file: YAML front matter (frontMatter.ts), then Markdown where `::: step #id attr=value`
// and `::: variant dimension:value` containers (markdown-it-container) mark the structure, their
// fences first paired as the writer typed them (containers.ts, which also blanks translator notes).
// Raw HTML is never rendered (markdown-it with html: false escapes it); images go through a resolver
// so the checklist view can turn them into webview URIs.
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import container from 'markdown-it-container';
import { closestWord } from '../procedures/closestWord';
import { parseVariant, variantDimensions, type Variant } from './allowList';
import { readContainers } from './containers';
import { readFrontMatter, splitGuideFile } from './frontMatter';
import type { Guide, GuideLanguage, GuideProblem, GuideSources, GuideStep } from './guide';

export type RenderEnvironment = {
  /** Maps an image's relative path to the URL the view can load; undefined drops the image. */
  resolveImage?: (src: string) => string | undefined;
};

function markdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.use(container, 'step', { validate: (info: string) => /^step(\s|$)/.test(info.trim()) });
  md.use(container, 'variant', {
    validate: (info: string) => /^variant(\s|$)/.test(info.trim()),
    render: (tokens: Token[], index: number) => {
      const token = tokens[index];
      if (token.nesting !== 1) return '</div>\n';
      const variant = token.info.trim().slice('variant'.length).trim();
      return `<div class="variant" data-variant="${md.utils.escapeHtml(variant)}">\n`;
    },
  });
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const resolved = (env as RenderEnvironment).resolveImage?.(String(token.attrGet('src') ?? ''));
    if (!resolved) return md.utils.escapeHtml(token.content);
    token.attrSet('src', resolved);
    return defaultImage(tokens, index, options, env, self);
  };
  return md;
}

let shared: MarkdownIt | undefined;
const md = () => (shared ??= markdown());

interface StepAttributes {
  id?: string;
  checks: string[];
  action?: string;
  asks?: string[];
  variant?: Variant;
  source?: string;
  problems: GuideProblem[];
}

/** A translation's `source`: the first 8 hex digits of the SHA-256 of the French text (translation.ts). */
export const sourceHashPattern = /^[0-9a-f]{8}$/;

const stepAttributeNames = ['check', 'action', 'asks', 'variant', 'source'];
const repeatable = new Set(['#', ...stepAttributeNames]);
const variantNames = Object.entries(variantDimensions).flatMap(([dimension, values]) => values.map((value) => `${dimension}:${value}`));

function invalidVariant(value: string, line: number): GuideProblem {
  const suggestion = closestWord(value, variantNames);
  return { code: 'variant-invalid', line, detail: value, ...(suggestion ? { suggestion } : {}) };
}

function stepAttributes(info: string, line: number): StepAttributes {
  const result: StepAttributes = { checks: [], problems: [] };
  let idWithoutHash = false;
  const seen = new Set<string>();
  for (const word of info.trim().split(/\s+/).slice(1)) {
    const [key, value = ''] = word.startsWith('#') ? ['#', word.slice(1)] : word.split(/=(.*)/s, 2);
    // Written twice, an attribute says two things: which one the writer meant is theirs to say.
    if (repeatable.has(key) && seen.has(key)) {
      result.problems.push({ code: 'step-attribute-repeated', line, detail: word });
      continue;
    }
    seen.add(key);
    if (key === '#') result.id = value;
    else if (key === 'check') result.checks.push(...value.split(',').filter(Boolean));
    else if (key === 'action') result.action = value;
    else if (key === 'asks') result.asks = value.split(',').filter(Boolean);
    else if (key === 'source') {
      if (sourceHashPattern.test(value)) result.source = value;
      else result.problems.push({ code: 'source-invalid', line, detail: word });
    } else if (key === 'variant') {
      const variant = parseVariant(value);
      if (variant) result.variant = variant;
      else result.problems.push(invalidVariant(value, line));
    } else if (!word.includes('=') && !result.id && !idWithoutHash) {
      // A bare word where the id goes: its "#" was forgotten (one message, not also step-id-missing).
      result.problems.push({ code: 'step-attribute-unknown', line, detail: word, suggestion: `#${word}` });
      idWithoutHash = true;
    } else {
      const named = closestWord(key, stepAttributeNames);
      result.problems.push({ code: 'step-attribute-unknown', line, detail: word, ...(named && word.includes('=') ? { suggestion: `${named}=` } : {}) });
    }
  }
  if (!result.id && !idWithoutHash) result.problems.push({ code: 'step-id-missing', line });
  return result;
}

/** Front matter `source: {title: "…", introduction: "…"}`; anything else is a problem, never guessed at. */
function frontMatterSources(value: unknown, line: number, problems: GuideProblem[]): GuideSources | undefined {
  if (value === undefined) return undefined;
  const fields = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
  const sources: GuideSources = {};
  for (const [key, hash] of fields) {
    if ((key === 'title' || key === 'introduction') && typeof hash === 'string' && sourceHashPattern.test(hash)) sources[key] = hash;
    else problems.push({ code: 'source-invalid', line, detail: `source.${key}: ${String(hash)}` });
  }
  if (fields.length === 0) problems.push({ code: 'source-invalid', line, detail: `source: ${JSON.stringify(value)}` });
  return sources;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export function parseGuide(source: string, file: string, language: GuideLanguage, env: RenderEnvironment = {}): Guide {
  const problems: GuideProblem[] = [];
  const parts = splitGuideFile(source);
  const { fields: meta, lines: fieldLines } = readFrontMatter(parts, problems);
  const { body, bodyOffset: lineOffset } = parts;
  const structure = readContainers(body, lineOffset);
  problems.push(...structure.problems);
  const tokens = md().parse(structure.text, env);
  // Token lines back to the body's own (readContainers may have added closing fences).
  for (const token of tokens) if (token.map) token.map = [structure.origin[token.map[0]], structure.origin[token.map[1] - 1] + 1];
  const { introTokens, steps } = splitSteps(tokens, body.split('\n'), lineOffset, env, problems);
  const sources = frontMatterSources(meta.source, fieldLines.source ?? 1, problems);
  const firstStep = tokens.find((token) => token.type === 'container_step_open');
  return {
    id: String(meta.id ?? ''),
    language,
    file,
    title: String(meta.title ?? ''),
    audience: asList(meta.audience),
    environment: asList(meta.environment),
    commands: asList(meta.commands),
    fieldLines,
    introHtml: md().renderer.render(introTokens, md().options, env),
    introMarkdown: body.split('\n').slice(0, firstStep?.map?.[0]).join('\n'),
    ...(sources ? { source: sources } : {}),
    steps,
    problems,
  };
}

/** Cuts the token stream at the step containers; variant containers stay inside their step. */
function splitSteps(tokens: Token[], bodyLines: string[], lineOffset: number, env: RenderEnvironment, problems: GuideProblem[]) {
  const introTokens: Token[] = [];
  const steps: GuideStep[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    const line = (token.map?.[0] ?? 0) + lineOffset + 1;
    if (token.type === 'container_variant_open') problems.push({ code: 'variant-outside-step', line });
    if (token.type !== 'container_step_open') {
      introTokens.push(token);
      index++;
      continue;
    }
    const close = findClose(tokens, index);
    const inner = tokens.slice(index + 1, close < 0 ? tokens.length : close);
    const attributes = stepAttributes(token.info, line);
    problems.push(...attributes.problems);
    for (const variantToken of inner.filter((candidate) => candidate.type === 'container_variant_open')) {
      const value = variantToken.info.trim().slice('variant'.length).trim();
      if (!parseVariant(value)) problems.push(invalidVariant(value, (variantToken.map?.[0] ?? 0) + lineOffset + 1));
    }
    const { title, rest } = takeTitle(inner);
    if (!title) problems.push({ code: 'step-title-missing', line });
    steps.push({
      id: attributes.id ?? '',
      title,
      checks: attributes.checks,
      ...(attributes.action ? { action: attributes.action } : {}),
      ...(attributes.asks ? { asks: attributes.asks } : {}),
      ...(attributes.variant ? { variant: attributes.variant } : {}),
      html: md().renderer.render(rest, md().options, env),
      line,
      // The container's map ends at its closing fence (or the end of the body when unclosed).
      markdown: bodyLines.slice((token.map?.[0] ?? 0) + 1, token.map?.[1]).join('\n'),
      ...(attributes.source ? { source: attributes.source } : {}),
    });
    index = close < 0 ? tokens.length : close + 1;
  }
  return { introTokens, steps };
}

function findClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    if (tokens[index].type === 'container_step_open') depth++;
    if (tokens[index].type === 'container_step_close' && --depth === 0) return index;
  }
  return -1;
}

/** A heading that opens the step is its title, shown apart from the body. */
function takeTitle(inner: Token[]): { title: string; rest: Token[] } {
  if (inner[0]?.type !== 'heading_open') return { title: '', rest: inner };
  const title = inner[1]?.children?.map((child) => child.content).join('') ?? '';
  return { title, rest: inner.slice(3) };
}
