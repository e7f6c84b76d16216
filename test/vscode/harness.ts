// Runs one mocha suite inside a real VS Code: code-server on 127.0.0.1, driven by headless Chromium
// through playwright-core, the suite loaded as `extensionTestsPath` by the smoke-test driver.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import type { BrowserContext, Page, Playwright } from './browserTypes';
import { installExtension, isolatedEnvironment, onHarnessExit, runFolders, startCodeServer, type CodeServer } from './codeServer';
import { startControlServer, type ControlServer } from './control';
import type { HarnessTools } from './tools';
import { reportMarker } from './suite/mochaRunner';

/** User settings of every run: a calm workbench with nothing reaching for the network. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

export interface SuiteSpec {
  name: string;
  /** Extensions loaded as under development (absolute folders). */
  developmentPaths: string[];
  /** Bundled module exporting `run(): Promise<void>`. */
  testsPath: string;
  /** A VSIX to install into the fresh extensions folder before starting. */
  vsix?: string;
  /** User settings on top of the calm defaults (e.g. workspace trust on for the restricted-mode suite). */
  settings?: Record<string, unknown>;
  /** Files to create in the opened workspace folder, by relative path. */
  workspaceFiles?: Record<string, string>;
  /** Prepares what the suite needs in the run folder (e.g. a virtual eID); returns environment for the extension host. */
  prepare?: (runFolder: string) => Promise<NodeJS.ProcessEnv>;
  timeoutMs?: number;
  /** False for a module that reports results rather than running mocha (the activation bench). */
  mocha?: boolean;
}

export interface SuiteOutcome {
  name: string;
  exitCode: number;
  passed: number;
  failed: number;
  results: unknown[];
}

export interface RunOptions {
  screenshotFolder: string;
  artifactsFolder: string;
  print?: (line: string) => void;
  /** Runs only the tests whose full title matches (mocha's grep), while working on them. */
  grep?: string;
}

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function runSuite(tools: HarnessTools, spec: SuiteSpec, options: RunOptions): Promise<SuiteOutcome> {
  const print = options.print ?? ((line: string) => console.log(line));
  const root = mkdtempSync(path.join(os.tmpdir(), 'ehealth-vscode-'));
  // Registered before code-server starts, so it runs after the process group is killed.
  const forgetRoot = onHarnessExit(() => rmSync(root, { recursive: true, force: true }));
  const folders = runFolders(root);
  const workspace = path.join(root, 'workspace');
  mkdirSync(workspace);
  mkdirSync(path.join(folders.userData, 'User'), { recursive: true });
  writeFileSync(path.join(folders.userData, 'User', 'settings.json'), JSON.stringify({ ...userSettings, ...spec.settings }, null, 2));
  for (const [relative, content] of Object.entries(spec.workspaceFiles ?? {})) {
    mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
    writeFileSync(path.join(workspace, relative), content);
  }
  const consoleLog = path.join(folders.logs, 'workbench-console.log');
  let page: Page | undefined;
  let control: ControlServer | undefined;
  let codeServer: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  const counts = { passed: 0, failed: 0 };
  let exitCode = 1;
  try {
    if (spec.vsix) installExtension(tools, folders, spec.vsix);
    const prepared = (await spec.prepare?.(root)) ?? {};
    control = await startControlServer(() => page, options.screenshotFolder);
    codeServer = await startCodeServer(tools, folders, { ...prepared, EHEALTH_HARNESS_URL: control.url, ...(options.grep ? { EHEALTH_TEST_GREP: options.grep } : {}) }, { smokeTestDriver: true });
    const playwright = require(tools.playwrightModule) as Playwright;
    browser = await playwright.chromium.launchPersistentContext(path.join(root, 'chromium'), {
      executablePath: tools.chromium,
      headless: true,
      args: chromiumFlags,
      env: isolatedEnvironment(folders),
      viewport: { width: 1280, height: 800 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => (finish = resolve));
    // The workbench reports the extension host's console and, when the suite ends, its result.
    // The workbench's console (extension host included) goes to a log kept on failure; the
    // suite's mocha report, marked by the runner, is printed.
    await page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
      const line = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
      if (line.startsWith(reportMarker)) {
        const report = line.slice(reportMarker.length);
        countMochaSummary(report, counts);
        print(report);
      } else {
        appendFileSync(consoleLog, `${String(level)} ${line}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) => finish(Number(code)));
    await page.goto(workbenchUrl(codeServer, workspace, spec));
    const timeoutMs = spec.timeoutMs ?? 10 * 60_000;
    exitCode = await Promise.race([
      finished,
      new Promise<number>((resolve) =>
        setTimeout(() => {
          print(`harness: suite "${spec.name}" did not finish within ${timeoutMs / 1000} s`);
          resolve(1);
        }, timeoutMs).unref(),
      ),
    ]);
    // A suite that reports success but ran nothing, or whose counts disagree with its exit, is a
    // failure: an extension host that ends half-way also says 0, without mocha's summary.
    if (exitCode === 0 && spec.mocha !== false && (counts.failed > 0 || counts.passed === 0)) {
      print(`harness: suite "${spec.name}" ended without mocha's summary (${counts.passed} passing): the extension host stopped half-way`);
      exitCode = 1;
    }
  } catch (error) {
    print(`harness: suite "${spec.name}" could not run: ${(error as Error).message}`);
    exitCode = 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    await control?.close();
    if (exitCode !== 0) keepLogs(folders.root, path.join(options.artifactsFolder, `${spec.name}-logs`), print);
    rmSync(root, { recursive: true, force: true });
    forgetRoot();
  }
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  return { name: spec.name, exitCode, ...counts, results: control?.results ?? [] };
}

function workbenchUrl(codeServer: CodeServer, workspace: string, spec: SuiteSpec): string {
  const remote = (folder: string) => `vscode-remote://127.0.0.1:${codeServer.port}${folder}`;
  const payload = [
    ...spec.developmentPaths.map((folder) => ['extensionDevelopmentPath', remote(folder)]),
    ['extensionTestsPath', remote(spec.testsPath)],
  ];
  return `${codeServer.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function countMochaSummary(line: string, counts: { passed: number; failed: number }): void {
  const passing = /^\s*(\d+) passing/.exec(line);
  const failing = /^\s*(\d+) failing/.exec(line);
  if (passing) counts.passed += Number(passing[1]);
  if (failing) counts.failed += Number(failing[1]);
}

/** Copies code-server's and VS Code's logs out of the run folder before it is removed. */
function keepLogs(root: string, destination: string, print: (line: string) => void): void {
  const sources = { 'code-server': path.join(root, 'logs'), vscode: path.join(root, 'user-data', 'logs') };
  rmSync(destination, { recursive: true, force: true });
  for (const [name, source] of Object.entries(sources)) if (existsSync(source)) cpSync(source, path.join(destination, name), { recursive: true });
  print(`harness: logs kept in ${destination}`);
}
