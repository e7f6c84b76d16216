// Bundles the extension and the CLI with esbuild (the real-VS-Code suites are bundled by test/vscode).
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * A message catalog as `module.exports = JSON.parse('...')`: src/i18n requires a language's catalog
 * on its first message, and V8 reads a string and parses JSON far faster than it compiles the same
 * catalog as an object literal; a catalog no message asks for is never parsed.
 */
const catalogsAsJson = {
  name: 'catalogs-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]l10n[\\/]bundle\.l10n(\.\w+)?\.json$/ }, async ({ path: file }) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(file, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Native addons and VS Code itself are provided at run time.
  external: ['vscode', 'pkcs11js'],
  plugins: [catalogsAsJson],
};

/** The CLI's folder: its entry, the chunks it loads per verb, its catalogs and its own copy of the workers. */
const cliFolder = path.join('dist', 'cli');

/** Written beside and renamed over: a process reading the old file meanwhile reads it whole. */
function writeAtomically(target, contents) {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(`${target}.${process.pid}.tmp`, contents);
  renameSync(`${target}.${process.pid}.tmp`, target);
}

/**
 * The CLI reads a catalog from its folder (dist/cli/l10n/) on the language's first message: compiling
 * the four catalogs as strings cost every command milliseconds, for the one language it speaks.
 */
const catalogsBeside = {
  name: 'catalogs-beside',
  setup(build) {
    build.onLoad({ filter: /[\\/]l10n[\\/]bundle\.l10n(\.\w+)?\.json$/ }, async ({ path: file }) => {
      const name = path.basename(file);
      writeAtomically(path.join(cliFolder, 'l10n', name), JSON.stringify(JSON.parse(await readFile(file, 'utf8'))));
      return {
        contents: `module.exports = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, 'l10n', ${JSON.stringify(name)}), 'utf8'));`,
        loader: 'js',
        watchFiles: [file],
      };
    });
  },
};

/** How long a chunk no build writes any more stays: a CLI started before a rebuild may still import it. */
const OLD_CHUNK_GRACE_MS = 10 * 60_000;

/**
 * Chunks of earlier builds (their names are hashes of their content) removed from the CLI's folder
 * once they are old: a command started before this build (a test run while a helper rebuilds) loads
 * the chunks of its verb after it started, from its own build.
 */
const removeOldChunks = {
  name: 'remove-old-chunks',
  setup(build) {
    build.onEnd((result) => {
      if (!result.metafile) return;
      const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(file)));
      for (const name of readdirSync(cliFolder)) {
        const file = path.resolve(cliFolder, name);
        if (/^chunk-\w+\.mjs(\.map)?$/.test(name) && !written.has(file) && Date.now() - statSync(file).mtimeMs > OLD_CHUNK_GRACE_MS) rmSync(file, { force: true });
      }
    });
  },
};

/**
 * The CLI in ES modules split into chunks (src/cli/main.ts imports each verb group when a command
 * names it): a verb loads only the code it runs, `--version` almost none. ES modules have no
 * `__dirname`, `__filename` nor `require`; the code shared with the extension's CommonJS bundle
 * finds the workers and the eID addon beside its bundle (`__dirname`, each chunk's own folder here),
 * and the CommonJS packages bundled in call `require` for Node's modules: each chunk gets a
 * `require` of its own, made on its first call (making one costs time every chunk would pay).
 */
const cli = {
  ...common,
  format: 'esm',
  splitting: true,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: cliFolder,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  metafile: true,
  plugins: [catalogsBeside, removeOldChunks],
  define: { __dirname: 'import.meta.dirname', __filename: 'import.meta.filename' },
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; let __chunkRequire; const require = (id) => (__chunkRequire ??= __createRequire(import.meta.url))(id);",
  },
};

/** The workers in `outdir`, each found beside the bundle that starts it (src/platform/workerRpc.ts). */
const workers = (outdir) => [
  // Key derivation worker of the keystore engine (src/keystore/workerPool.ts).
  { ...common, entryPoints: { kdfWorker: 'src/keystore/pkcs12/kdfWorker.ts' }, outdir },
  // PKCS#11 worker of the eID engine, the only code that calls pkcs11js (src/eid/pkcs11Thread.ts).
  { ...common, entryPoints: { pkcs11Worker: 'src/eid/pkcs11Worker.ts' }, outdir },
];

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  ...workers('dist'),
  cli,
  ...workers(cliFolder),
  // The guides' checklist webview: browser code with its web components, one file.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', external: [], entryPoints: { 'webview/checklist': 'src/webview/checklist.ts' }, outdir: 'dist' },
  // The contract webview's script: its two answer buttons.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', external: [], entryPoints: { 'webview/contract': 'src/webview/contract.ts' }, outdir: 'dist' },
];

/**
 * pkcs11js is a native addon esbuild cannot bundle: its loader and the binary compiled on this machine
 * are copied to dist/addons/<platform>-<arch>/pkcs11js (src/eid/addon.ts), where the eID worker finds
 * them, in a checkout and in the platform VSIX. The npm package gathers every released platform's
 * folder there (docs/RELEASING.md); the universal VSIX leaves dist/addons out. Each file is written
 * beside and renamed over the old one: overwriting the binary in place crashed (SIGSEGV) an extension
 * host that had it loaded, as when a test run and a build overlap.
 */
function copyNativeAddon() {
  const from = path.join('node_modules', 'pkcs11js');
  const to = path.join('dist', 'addons', `${process.platform}-${process.arch}`, 'pkcs11js');
  for (const file of ['package.json', 'index.js', 'LICENSE', path.join('build', 'Release', 'pkcs11.node')]) {
    writeAtomically(path.join(to, file), readFileSync(path.join(from, file)));
  }
}

copyNativeAddon();
// Where earlier builds put the addon (one system only), replaced by dist/addons.
rmSync(path.join('dist', 'node_modules'), { recursive: true, force: true });
// The single-file CLI bundle of earlier versions, replaced by the CLI's folder.
rmSync(path.join('dist', 'cli.js'), { force: true });
rmSync(path.join('dist', 'cli.js.map'), { force: true });
if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
