// Starts code-server on 127.0.0.1 in its own process group, with every folder it writes to
// (user data, extensions, XDG folders, HOME, TMPDIR) inside the run folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { HarnessTools } from './tools';

export interface RunFolders {
  root: string;
  home: string;
  userData: string;
  extensions: string;
  logs: string;
}

export function runFolders(root: string): RunFolders {
  const folders = {
    root,
    home: path.join(root, 'home'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    logs: path.join(root, 'logs'),
  };
  for (const folder of [folders.home, folders.userData, folders.extensions, folders.logs, path.join(root, 'tmp')]) mkdirSync(folder, { recursive: true });
  return folders;
}

/** The environment of everything the harness starts: nothing escapes the run folder. */
export function isolatedEnvironment(folders: RunFolders, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: folders.home,
    TMPDIR: path.join(folders.root, 'tmp'),
    XDG_CONFIG_HOME: path.join(folders.home, '.config'),
    XDG_DATA_HOME: path.join(folders.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(folders.home, '.cache'),
    XDG_RUNTIME_DIR: path.join(folders.root, 'tmp'),
    ...extra,
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function baseArguments(tools: Pick<HarnessTools, 'codeServerEntry'>, folders: RunFolders): string[] {
  return [tools.codeServerEntry, '--user-data-dir', folders.userData, '--extensions-dir', folders.extensions];
}

/** `code-server --install-extension FILE.vsix` into the run's extensions folder. */
export function installExtension(tools: HarnessTools, folders: RunFolders, vsix: string): string {
  const result = spawnSync(tools.nodeBinary, [...baseArguments(tools, folders), '--install-extension', vsix], {
    env: isolatedEnvironment(folders),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`code-server could not install ${vsix}:\n${output}`);
  return output;
}

/**
 * Clean-ups that must happen even if the harness is interrupted (Ctrl+C, SIGTERM) or exits early:
 * killing code-server's process group, removing the run folder. Each returns its own remover.
 */
const exitCleanups = new Set<() => void>();
let exitHooked = false;

export function onHarnessExit(cleanup: () => void): () => void {
  exitCleanups.add(cleanup);
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', () => {
      for (const pending of [...exitCleanups].reverse()) pending(); // last registered, first undone
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));
  }
  return () => void exitCleanups.delete(cleanup);
}

export interface CodeServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  port?: number;
  /**
   * VS Code's smoke-test driver, through which the harness drives the workbench. It also keeps
   * every notification from popping up: for the test harness only, never for a person (`npm start`).
   */
  smokeTestDriver?: boolean;
}

/** code-server's command line (after the Node binary). */
export function codeServerArguments(tools: Pick<HarnessTools, 'codeServerEntry'>, folders: RunFolders, port: number, options: CodeServerOptions = {}): string[] {
  return [
    ...baseArguments(tools, folders),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
}

export async function startCodeServer(tools: Pick<HarnessTools, 'nodeBinary' | 'codeServerEntry'>, folders: RunFolders, env: NodeJS.ProcessEnv, options: CodeServerOptions = {}): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  const args = codeServerArguments(tools, folders, port, options);
  const log = createWriteStream(path.join(folders.logs, 'code-server.log'));
  // detached: code-server and everything it spawns share a new process group we can stop as one.
  const child = spawn(tools.nodeBinary, args, { env: isolatedEnvironment(folders, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const forget = onHarnessExit(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  const stop = () => stopProcessGroup(child).then(forget);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, port, stop };
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode} before it was ready (see its log in the run folder)`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after a grace period. */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-child.pid!, signal);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  if (!signalGroup('SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!signalGroup(0)) return;
  }
  signalGroup('SIGKILL');
}
