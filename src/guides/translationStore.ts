// guides/french-sources.json: the French texts translations were made from, by the hash a
// translation records (normalised Markdown, as translation.ts hashes it). Kept so the linter can
// show what changed in the French since; written by `ehealth guides mark-translated`, holding only
// the hashes some translation still records.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Guide } from './guide';
import type { FrenchPart } from './translation';

export const frenchSourcesName = 'french-sources.json';

export type FrenchSources = Readonly<Record<string, string>>;

export const frenchSourcesPath = (root: string): string => path.join(root, frenchSourcesName);

/** The store of a guides folder; empty when it is absent or unreadable (the linter then says "changed", without a diff). */
export function readFrenchSources(root: string): FrenchSources {
  try {
    const parsed: unknown = JSON.parse(readFileSync(frenchSourcesPath(root), 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
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
