// The linter's view of translation versions: a part whose French changed since it was translated is
// `outdated` (with what changed in the French, from the store of French texts), a translation that
// records no French version is `translation-unmarked`. Missing translations and steps are the
// parity rules' business (guideLint.ts).
import { guideName, guidesFolderOf, referenceLanguage, type Guide } from './guide';
import type { LintMessage } from './guideLint';
import { translationStatus, type PartStatus } from './translation';
import { frenchChange } from './translationDiff';
import { readFrenchSources, type FrenchSources, type FrenchSourcesRead } from './translationStore';

export interface TranslationFinding {
  guide: Guide;
  line: number;
  /** outdated-text-unknown: outdated, the French it was translated from not in the store (no change to show). */
  code: 'outdated' | 'outdated-text-unknown' | 'translation-unmarked';
  detail?: string;
}

/** `title`, `introduction` or the step's id: which part a message is about. */
export const partLabel = (part: Pick<PartStatus, 'part' | 'step'>): string => part.step ?? part.part;

/** The part, then the French change word by word, or the two versions when the recorded text is not in the store. */
function change(part: PartStatus, sources: FrenchSources): { code: 'outdated' | 'outdated-text-unknown'; detail: string } {
  const recorded = part.recorded === undefined ? undefined : sources[part.recorded];
  if (recorded === undefined) return { code: 'outdated-text-unknown', detail: `${partLabel(part)}: ${part.recorded} → ${part.french.hash}` };
  return { code: 'outdated', detail: `${partLabel(part)}: ${frenchChange(recorded, part.french.text)}` };
}

const guidesRoot = (guide: Guide) => guidesFolderOf(guide.file);

export type FrenchSourcesLintCode = 'french-sources-invalid';

/** An unreadable store still lets the linter say what is outdated, without the French change. */
const sourcesOf = (read: FrenchSourcesRead): FrenchSources => ('sources' in read ? read.sources : {});

/** `french-sources-invalid` for the store of each guides folder of `guides` that does not read. */
export function lintFrenchSources(guides: readonly Guide[]): LintMessage[] {
  return [...new Set(guides.map(guidesRoot))].flatMap((root) => {
    const read = readFrenchSources(root);
    return 'problem' in read ? [{ file: read.problem.file, line: read.problem.line, code: 'french-sources-invalid' as const, severity: 'error' as const, detail: read.problem.detail }] : [];
  });
}

export function lintTranslations(guides: readonly Guide[]): TranslationFinding[] {
  const findings: TranslationFinding[] = [];
  const stores = new Map<string, FrenchSources>();
  const storeOf = (guide: Guide) => stores.get(guidesRoot(guide)) ?? stores.set(guidesRoot(guide), sourcesOf(readFrenchSources(guidesRoot(guide)))).get(guidesRoot(guide))!;
  for (const translated of guides.filter((guide) => guide.language !== referenceLanguage)) {
    const french = guides.find((guide) => guide.language === referenceLanguage && guideName(guide) === guideName(translated));
    if (!french) continue;
    const parts = translationStatus(french, translated).filter((part) => part.state !== 'missing');
    for (const part of parts.filter((candidate) => candidate.state === 'outdated')) {
      findings.push({ guide: translated, line: part.line, ...change(part, storeOf(translated)) });
    }
    const unmarked = parts.filter((part) => part.state === 'unmarked');
    // A file never marked: one message, not one per step.
    if (unmarked.length === parts.length) findings.push({ guide: translated, line: 1, code: 'translation-unmarked' });
    else for (const part of unmarked) findings.push({ guide: translated, line: part.line, code: 'translation-unmarked', detail: partLabel(part) });
  }
  return findings;
}
