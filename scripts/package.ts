// `npm run package`: builds the platform-specific VSIX (the pkcs11js native addon makes it
// platform-specific) into out/vsix/. Prints the VSIX path and size.
import { createVSIX } from '@vscode/vsce';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { version } from '../package.json';

const root = path.resolve(__dirname, '..');

export function vsixTarget(): string {
  return `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
}

export function vsixPath(target = vsixTarget()): string {
  return path.join(root, 'out', 'vsix', `ehealth-certificates-${target}-${version}.vsix`);
}

/** Never linked into the staging folder: its own manifest, what vsce skips anyway, and the staging folder's parent. */
const notStaged = new Set(['package.json', 'node_modules', 'out', '.git']);

/**
 * The folder vsce packs: links to this one's files and a manifest without npm's `files` list (the
 * CLI's package), which vsce refuses beside .vscodeignore (the VSIX's list). `vscode:prepublish`
 * has run here already, so the staged manifest goes without it.
 */
function stagingFolder(): string {
  const stage = path.join(root, 'out', 'vsix-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const entry of readdirSync(root)) if (!notStaged.has(entry)) symlinkSync(path.join(root, entry), path.join(stage, entry));
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  delete manifest.scripts['vscode:prepublish'];
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return stage;
}

export async function packageVsix(target = vsixTarget()): Promise<string> {
  const packagePath = vsixPath(target);
  mkdirSync(path.dirname(packagePath), { recursive: true });
  execFileSync('npm', ['run', 'vscode:prepublish'], { cwd: root, stdio: 'inherit' });
  const stage = stagingFolder();
  try {
    await createVSIX({
      cwd: stage,
      packagePath,
      target,
      followSymlinks: true,
      // Everything the extension runs is bundled by esbuild; native addons are copied in by the build.
      dependencies: false,
      // Links in README.md point at files shipped inside the VSIX (docs/screenshots).
      rewriteRelativeLinks: false,
    });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return packagePath;
}

if (require.main === module) {
  packageVsix().then(
    (file) => console.log(`${path.relative(root, file)} (${(statSync(file).size / 1024).toFixed(0)} KB)`),
    (error: Error) => {
      console.error(`package: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
