// Loads the guides of every language from guides/<lang>/<id>.md.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { guideLanguages, referenceLanguage, type Guide, type GuideLanguage } from './guide';
import type { LintInput, LintMessage } from './guideLint';
import { parseGuide, type RenderEnvironment } from './guideParser';

/** Folders a guides folder may hold besides the languages' (files, such as README.md, are free). */
export const otherGuideFolders = ['images', 'glossary'];

export async function loadGuideFile(file: string, language: GuideLanguage, env?: RenderEnvironment): Promise<Guide> {
  return parseGuide(await fs.readFile(file, 'utf8'), file, language, env);
}

/** Every guide found, all languages; a missing language folder simply has no guides. */
export async function loadGuides(root: string, env?: RenderEnvironment): Promise<Guide[]> {
  const guides: Guide[] = [];
  for (const language of guideLanguages) guides.push(...(await readLanguage(root, language, env)).inputs.map((input) => input.guide));
  return guides;
}

export interface GuideFolder {
  /** Each guide with the text it was read from, for the linter. */
  inputs: LintInput[];
  /** What is wrong with the folder itself (line 0: the whole entry). */
  problems: LintMessage[];
}

/**
 * The guides of `root` and what the linter says about the folder: a folder that is neither a
 * language nor one of `otherGuideFolders`, a folder named like a guide, no guide at all. Undefined
 * when `root` is not a folder.
 */
export async function readGuideFolder(root: string): Promise<GuideFolder | undefined> {
  if (!(await isFolder(root))) return undefined;
  const folder: GuideFolder = { inputs: [], problems: [] };
  const problem = (file: string, code: LintMessage['code'], detail?: string) => folder.problems.push({ file, line: 0, code, severity: 'error', ...(detail ? { detail } : {}) });
  for (const name of (await fs.readdir(root)).sort()) {
    const entry = path.join(root, name);
    if (name.startsWith('.') || !(await isFolder(entry))) continue;
    if (guideLanguages.includes(name as GuideLanguage)) {
      const read = await readLanguage(root, name as GuideLanguage);
      folder.inputs.push(...read.inputs);
      for (const file of read.folders) problem(file, 'folder-named-md', path.basename(file));
    } else if (!otherGuideFolders.includes(name)) problem(entry, 'folder-unknown', name);
  }
  // No guide at all: most likely not a guides folder (a checkout's root?): one message, not one per folder.
  return folder.inputs.length > 0 ? folder : { inputs: [], problems: [{ file: root, line: 0, code: 'guides-none', severity: 'error' }] };
}

/** The `<id>.md` files of one language, and the folders named so (a guide is a file). */
async function readLanguage(root: string, language: GuideLanguage, env?: RenderEnvironment): Promise<{ inputs: LintInput[]; folders: string[] }> {
  const folder = path.join(root, language);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const inputs: LintInput[] = [];
  const folders: string[] = [];
  for (const name of names.filter((candidate) => candidate.endsWith('.md')).sort()) {
    const file = path.join(folder, name);
    if (await isFolder(file)) folders.push(file);
    else {
      const source = await fs.readFile(file, 'utf8');
      inputs.push({ guide: parseGuide(source, file, language, env), source });
    }
  }
  return { inputs, folders };
}

const isFolder = (entry: string) => fs.stat(entry).then((stats) => stats.isDirectory(), () => false);

/** The guide `id` in `language`, falling back to French when that translation is missing. */
export function pickGuide(guides: readonly Guide[], id: string, language: GuideLanguage): Guide | undefined {
  return guides.find((guide) => guide.id === id && guide.language === language) ?? guides.find((guide) => guide.id === id && guide.language === referenceLanguage);
}
