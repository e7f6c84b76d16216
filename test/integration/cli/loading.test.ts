// The built CLI loads per verb (issue 17): `--version` loads no verb group, and `keystore inspect`
// loads the keystore engine without the registration client, the eID engine, the guides, the sandbox
// or the libraries only they use. Which files a run loads is recorded by a module-loading hook; which
// sources a chunk holds, by the `// src/...` line esbuild writes above each module it bundles.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realKeystorePath, realPassword } from '../../unit/keystore/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
const launcher = path.join(root, 'bin', 'ehealth.js');

/** What only other verbs use: libraries, then engines and faces' parts. */
const heavy = ['node_modules/markdown-it/', 'node_modules/sanitize-html/', 'node_modules/yaml/', 'node_modules/xml-crypto/', 'node_modules/@xmldom/', 'node_modules/xpath/', 'node_modules/@peculiar/x509/'];
const otherEngines = ['src/ra/', 'src/eid/', 'src/sandbox/', 'src/guides/', 'src/pki/', 'src/procedures/submit.ts', 'src/procedures/context.ts'];

describe('the built CLI loads per verb', function () {
  this.timeout(60_000);
  let work: string;
  let register: string;

  before(() => {
    assert.ok(existsSync(path.join(root, 'dist', 'cli', 'main.mjs')), 'dist/cli/main.mjs is missing: run "node scripts/build.mjs" first');
    work = mkdtempSync(path.join(os.tmpdir(), 'cli-loading-'));
    const hooks = path.join(work, 'hooks.mjs');
    writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.LOADED_FILES, url + '\\n');
  return next(url, context);
}
`);
    register = path.join(work, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  /** The sources bundled in the files one run of `ehealth ARGS` loaded, and its exit code. */
  function loadedSources(args: string[]): { status: number | null; sources: string[] } {
    const record = path.join(work, `loaded-${Date.now()}.txt`);
    writeFileSync(record, '');
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, launcher, ...args], {
      encoding: 'utf8',
      env: { ...process.env, EHEALTH_LANG: 'en', LOADED_FILES: record, PW: realPassword },
    });
    const files = readFileSync(record, 'utf8').split('\n').filter((url) => url.endsWith('.mjs')).map((url) => fileURLToPath(url));
    assert.ok(files.includes(path.join(root, 'dist', 'cli', 'main.mjs')), `the CLI's entry was loaded: ${files.join(', ')} ${result.stderr}`);
    const sources = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\/\/ ((?:src|node_modules|l10n)\/\S+)$/gm)].map((match) => match[1]));
    return { status: result.status, sources };
  }

  /**
   * Where the eID card support lies (src/eid/addon.ts, a file lookup without the engine) is no engine:
   * `--version` reports it, and the faces' error table names the systems that have it.
   */
  const cardSupportFacts = 'src/eid/addon.ts';
  const loadedAny = (sources: string[], prefixes: string[]) => sources.filter((source) => source !== cardSupportFacts && prefixes.some((prefix) => source.startsWith(prefix)));

  it('--version loads no verb group and nothing a verb needs', () => {
    const { status, sources } = loadedSources(['--version']);
    assert.equal(status, 0);
    assert.ok(sources.includes('src/cli/main.ts'), `the sources are named in the chunks (a build without --production): ${sources.join(' ')}`);
    assert.deepEqual(
      sources.filter((source) => /^src\/cli\/\w+Commands\.ts$/.test(source) || source.startsWith('src/keystore/') || source === 'src/faces/errors.ts'),
      [],
    );
    assert.deepEqual(loadedAny(sources, [...heavy, ...otherEngines]), []);
  });

  it('keystore inspect FILE loads the keystore engine, not the registration client, the eID engine, the guides or the sandbox', () => {
    const { status, sources } = loadedSources(['keystore', 'inspect', realKeystorePath, '--password-env', 'PW', '--json']);
    assert.equal(status, 0);
    assert.ok(sources.includes('src/cli/keystoreCommands.ts') && sources.includes('src/keystore/inspect.ts'), sources.join(' '));
    assert.deepEqual(loadedAny(sources, [...heavy, ...otherEngines, 'src/cli/eidCommands.ts', 'src/cli/certCommands.ts', 'src/cli/guidesCommands.ts']), []);
  });
});
