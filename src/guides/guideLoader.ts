// Loads the guides of every language from guides/<lang>/<id>.md.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { guideLanguages, referenceLanguage, type Guide, type GuideLanguage } from './guide';
import { parseGuide, type RenderEnvironment } from './guideParser';

export async function loadGuideFile(file: string, language: GuideLanguage, env?: RenderEnvironment): Promise<Guide> {
  return parseGuide(await fs.readFile(file, 'utf8'), file, language, env);
}

/** Every guide found, all languages; a missing language folder simply has no guides. */
export async function loadGuides(root: string, env?: RenderEnvironment): Promise<Guide[]> {
  const guides: Guide[] = [];
  for (const language of guideLanguages) {
    const folder = path.join(root, language);
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((candidate) => candidate.endsWith('.md')).sort()) {
      guides.push(await loadGuideFile(path.join(folder, name), language, env));
    }
  }
  return guides;
}

/** The guide `id` in `language`, falling back to French when that translation is missing. */
export function pickGuide(guides: readonly Guide[], id: string, language: GuideLanguage): Guide | undefined {
  return guides.find((guide) => guide.id === id && guide.language === language) ?? guides.find((guide) => guide.id === id && guide.language === referenceLanguage);
}
