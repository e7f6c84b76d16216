// The generated walkthroughs of a checkout (package.json's contributes.walkthroughs, the walkthrough
// strings of package.nls.*.json, media/walkthroughs) as the guides say they must be: written by
// `npm run walkthroughs`, compared by `ehealth guides lint` and the unit tests. The words the
// descriptions need (button labels, variant names) come from the faces, as `labels`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GuideLanguage } from './guide';
import type { LintMessage } from './guideLint';
import { loadGuides } from './guideLoader';
import { mediaFile, nlsFiles, nlsPrefix, walkthroughsOf, type ManifestLabels } from './manifest';
import { illustrationPositions, stepIllustration, type Theme } from './walkthroughMedia';

export type LabelsOf = (language: GuideLanguage) => ManifestLabels;
export type WalkthroughLintCode = 'walkthroughs-outdated';

const mediaFolder = 'media/walkthroughs';

/** The generated files as they must be, by path relative to `root`, serialised as the repository keeps them. */
export async function expectedWalkthroughFiles(root: string, labels: LabelsOf): Promise<Record<string, string>> {
  const guides = await loadGuides(path.join(root, 'guides'));
  const { walkthroughs, strings } = walkthroughsOf(guides, labels);
  const files: Record<string, string> = {};
  for (const walkthrough of walkthroughs) {
    const steps = guides.find((guide) => guide.id === walkthrough.id)?.steps ?? [];
    const positions = illustrationPositions(steps);
    steps.forEach((step, index) => {
      const { index: number, total } = positions[index];
      for (const theme of ['light', 'dark'] as Theme[]) files[mediaFile(walkthrough.id, step.id, theme)] = stepIllustration(step, number, total, theme);
    });
  }
  // Only contributes.walkthroughs and the walkthrough strings are generated: everything else is kept as it is.
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

/** A Windows checkout (core.autocrlf) holds the generated files with CRLF: the same content for git, and here. */
const withLf = (text: string) => text.replace(/\r\n/g, '\n');

/** Generated files whose content differs from what the guides say, and illustrations of steps that are gone, by path. */
export async function staleWalkthroughFiles(root: string, labels: LabelsOf): Promise<string[]> {
  const expected = await expectedWalkthroughFiles(root, labels);
  const stale = Object.entries(expected)
    .filter(([file, content]) => !existsSync(path.join(root, file)) || withLf(readFileSync(path.join(root, file), 'utf8')) !== content)
    .map(([file]) => file);
  return [...stale, ...mediaFiles(root).filter((file) => !(file in expected))].sort();
}

/** Writes the generated files; illustrations of steps that are gone go too. */
export async function writeWalkthroughs(root: string, labels: LabelsOf): Promise<void> {
  const expected = await expectedWalkthroughFiles(root, labels);
  rmSync(path.join(root, mediaFolder), { recursive: true, force: true });
  for (const [file, content] of Object.entries(expected)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

/**
 * `walkthroughs-outdated` when `guidesFolder` is a checkout's `guides/`: beside it, a package.json that
 * contributes walkthroughs and the nls files they are generated into (an installed CLI's guides
 * have neither: nothing to say there).
 */
export async function walkthroughLint(guidesFolder: string, labels: LabelsOf): Promise<LintMessage[]> {
  const root = path.dirname(path.resolve(guidesFolder));
  const manifestFile = path.join(root, 'package.json');
  if (!Object.values(nlsFiles).every((file) => existsSync(path.join(root, file))) || !existsSync(manifestFile)) return [];
  const manifest = readFileSync(manifestFile, 'utf8');
  let contributed: unknown;
  try {
    contributed = JSON.parse(manifest)?.contributes?.walkthroughs;
  } catch {
    return [];
  }
  if (!Array.isArray(contributed)) return [];
  const stale = await staleWalkthroughFiles(root, labels);
  if (!stale.length) return [];
  const line = manifest.split('\n').findIndex((text) => text.includes('"walkthroughs": [')) + 1;
  return [{ file: manifestFile, line: Math.max(line, 1), code: 'walkthroughs-outdated', severity: 'error', detail: stale.join(', ') }];
}

function mediaFiles(root: string): string[] {
  const folder = path.join(root, mediaFolder);
  return existsSync(folder) ? readdirRecursive(folder).map((file) => path.relative(root, file).split(path.sep).join('/')) : [];
}

function readdirRecursive(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? readdirRecursive(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
}
