// Bundles the suites that run inside the extension host (mocha stays external: the host loads it
// from node_modules so its reporters and globals are the real ones).
import * as esbuild from 'esbuild';
import * as path from 'node:path';

export const bundledSuites = path.resolve(__dirname, '..', '..', 'out', 'test', 'vscode');

export async function bundleSuites(): Promise<void> {
  await esbuild.build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode', 'mocha', 'pkcs11js'],
    entryPoints: {
      'suite/index': path.join(__dirname, 'suite', 'index.ts'),
      'vsix/index': path.join(__dirname, 'vsix', 'index.ts'),
      'universal/index': path.join(__dirname, 'universal', 'index.ts'),
      'bench/index': path.join(__dirname, 'bench', 'index.ts'),
      'restricted/index': path.join(__dirname, 'restricted', 'index.ts'),
    },
    outdir: bundledSuites,
  });
}
