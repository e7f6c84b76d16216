// `npm start`: opens the extension under development in VS Code. Desktop VS Code when `code` is on
// PATH; otherwise code-server on http://127.0.0.1:8080 (installed into .cache on first use, from the
// npm registry), with its profile kept in .cache/start so the window comes back as you left it.
// The defaults are offline: the sandbox authority, and a virtual eID card kept in .cache/start.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildVirtualEid, usage, type VirtualEid } from '../tools/virtual-eid/build';
import { runFolders, startCodeServer, type CodeServerOptions } from '../test/vscode/codeServer';
import { cacheFolder, ensureCodeServer } from '../test/vscode/tools';

const root = path.resolve(__dirname, '..');

function hasDesktopCode(): boolean {
  return process.env.EHEALTH_START_BROWSER !== '1' && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

const startFolder = path.join(cacheFolder, '..', 'start');

/** The demo card: built once, then kept (with its PIN tries) across starts. */
async function virtualEid(): Promise<VirtualEid> {
  const dir = path.join(startFolder, 'virtual-eid');
  const saved = path.join(dir, 'card.json');
  if (existsSync(saved)) return JSON.parse(readFileSync(saved, 'utf8')) as VirtualEid;
  console.log('start: building a virtual eID card (SoftHSM2 behind our PKCS#11 module), first start only');
  const eid = await buildVirtualEid({ algorithm: 'rsa', dir });
  writeFileSync(saved, JSON.stringify(eid, null, 2));
  return eid;
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'system-packages.mjs'), 'start'], { stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const eid = await virtualEid();
  if (hasDesktopCode()) {
    console.log('start: opening desktop VS Code with the extension under development');
    console.log(`start: your VS Code settings are yours; to use the virtual eID:\n${usage(eid)}`);
    execFileSync('code', ['--new-window', `--extensionDevelopmentPath=${root}`, root], { stdio: 'inherit' });
    return;
  }
  const port = Number(process.env.PORT ?? 8080);
  const tools = ensureCodeServer();
  const folders = runFolders(startFolder);
  seedSettings(folders.userData, eid);
  // Your real home folder, so your own ~/ehealth/keystore shows up in the Keystores view.
  const server = await startCodeServer(tools, folders, { HOME: os.homedir() }, codeServerOptions(port));
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]]);
  const url = `${server.url}/?folder=${encodeURIComponent(root)}&payload=${encodeURIComponent(payload)}`;
  console.log(`\nstart: VS Code (code-server) is running with eHealth Certificates loaded from ${root}`);
  console.log(`start: environment: the sandbox registration authority (started on first use, data in the profile)`);
  console.log(`start: eID: a virtual card for ${eid.holder.givenName} ${eid.holder.surname}, PIN ${eid.pin}; pull it out with: touch '${path.join(eid.dir, 'removed')}'`);
  console.log(`start: open ${url}`);
  console.log('start: press Ctrl+C to stop it');
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** code-server as a person uses it: without the harness's smoke-test driver, which would hide every notification (results, errors). */
export function codeServerOptions(port: number): CodeServerOptions {
  return { port };
}

/**
 * A calm workbench, the test keystores listed so the view has content, and the virtual eID as the
 * card (the sandbox trusts its root). Settings changed in the window are kept.
 */
function seedSettings(userData: string, eid: VirtualEid): void {
  const settingsFile = path.join(userData, 'User', 'settings.json');
  let current: Record<string, unknown> = {};
  try {
    if (existsSync(settingsFile)) current = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  } catch {
    return; // edited in the window, with comments: it is the user's now
  }
  const defaults = {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    // The folder opened is this repository, yours: no Restricted Mode banner.
    'security.workspace.trust.enabled': false,
    'ehealth.keystore.folders': [path.join(root, 'test', 'fixtures', 'keystores')],
    'ehealth.eid.pkcs11Module': eid.modulePath,
    'ehealth.sandbox.trust': [eid.rootPem],
  };
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  writeFileSync(settingsFile, JSON.stringify({ ...defaults, ...current }, null, 2));
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`start: ${error.message}`);
    process.exit(1);
  });
}
