// `npm start`: opens the extension under development in VS Code. Desktop VS Code when `code` is on
// PATH; otherwise code-server on http://127.0.0.1:8080 (installed into .cache on first use, from the
// npm registry), with its profile kept in .cache/start so the window comes back as you left it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runFolders, startCodeServer } from '../test/vscode/codeServer';
import { cacheFolder, ensureCodeServer } from '../test/vscode/tools';

const root = path.resolve(__dirname, '..');

function hasDesktopCode(): boolean {
  return process.env.EHEALTH_START_BROWSER !== '1' && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (hasDesktopCode()) {
    console.log('start: opening desktop VS Code with the extension under development');
    execFileSync('code', ['--new-window', `--extensionDevelopmentPath=${root}`, root], { stdio: 'inherit' });
    return;
  }
  const port = Number(process.env.PORT ?? 8080);
  const tools = ensureCodeServer();
  const folders = runFolders(path.join(cacheFolder, '..', 'start'));
  seedSettings(folders.userData);
  // Your real home folder, so your own ~/ehealth/keystore shows up in the Keystores view.
  const server = await startCodeServer(tools, folders, { HOME: os.homedir() }, { port });
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]]);
  const url = `${server.url}/?folder=${encodeURIComponent(root)}&payload=${encodeURIComponent(payload)}`;
  console.log(`\nstart: VS Code (code-server) is running with eHealth Certificates loaded from ${root}`);
  console.log(`start: open ${url}`);
  console.log('start: press Ctrl+C to stop it');
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** First start only: a calm workbench, and the test keystores listed so the view has content. */
function seedSettings(userData: string): void {
  const settingsFile = path.join(userData, 'User', 'settings.json');
  if (existsSync(settingsFile)) return;
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'ehealth.keystore.folders': [path.join(root, 'test', 'fixtures', 'keystores')],
  };
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
}

main().catch((error: Error) => {
  console.error(`start: ${error.message}`);
  process.exit(1);
});
