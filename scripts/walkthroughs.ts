// `npm run walkthroughs`: writes `contributes.walkthroughs` and its strings into package.json and
// package.nls.*.json from the guides, and each step's illustrations into media/walkthroughs.
// `npm run walkthroughs -- --check` only compares (CI and a unit test run it): the manifest must
// always say what the guides say.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { translate, type MessageKey } from '../src/i18n';
import type { GuideLanguage } from '../src/guides/guide';
import { loadGuides } from '../src/guides/guideLoader';
import { mediaFile, nlsFiles, nlsPrefix, walkthroughsOf } from '../src/guides/manifest';
import { stepIllustration, type Theme } from '../src/guides/walkthroughMedia';

const root = path.resolve(__dirname, '..');

const labels = (language: GuideLanguage) => ({
  openChecklist: translate(language, 'walkthrough.open-checklist'),
  action: (action: string) => translate(language, `guide.action.${action}` as MessageKey),
  variant: (variant: string) => translate(language, `guide.variant.${variant.replace(':', '.')}` as MessageKey),
});

const mediaFolder = 'media/walkthroughs';

/** The manifest files as they must be, by relative path, serialised as the repository keeps them. */
export async function expectedManifest(): Promise<Record<string, string>> {
  const guides = await loadGuides(path.join(root, 'guides'));
  const { walkthroughs, strings } = walkthroughsOf(guides, labels);
  const files: Record<string, string> = {};
  for (const walkthrough of walkthroughs) {
    const steps = guides.find((guide) => guide.id === walkthrough.id)?.steps ?? [];
    steps.forEach((step, index) => {
      for (const theme of ['light', 'dark'] as Theme[]) files[mediaFile(walkthrough.id, step.id, theme)] = stepIllustration(step, index, steps.length, theme);
    });
  }
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  manifest.contributes.walkthroughs = walkthroughs;
  files['package.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  for (const [language, file] of Object.entries(nlsFiles) as Array<[GuideLanguage, string]>) {
    const current: Record<string, string> = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    const kept = Object.fromEntries(Object.entries(current).filter(([name]) => !name.startsWith(nlsPrefix)));
    files[file] = `${JSON.stringify({ ...kept, ...strings[language] }, null, 2)}\n`;
  }
  return files;
}

/** Files whose content differs from what the guides say. */
export async function outOfSync(): Promise<string[]> {
  const expected = await expectedManifest();
  const stale = Object.entries(expected)
    .filter(([file, content]) => !existsSync(path.join(root, file)) || readFileSync(path.join(root, file), 'utf8') !== content)
    .map(([file]) => file);
  return [...stale, ...leftOverMedia(expected)];
}

/** Illustrations of steps or walkthroughs that are gone. */
function leftOverMedia(expected: Record<string, string>): string[] {
  const folder = path.join(root, mediaFolder);
  if (!existsSync(folder)) return [];
  return readdirRecursive(folder)
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .filter((file) => !(file in expected));
}

function readdirRecursive(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? readdirRecursive(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
}

async function main(): Promise<number> {
  if (process.argv.includes('--check')) {
    const stale = await outOfSync();
    if (stale.length) console.error(`walkthroughs: out of sync with the guides: ${stale.join(', ')}. Run "npm run walkthroughs".`);
    return stale.length ? 1 : 0;
  }
  const expected = await expectedManifest();
  rmSync(path.join(root, mediaFolder), { recursive: true, force: true });
  for (const [file, content] of Object.entries(expected)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  console.log('walkthroughs: package.json, package.nls.*.json and media/walkthroughs written from the guides');
  return 0;
}

if (require.main === module) void main().then((code) => (process.exitCode = code));
