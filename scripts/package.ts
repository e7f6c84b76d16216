// `npm run package`: builds the platform-specific VSIX (the pkcs11js native addon makes it
// platform-specific) into out/vsix/. Prints the VSIX path and size.
import { createVSIX } from '@vscode/vsce';
import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { version } from '../package.json';

const root = path.resolve(__dirname, '..');

export function vsixTarget(): string {
  return `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
}

export function vsixPath(target = vsixTarget()): string {
  return path.join(root, 'out', 'vsix', `ehealth-certificates-${target}-${version}.vsix`);
}

export async function packageVsix(target = vsixTarget()): Promise<string> {
  const packagePath = vsixPath(target);
  mkdirSync(path.dirname(packagePath), { recursive: true });
  await createVSIX({
    cwd: root,
    packagePath,
    target,
    // Everything the extension runs is bundled by esbuild; native addons are copied in by the build.
    dependencies: false,
    // Links in README.md point at files shipped inside the VSIX (docs/screenshots).
    rewriteRelativeLinks: false,
  });
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
