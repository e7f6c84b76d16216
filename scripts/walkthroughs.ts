// `npm run walkthroughs`: writes `contributes.walkthroughs` and its strings into package.json and
// package.nls.*.json from the guides. `npm run walkthroughs -- --check` only compares (CI and a unit
// test run it): the manifest must always say what the guides say.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { translate, type MessageKey } from '../src/i18n';
import type { GuideLanguage } from '../src/guides/guide';
import { loadGuides } from '../src/guides/guideLoader';
import { nlsFiles, nlsPrefix, walkthroughsOf } from '../src/guides/manifest';

const root = path.resolve(__dirname, '..');

const labels = (language: GuideLanguage) => ({
  openChecklist: translate(language, 'walkthrough.open-checklist'),
  action: (action: string) => translate(language, `guide.action.${action}` as MessageKey),
});

const fixedStrings = (language: GuideLanguage): Record<string, string> => ({ [`${nlsPrefix}media`]: translate(language, 'walkthrough.media') });

/** The manifest files as they must be, by relative path, serialised as the repository keeps them. */
export async function expectedManifest(): Promise<Record<string, string>> {
  const { walkthroughs, strings } = walkthroughsOf(await loadGuides(path.join(root, 'guides')), labels);
  const files: Record<string, string> = {};
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  manifest.contributes.walkthroughs = walkthroughs;
  files['package.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  for (const [language, file] of Object.entries(nlsFiles) as Array<[GuideLanguage, string]>) {
    const current: Record<string, string> = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    const kept = Object.fromEntries(Object.entries(current).filter(([name]) => !name.startsWith(nlsPrefix)));
    files[file] = `${JSON.stringify({ ...kept, ...fixedStrings(language), ...strings[language] }, null, 2)}\n`;
  }
  return files;
}

/** Files whose content differs from what the guides say. */
export async function outOfSync(): Promise<string[]> {
  const expected = await expectedManifest();
  return Object.entries(expected)
    .filter(([file, content]) => readFileSync(path.join(root, file), 'utf8') !== content)
    .map(([file]) => file);
}

async function main(): Promise<number> {
  if (process.argv.includes('--check')) {
    const stale = await outOfSync();
    if (stale.length) console.error(`walkthroughs: out of sync with the guides: ${stale.join(', ')}. Run "npm run walkthroughs".`);
    return stale.length ? 1 : 0;
  }
  for (const [file, content] of Object.entries(await expectedManifest())) writeFileSync(path.join(root, file), content);
  console.log('walkthroughs: package.json and package.nls.*.json written from the guides');
  return 0;
}

if (require.main === module) void main().then((code) => (process.exitCode = code));
