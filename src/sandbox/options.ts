// What a sandbox is started with, and where it keeps its state by default.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Behaviour } from './behaviour';

export interface SandboxOptions {
  /** Data folder: CA, issued certificates, requests, ETKs. Default: `defaultDataFolder()`. */
  dataFolder?: string;
  /** 0 (default) picks a free port. The server only ever listens on 127.0.0.1. */
  port?: number;
  /** Validity of issued certificates; eHealth issues 3 years (1096 days). Small values rehearse renewal. */
  validityDays?: number;
  /** PEM roots trusted for eID signatures (Belgian eID roots, the virtual eID's `root.pem`, ...). */
  trustedRoots?: string[];
  behaviour?: Partial<Behaviour>;
  /** One line per exchange (operation and outcome); never a key or a request body. */
  log?: (line: string) => void;
  /** The sandbox's clock, for tests. */
  now?: () => Date;
}

export const DEFAULT_VALIDITY_DAYS = 1096;
/** Renewal is allowed from this many days before expiry (DOMAIN.md section 1). */
export const REPLACEMENT_PERIOD_DAYS = 90;

/**
 * `$EHEALTH_SANDBOX_DATA`, else the per-user application data folder: `%APPDATA%\ehealth-sandbox`
 * (Windows), `~/Library/Application Support/ehealth-sandbox` (macOS), `$XDG_DATA_HOME/ehealth-sandbox`
 * or `~/.local/share/ehealth-sandbox` (Linux and others).
 */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.EHEALTH_SANDBOX_DATA) return env.EHEALTH_SANDBOX_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'ehealth-sandbox');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'ehealth-sandbox');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'ehealth-sandbox');
}
