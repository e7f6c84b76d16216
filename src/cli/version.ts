// `ehealth --version`: the version, the Node.js running it, the platform, and whether this build has
// eID card support for it (pkcs11js's compiled .node file where the eID worker loads it from). Only
// looked for on disk, never loaded: --version stays fast and works where the addon would not load.
import { cardSupportBinary } from '../eid/addon';
import { labelled, type Translator } from '../i18n';
import { version } from '../../package.json';

export interface VersionReport {
  version: string;
  node: string;
  platform: NodeJS.Platform;
  arch: string;
  eidAddon: { present: boolean; path?: string };
}

export function versionReport(bundleFolder = __dirname): VersionReport {
  const addon = cardSupportBinary(bundleFolder);
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
