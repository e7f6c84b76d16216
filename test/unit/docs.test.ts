import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
/** Every file under `folder`, recursively. */
const filesUnder = (folder: string): string[] =>
  readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(folder, entry.name)) : [path.join(folder, entry.name)],
  );
const sourceFolders = readdirSync(path.join(root, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `src/${entry.name}/`);

const documents = () => ['README.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

describe('project documentation', () => {
  it("README's layout names every folder of src/", () => {
    const layout = /## Layout\n\n```\n([\s\S]*?)```/.exec(read('README.md'))?.[1];
    assert.ok(layout, 'README.md has a Layout section with a code block');
    const named = new Set(layout.split('\n').map((line) => line.split(/\s+/)[0]));
    assert.deepEqual(sourceFolders.filter((folder) => !named.has(folder)), []);
    assert.deepEqual([...named].filter((entry) => entry.startsWith('src/') && entry.endsWith('/') && !sourceFolders.includes(entry)), [], 'folders that are gone');
  });

  it('ARCHITECTURE.md places every folder of src/', () => {
    const architecture = read('docs/ARCHITECTURE.md');
    assert.deepEqual(sourceFolders.filter((folder) => !architecture.includes(folder.slice(0, -1))), []);
  });

  it('links between the documents lead to files that exist', () => {
    const broken = documents().flatMap((document) =>
      // Code (fenced or inline) shows examples, not links.
      [...read(document).replace(/```[\s\S]*?```|`[^`\n]*`/g, '').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map((match) => match[1])
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => !existsSync(path.join(root, path.dirname(document), target)))
        .map((target) => `${document} -> ${target}`),
    );
    assert.deepEqual(broken, []);
  });

  it('the files and folders of this repository the documents name exist', () => {
    // `src/main/...` paths are the Java connector's, cited as a source.
    const missing = documents().flatMap((document) =>
      [...read(document).matchAll(/`((?:src|test|tools|scripts|bench|docs|media|guides|l10n)\/[\w./-]+)`/g)]
        .map((match) => match[1])
        .filter((name) => !name.startsWith('src/main/') && !existsSync(path.join(root, name)))
        .map((name) => `${document}: ${name}`),
    );
    assert.deepEqual(missing, []);
  });

  it('the sections of DOMAIN.md that the code cites exist', () => {
    const domain = read('docs/DOMAIN.md');
    const code = ['src', 'test', 'tools', 'bench'].flatMap(filesUnder).filter((file) => /\.(ts|md|c)$/.test(file) && !file.includes('fixtures'));
    const sections = new Set(code.flatMap((file) => [...read(file).matchAll(/DOMAIN\.md section (\d+)/g)].map((match) => match[1])));
    assert.ok(sections.size > 0);
    for (const section of sections) assert.match(domain, new RegExp(`^## ${section}\\. `, 'm'), `section ${section}`);
  });
});
