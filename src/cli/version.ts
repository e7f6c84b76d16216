// `ehealth --version`: the version, the Node.js running it, the platform, and whether the eID addon
// (pkcs11js's compiled .node file) is where the eID worker would load it from. Only looked for on
// disk, never loaded: --version stays fast and works where the addon would not load.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { labelled, type Translator } from '../i18n';
import { version } from '../../package.json';

export interface VersionReport {
  version: string;
  node: string;
  platform: NodeJS.Platform;
  arch: string;
  eidAddon: { present: boolean; path?: string };
}

/**
 * The addon as Node's require('pkcs11js') from the bundle's folder finds it: node_modules/pkcs11js in
 * that folder (dist/, where the build copies it), then in each folder above.
 */
function eidAddon(from: string): string | undefined {
  for (let folder = from; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'node_modules', 'pkcs11js', 'build', 'Release', 'pkcs11.node');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(folder) === folder) return undefined;
  }
}

export function versionReport(bundleFolder = __dirname): VersionReport {
  const addon = eidAddon(bundleFolder);
  return { version, node: process.version, platform: process.platform, arch: process.arch, eidAddon: addon ? { present: true, path: addon } : { present: false } };
}

export function versionText(report: VersionReport, t: Translator): string {
  return [
    `ehealth ${report.version}`,
    labelled(t, 'Node.js', report.node),
    labelled(t, t('cli.version.platform'), `${report.platform} ${report.arch}`),
    labelled(t, t('cli.version.eid-addon'), report.eidAddon.path ?? t('cli.version.eid-addon-missing')),
  ].join('\n');
}
