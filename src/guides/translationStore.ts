// guides/french-sources.json: the French texts translations were made from, by the hash a
// translation records (normalised Markdown, as translation.ts hashes it). Kept so the linter can
// show what changed in the French since; written by `ehealth guides mark-translated`, holding only
// the hashes some translation still records.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { jsonErrorLine } from './glossary';
import type { Guide } from './guide';
import type { FrenchPart } from './translation';

export const frenchSourcesName = 'french-sources.json';

export type FrenchSources = Readonly<Record<string, string>>;

export const frenchSourcesPath = (root: string): string => path.join(root, frenchSourcesName);

/** A store as read: its texts, or why it does not read (a merge conflict left in it, an edit by hand). */
export type FrenchSourcesRead = { sources: FrenchSources } | { problem: { file: string; line: number; detail: string } };

/**
 * The store of a guides folder; an absent one is empty (nothing marked yet), an unreadable one a
 * problem: the linter reports it, mark-translated refuses to write over the other guides' texts.
 */
export function readFrenchSources(root: string): FrenchSourcesRead {
  const file = frenchSourcesPath(root);
  if (!existsSync(file)) return { sources: {} };
  const text = readFileSync(file, 'utf8');
  const problem = (detail: string, line = 1) => ({ problem: { file, line, detail } });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return problem((error as Error).message, jsonErrorLine(error as Error, text));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return problem('expected {"<hash>": "<French text>", ...}');
  const wrong = Object.entries(parsed).find(([, value]) => typeof value !== 'string');
  if (wrong) return problem(`${wrong[0]}: the French text must be a string`, text.split('\n').findIndex((line) => line.includes(JSON.stringify(wrong[0]))) + 1 || 1);
  return { sources: parsed as FrenchSources };
}

/** Every hash the translations of `guides` record (title, introduction, steps). */
export function recordedHashes(guides: readonly Guide[]): Set<string> {
  const hashes = new Set<string>();
  for (const guide of guides) {
    for (const hash of [guide.source?.title, guide.source?.introduction, ...guide.steps.map((step) => step.source)]) if (hash) hashes.add(hash);
  }
  return hashes;
}

/** The store after marking `marked`: their texts added, hashes no translation records any more dropped. */
export function updatedFrenchSources(previous: FrenchSources, marked: readonly FrenchPart[], recorded: ReadonlySet<string>): Record<string, string> {
  const texts: Record<string, string> = { ...previous };
  for (const part of marked) texts[part.hash] = part.text;
  return Object.fromEntries(Object.entries(texts).filter(([hash]) => recorded.has(hash)));
}

/**
 * The file's text: keys sorted, pretty-printed, so that a change reads well in a review. Written
 * entry by entry: JSON.stringify puts all-digit keys (`12345678`) first, whatever the order given.
 */
export function frenchSourcesText(sources: FrenchSources): string {
  const entries = Object.keys(sources)
    .sort()
    .map((hash) => `  ${JSON.stringify(hash)}: ${JSON.stringify(sources[hash])}`);
  return entries.length ? `{\n${entries.join(',\n')}\n}\n` : '{}\n';
}
