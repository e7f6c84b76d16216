// What a writer may type at a place of a guide file, from the allow-list (src/guides/allowList.ts):
// in a `::: step` line the attributes and their values, in a `::: variant` line the variants, in
// the front matter its keys and the values of audience, environment and commands. Each choice
// names the message that says what it is (the faces word it). No vscode here: unit-tested.
import { ENVIRONMENTS } from '../../core/environment';
import { actionIds, audiences, checkIds, questions, variantDimensions } from '../../guides/allowList';
import { frontMatterKeys } from '../../guides/frontMatter';
import type { MessageKey } from '../../i18n';

export interface Choice {
  label: string;
  /** What is inserted, when it differs from the label (`check=`). */
  insert?: string;
  kind: 'attribute' | 'key' | 'value';
  /** The message that says what this choice is. */
  documentation?: MessageKey;
  /** Another completion follows at once (after `check=`, `audience: `). */
  retrigger?: boolean;
}

export interface Choices {
  /** The column where the word being typed starts: the choice replaces from there to the cursor. */
  from: number;
  choices: Choice[];
}

const checks = (): Choice[] => checkIds.map((id) => ({ label: id, kind: 'value', documentation: `guide.checkname.${id}` }));
const actions = (): Choice[] => actionIds.map((id) => ({ label: id, kind: 'value', documentation: `guide.action.${id}` }));
const asks = (): Choice[] => Object.keys(questions).map((id) => ({ label: id, kind: 'value', documentation: `guide.question.${id as keyof typeof questions}` }));
const variants = (): Choice[] =>
  Object.entries(variantDimensions).flatMap(([dimension, values]) => values.map((value) => ({ label: `${dimension}:${value}`, kind: 'value' as const, documentation: `guide.variant.${dimension}.${value}` as MessageKey })));

/** The attributes a writer types; `source=` is written by `ehealth guides mark-translated`, never by hand. */
const stepAttributes: Record<string, () => Choice[]> = { check: checks, action: actions, asks, variant: variants };
/** Attributes that take a comma-separated list. */
const listAttributes = new Set(['check', 'asks']);

const frontMatterValues: Record<string, () => Choice[]> = {
  audience: () => audiences.map((id) => ({ label: id, kind: 'value', documentation: `guide.audience.${id}` })),
  environment: () => ENVIRONMENTS.map((id) => ({ label: id, kind: 'value', documentation: `environment.${id}` })),
  commands: actions,
};
/** The keys a writer types; `source:` is written by `ehealth guides mark-translated`. */
const writtenKeys = frontMatterKeys.filter((key) => key !== 'source');

/** The choices at `column` of line `line` (0-based) of a guide's text, or none. */
export function completionChoices(lines: readonly string[], line: number, column: number): Choices | undefined {
  const before = lines[line]?.slice(0, column) ?? '';
  const end = frontMatterEnd(lines);
  if (end !== undefined && line > 0 && line < end) return frontMatterChoices(lines, line, before);
  const fence = /^\s*:{3,}\s*(step|variant)\s/.exec(before);
  if (!fence) return undefined;
  const word = /\S*$/.exec(before)![0];
  const from = column - word.length;
  if (fence[1] === 'variant') return { from, choices: variants() };
  const attribute = /^([a-z]+)=(.*)$/.exec(word);
  if (!attribute) {
    if (word.startsWith('#')) return undefined;
    return { from, choices: Object.keys(stepAttributes).map((name) => ({ label: `${name}=`, kind: 'attribute', documentation: `guide.attribute.${name}` as MessageKey, retrigger: true })) };
  }
  const [, name, value] = attribute;
  const values = stepAttributes[name];
  if (!values) return undefined;
  const typed = listAttributes.has(name) ? value.slice(value.lastIndexOf(',') + 1) : value;
  return { from: column - typed.length, choices: values() };
}

/** The line of the front matter's closing `---`, when the file opens with one. */
function frontMatterEnd(lines: readonly string[]): number | undefined {
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  const end = lines.findIndex((text, index) => index > 0 && text.trimEnd() === '---');
  return end < 0 ? lines.length : end;
}

function frontMatterChoices(lines: readonly string[], line: number, before: string): Choices | undefined {
  const key = /^([a-z]*)$/.exec(before);
  if (key) return { from: 0, choices: writtenKeys.map((name) => ({ label: name, insert: `${name}: `, kind: 'key', documentation: `guide.frontmatter.${name}` as MessageKey, retrigger: name in frontMatterValues })) };
  // `audience: [a, b` or `audience: a` on the key's line, or `  - a` under it.
  const inline = /^([a-z]+):\s*\[?(?:[^,\]]*,\s*)*([^,\]\s]*)$/.exec(before);
  const item = /^\s+-\s+(\S*)$/.exec(before);
  const name = inline?.[1] ?? (item ? keyAbove(lines, line) : undefined);
  const values = name ? frontMatterValues[name] : undefined;
  if (!values) return undefined;
  const typed = (inline?.[2] ?? item?.[1])!;
  return { from: before.length - typed.length, choices: values() };
}

/** The key a `- item` line belongs to: the nearest line above that is not an item. */
function keyAbove(lines: readonly string[], line: number): string | undefined {
  for (let index = line - 1; index > 0; index--) {
    if (/^\s+-/.test(lines[index])) continue;
    return /^([a-z]+):\s*$/.exec(lines[index])?.[1];
  }
  return undefined;
}
