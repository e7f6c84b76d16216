// Lints a guides folder as the CLI does (glossaries included; the generated walkthroughs are no
// guide file's to show), with the text of the files open in editors instead of
// what is on disk: a translation is checked against its French original as the writer types
// either. Loaded on the first guide file (it brings the parser and markdown-it).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { guideLanguages, type Guide, type GuideLanguage } from '../../guides/guide';
import { lintGuides, type LintMessage } from '../../guides/guideLint';
import { loadGlossaries } from '../../guides/glossary';
import { parseGuide } from '../../guides/guideParser';

/** Parsed guides by file, kept while their text is the same: a keystroke parses one file again, not forty. */
const parsed = new Map<string, { source: string; guide: Guide }>();

function parsedGuide(file: string, source: string, language: GuideLanguage): Guide {
  const known = parsed.get(file);
  if (known?.source === source) return known.guide;
  const guide = parseGuide(source, file, language);
  parsed.set(file, { source, guide });
  return guide;
}

/** Every guide of `root` (guides/<lang>/*.md), an open editor's text winning over the file's. */
export async function lintGuideFolder(root: string, openTexts: ReadonlyMap<string, string>): Promise<LintMessage[]> {
  const inputs = [];
  for (const language of guideLanguages) {
    const folder = path.join(root, language);
    const onDisk = (await fs.readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.md')).map((name) => path.join(folder, name));
    const open = [...openTexts.keys()].filter((file) => path.dirname(file) === folder && file.endsWith('.md'));
    for (const file of [...new Set([...onDisk, ...open])].sort()) {
      const source = openTexts.get(file) ?? (await fs.readFile(file, 'utf8').catch(() => undefined));
      if (source !== undefined) inputs.push({ guide: parsedGuide(file, source, language), source });
    }
  }
  return lintGuides(inputs, await loadGlossaries(root));
}
