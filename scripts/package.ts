// `npm run package [-- --target <target> | --universal]`: builds a VSIX into out/vsix/ and prints
// its path and size. The platform VSIX (default: this machine's target, e.g. linux-x64) carries the
// eID card support compiled here (the pkcs11js addon); the universal VSIX carries none, and works
// everywhere without the eID (src/eid/addon.ts).
import { createVSIX } from '@vscode/vsce';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { version } from '../package.json';
import { systemTarget } from '../src/eid/addon';

const root = path.resolve(__dirname, '..');

/** A target (`linux-x64`...) for a platform VSIX, none for the universal one. */
export interface VsixKind {
  target?: string;
}

export function vsixPath({ target }: VsixKind = { target: systemTarget() }): string {
  return path.join(root, 'out', 'vsix', `ehealth-certificates-${target ? `${target}-` : ''}${version}.vsix`);
}

/** Never linked into the staging folder: its own manifest and file list, what vsce skips anyway, and the staging folder's parent. */
const notStaged = new Set(['package.json', '.vscodeignore', 'node_modules', 'out', '.git']);

/**
 * One of this folder's entries in the staging folder: a link, except on Windows, where a link needs
 * a privilege most accounts lack: a folder is a junction there (no privilege), a file a copy.
 */
function stageEntry(from: string, to: string): void {
  if (process.platform !== 'win32') symlinkSync(from, to);
  else if (statSync(from).isDirectory()) symlinkSync(from, to, 'junction');
  else copyFileSync(from, to);
}

/**
 * The folder vsce packs: links to this one's files and a manifest without npm's `files` list (the
 * CLI's package), which vsce refuses beside .vscodeignore (the VSIX's list). `vscode:prepublish`
 * has run here already, so the staged manifest goes without it.
 */
function stagingFolder({ target }: VsixKind): string {
  const stage = path.join(root, 'out', 'vsix-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const entry of readdirSync(root)) if (!notStaged.has(entry)) stageEntry(path.join(root, entry), path.join(stage, entry));
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  delete manifest.scripts['vscode:prepublish'];
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The universal VSIX: the same files, without the card support (vsce lets a `!` line win over any
  // other, so the line that lets it in goes).
  const ignored = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  const withoutAddons = ignored.replace(/^!dist\/addons\/\*\*\n/m, '');
  if (!target && withoutAddons === ignored) throw new Error('.vscodeignore has no "!dist/addons/**" line to leave out of the universal VSIX');
  writeFileSync(path.join(stage, '.vscodeignore'), target ? ignored : withoutAddons);
  return stage;
}

/**
 * Builds the VSIX of `kind`. A platform VSIX can only be made for this machine's target: the build
 * compiles and copies the card support of the machine it runs on (the release workflow builds each
 * target on its own runner).
 */
export async function packageVsix(kind: VsixKind = { target: systemTarget() }): Promise<string> {
  if (kind.target && kind.target !== systemTarget()) {
    throw new Error(`a ${kind.target} VSIX must be built on ${kind.target}: this machine builds ${systemTarget()} (or --universal, without eID card support)`);
  }
  const packagePath = vsixPath(kind);
  mkdirSync(path.dirname(packagePath), { recursive: true });
  execFileSync('npm', ['run', 'vscode:prepublish'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const stage = stagingFolder(kind);
  try {
    await createVSIX({
      cwd: stage,
      packagePath,
      ...(kind.target ? { target: kind.target } : {}),
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

/** `--target T` or `--universal` from the command line; none: this machine's target. */
function kindFromArguments(args: string[]): VsixKind {
  if (args.includes('--universal')) return {};
  const at = args.indexOf('--target');
  return { target: at >= 0 && args[at + 1] ? args[at + 1] : systemTarget() };
}

if (require.main === module) {
  packageVsix(kindFromArguments(process.argv.slice(2))).then(
    (file) => console.log(`${path.relative(root, file)} (${(statSync(file).size / 1024).toFixed(0)} KB)`),
    (error: Error) => {
      console.error(`package: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
