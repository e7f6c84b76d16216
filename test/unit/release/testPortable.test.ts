// scripts/test-portable.mjs: which tests each release platform runs (npm run test:portable).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Choice {
  chosen: string[];
  leftOut: { file: string }[];
}
const root = path.resolve(__dirname, '..', '..', '..');
const load = async () => (await import(pathToFileURL(path.join(root, 'scripts', 'test-portable.mjs')).href)) as { portableTests(platform: string): Choice };

/** A test file and the test helpers and tools it imports, transitively (the code under src/ runs none of these tools). */
function sourcesOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier] of readFileSync(path.join(root, file), 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
    const base = path.posix.join(path.posix.dirname(file), specifier);
    const found = [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile());
    if (found && !found.startsWith('src/')) sourcesOf(found, seen);
  }
  return seen;
}

const thisFile = path.relative(root, __filename).split(path.sep).join('/');

/** What a test's code shows it runs, and the platforms whose release job has it. */
const tools = [
  { uses: /virtual-eid\/build\.ts$/, what: 'the virtual eID', platforms: ['linux', 'darwin'] },
  { uses: /'python3'|\/usr\/bin\/python3/, what: 'python3', platforms: ['linux', 'darwin'] },
  { uses: /'(xmllint|xmlsec1|zsh|fish)'|bcprov|import cryptography/, what: 'a Debian tool of the full suite', platforms: [] },
];

describe('test:portable', () => {
  it('runs the keystore engine everywhere, the virtual eID on Linux and macOS only', async () => {
    const { portableTests } = await load();
    const [linux, darwin, win32] = ['linux', 'darwin', 'win32'].map((platform) => portableTests(platform).chosen);
    for (const chosen of [linux, darwin, win32]) {
      assert.ok(chosen.includes('test/integration/keystore/read.test.ts'));
      assert.ok(chosen.includes('test/unit/release/testPortable.test.ts'), 'a test no rule names runs everywhere');
    }
    for (const chosen of [linux, darwin]) assert.ok(chosen.includes('test/integration/eid/card.test.ts'));
    assert.deepEqual(win32.filter((file) => file.startsWith('test/integration/eid/') || file.startsWith('test/integration/procedures/')), []);
    assert.ok(linux.includes('test/unit/keystore/keystoreFileAccess.test.ts') && !darwin.includes('test/unit/keystore/keystoreFileAccess.test.ts'), '/proc on Linux only');
  });

  it("leaves the Debian tools' tests (xmllint, xmlsec1, zsh, fish...) to the full suite on every platform", async () => {
    const { portableTests } = await load();
    for (const platform of ['linux', 'darwin', 'win32']) {
      const { chosen, leftOut } = portableTests(platform);
      assert.ok(!chosen.some((file) => file.startsWith('test/integration/protocol/') || file === 'test/integration/cli/help.test.ts'), platform);
      assert.ok(leftOut.length > 0 && leftOut.every(({ file }) => !chosen.includes(file)));
    }
  });

  it("no platform runs a test whose code uses a tool that platform's release job does not install", async () => {
    const { portableTests } = await load();
    for (const platform of ['linux', 'darwin', 'win32']) {
      // This file names the tools it looks for.
      const wrong = portableTests(platform).chosen.filter((file) => file !== thisFile).flatMap((file) => {
        const sources = [...sourcesOf(file)];
        const code = sources.map((source) => readFileSync(path.join(root, source), 'utf8')).join('\n');
        return tools.filter((tool) => !tool.platforms.includes(platform) && (sources.some((source) => tool.uses.test(source)) || tool.uses.test(code))).map((tool) => `${file} uses ${tool.what}`);
      });
      assert.deepEqual(wrong, [], `${platform}: add a rule to scripts/test-portable.mjs`);
    }
  });

  it('refuses a platform it has no rule for', async () => {
    const { portableTests } = await load();
    assert.throws(() => portableTests('aix'), /no rule for platform aix/);
  });
});
