// Bundles the extension and the CLI with esbuild (the real-VS-Code suites are bundled by test/vscode).
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
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

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist' },
  // Key derivation worker of the keystore engine, loaded beside the bundle (src/keystore/workerPool.ts).
  { ...common, entryPoints: { kdfWorker: 'src/keystore/pkcs12/kdfWorker.ts' }, outdir: 'dist' },
  // PKCS#11 worker of the eID engine, the only code that calls pkcs11js (src/eid/pkcs11Thread.ts).
  { ...common, entryPoints: { pkcs11Worker: 'src/eid/pkcs11Worker.ts' }, outdir: 'dist' },
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
if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
