// Bundles the extension and the CLI with esbuild (the real-VS-Code suites are bundled by test/vscode).
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

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
};

/** The CLI's folder: its entry, the chunks it loads per verb, and its own copy of the workers. */
const cliFolder = path.join('dist', 'cli');

/**
 * Chunks of earlier builds (their names are hashes of their content) removed from the CLI's folder,
 * once this build has written its own: a CLI running meanwhile still finds the chunks it imports.
 */
const removeOldChunks = {
  name: 'remove-old-chunks',
  setup(build) {
    build.onEnd((result) => {
      if (!result.metafile) return;
      const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(file)));
      for (const file of readdirSync(cliFolder)) {
        if (/^chunk-\w+\.mjs(\.map)?$/.test(file) && !written.has(path.resolve(cliFolder, file))) rmSync(path.join(cliFolder, file), { force: true });
      }
    });
  },
};

/**
 * The CLI in ES modules split into chunks (src/cli/main.ts imports each verb group when a command
 * names it): a verb loads only the code it runs, `--version` almost none. ES modules have no
 * `__dirname` nor `require`; the code shared with the extension's CommonJS bundle uses both (the
 * workers and the eID addon are found beside the bundle), so each chunk defines them for its own file.
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
  plugins: [removeOldChunks],
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { dirname as __pathDirname } from 'node:path';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __pathDirname(__filename);',
    ].join(' '),
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
 * pkcs11js is a native addon esbuild cannot bundle: its loader and compiled binary are copied to
 * dist/node_modules, where the worker's require('pkcs11js') finds them, in a checkout and in the VSIX.
 * Each file is written beside and renamed over the old one: overwriting the binary in place crashed
 * (SIGSEGV) an extension host that had it loaded, as when a test run and a build overlap.
 */
function copyNativeAddon() {
  const from = path.join('node_modules', 'pkcs11js');
  const to = path.join('dist', 'node_modules', 'pkcs11js');
  for (const file of ['package.json', 'index.js', 'LICENSE', path.join('build', 'Release', 'pkcs11.node')]) {
    const target = path.join(to, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(from, file), `${target}.${process.pid}.tmp`);
    renameSync(`${target}.${process.pid}.tmp`, target);
  }
}


copyNativeAddon();
// The single-file CLI bundle of earlier versions, replaced by the CLI's folder.
rmSync(path.join('dist', 'cli.js'), { force: true });
rmSync(path.join('dist', 'cli.js.map'), { force: true });
if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
