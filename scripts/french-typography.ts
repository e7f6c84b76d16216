// `npx tsx scripts/french-typography.ts`: puts French typography (src/i18n/frenchTypography.ts) into
// the French catalogs and guides in one read-modify-write per file, so a message or a paragraph
// written with plain spaces and straight apostrophes is fixed without retyping it. The unit test
// test/unit/i18n/frenchTypography.test.ts fails until it has been run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { frenchTypography } from '../src/i18n/frenchTypography';

const root = path.resolve(__dirname, '..');
export const frenchCatalogs = ['l10n/bundle.l10n.fr.json', 'package.nls.fr.json'];
export const frenchGuides = () => readdirSync(path.join(root, 'guides', 'fr')).filter((name) => name.endsWith('.md')).map((name) => `guides/fr/${name}`);

export function catalogTypography(source: string): string {
  const catalog: Record<string, string> = JSON.parse(source);
  return `${JSON.stringify(Object.fromEntries(Object.entries(catalog).map(([key, text]) => [key, frenchTypography(text)])), null, 2)}\n`;
}

/**
 * A guide's prose: its front matter's title, headings, paragraphs and lists. The rest of the front
 * matter, the `:::` container lines and fenced code are syntax, kept as written.
 */
export function guideTypography(source: string): string {
  let frontMatter = source.startsWith('---\n');
  let fenced = false;
  return source
    .split('\n')
    .map((line, index) => {
      if (frontMatter) {
        if (index > 0 && line === '---') frontMatter = false;
        return line.replace(/^(title: )(.*)$/, (_, key: string, title: string) => key + frenchTypography(title));
      }
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      return fenced || /^\s*(```|~~~|:::)/.test(line) ? line : frenchTypography(line);
    })
    .join('\n');
}

function main(): void {
  const files = [...frenchCatalogs.map((file) => [file, catalogTypography] as const), ...frenchGuides().map((file) => [file, guideTypography] as const)];
  for (const [file, typography] of files) {
    const source = readFileSync(path.join(root, file), 'utf8');
    const fixed = typography(source);
    if (fixed !== source) writeFileSync(path.join(root, file), fixed);
    console.log(`${fixed === source ? 'unchanged' : 'fixed    '} ${file}`);
  }
}

if (require.main === module) main();
