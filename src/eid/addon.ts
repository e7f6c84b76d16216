// The eID card support of a build: pkcs11js, a native addon compiled for one system (platform and
// processor). A platform package (VSIX for one target, a checkout's build) carries this machine's
// addon; the npm package carries one per released target side by side; the universal VSIX has none.
// Keystores, guides and the sandbox never need it, so a build without it still works.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The systems a release builds card support for (the release workflow's matrix follows this list). */
export const cardSupportTargets = ['win32-x64', 'darwin-arm64', 'darwin-x64', 'linux-x64', 'linux-arm64'] as const;

/** A system as VS Code's platform-specific extensions name it: `win32-x64`, `darwin-arm64`, `linux-x64`... */
export const systemTarget = (platform: NodeJS.Platform = process.platform, arch: string = process.arch): string => `${platform}-${arch}`;

/** Where a build puts the addon of `target`, under its bundle folder: `addons/<target>/pkcs11js`. */
export const addonFolder = (bundleFolder: string, target: string): string => path.join(bundleFolder, 'addons', target, 'pkcs11js');

const binaryOf = (folder: string) => path.join(folder, 'build', 'Release', 'pkcs11.node');

/**
 * The pkcs11js folder of `target` as the code in `from` finds it: a build's `addons/<target>/pkcs11js`
 * in that folder or up to two above (dist/, dist/cli/, a worker's folder), else `node_modules/pkcs11js`
 * (sources run from a checkout). Never further up: a pkcs11js elsewhere on the disk is not ours.
 */
export function findCardSupport(from: string, target: string = systemTarget()): string | undefined {
  let folder = from;
  for (let level = 0; level < 3; level++, folder = path.dirname(folder)) {
    for (const candidate of [addonFolder(folder, target), path.join(folder, 'node_modules', 'pkcs11js')]) {
      if (existsSync(binaryOf(candidate))) return candidate;
    }
  }
  return undefined;
}

/** The addon's binary, for `--version`; undefined when this build has no card support for `target`. */
export function cardSupportBinary(from: string, target: string = systemTarget()): string | undefined {
  const folder = findCardSupport(from, target);
  return folder && binaryOf(folder);
}
