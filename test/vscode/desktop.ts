// `npm run test:desktop`: the same suite in desktop VS Code through @vscode/test-electron, for
// contributors who have it (these CI machines cannot download VS Code: use `npm run test:vscode`).
// The workbench is reached over the Chrome DevTools protocol so tests keep their screenshots and
// rendered-text checks. VSCODE_EXECUTABLE picks an installed VS Code; otherwise test-electron
// downloads one. playwright-core comes from the harness cache or from your own node_modules.
import { runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { Page, Playwright } from './browserTypes';
import { freePort } from './codeServer';
import { startControlServer } from './control';
import { bundledSuites, bundleSuites } from './bundle';
import { artifactsFolder, screenshotFolder } from './run';
import { cacheFolder } from './tools';

interface CdpBrowser {
  contexts(): Array<{ pages(): Page[] }>;
}

const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  await bundleSuites();
  const playwrightPath = require.resolve('playwright-core', { paths: [root, path.join(cacheFolder, 'code-server')] });
  const playwright = require(playwrightPath) as Playwright & { chromium: { connectOverCDP(url: string): Promise<CdpBrowser> } };
  const debuggingPort = await freePort();
  let page: Page | undefined;
  const workbench = async () => {
    const browser = await playwright.chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
    return browser.contexts().flatMap((context) => context.pages())[0];
  };
  const control = await startControlServer(() => page, screenshotFolder(process.argv.includes('--update-screenshots')));
  // Attach once the window exists; requests that come earlier report that the page is not open.
  const attach = setInterval(() => {
    workbench().then((found) => {
      if (found) {
        page = found;
        clearInterval(attach);
      }
    }, () => undefined);
  }, 1000);
  try {
    return await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(bundledSuites, 'suite', 'index.js'),
      extensionTestsEnv: { EHEALTH_HARNESS_URL: control.url },
      launchArgs: [`--remote-debugging-port=${debuggingPort}`, '--disable-extensions', '--disable-workspace-trust'],
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
    });
  } finally {
    clearInterval(attach);
    await control.close();
    console.log(`screenshots and logs: ${artifactsFolder}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`test:desktop: ${error.message}`);
    process.exit(1);
  },
);
