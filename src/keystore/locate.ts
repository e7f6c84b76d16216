// Finds keystore files in the eHealth keystore folders without opening them (no password needed).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Environment } from '../core/environment';
import { formatHolder, type Holder } from '../core/holder';
import { pathsOf, sameFileKey, typedPath } from '../platform/paths';
import { KeystoreError } from './errors';
import { isKeystoreFileName, parseKeystoreFileName } from './fileName';
import { readKeystoreFile, statKeystoreFile } from './keystoreFileAccess';
import type { FileProblem, FolderOrigin, KeystoreEnvironment, KeystoreFile, KeystoreFolder, KeystoreListing } from './model';

/**
 * The folder the official eHealth tooling uses: `~/ehealth/keystore` on every OS
 * (`C:\Users\<user>\ehealth\keystore` on Windows).
 */
export function defaultKeystoreFolder(home: string = os.homedir(), platform: NodeJS.Platform = process.platform): string {
  return ehealthFolder('keystore', home, platform);
}

/**
 * Where keystores made with the local sandbox go: `~/ehealth/sandbox`, beside the eHealth folder and
 * never inside it, where medical software and people would take them for real keystores.
 */
export function sandboxKeystoreFolder(home: string = os.homedir(), platform: NodeJS.Platform = process.platform): string {
  return ehealthFolder('sandbox', home, platform);
}

function ehealthFolder(name: string, home: string, platform: NodeJS.Platform): string {
  return pathsOf(platform).join(home, 'ehealth', name);
}

/** The folder a new keystore of `environment` is written to when the user names none. */
export function newKeystoreFolder(environment: Environment, home: string = os.homedir(), platform: NodeJS.Platform = process.platform): string {
  return environment === 'sandbox' ? sandboxKeystoreFolder(home, platform) : defaultKeystoreFolder(home, platform);
}

export interface FolderRequest {
  path: string;
  origin: FolderOrigin;
}

/**
 * The eHealth folder, the configured ones (as `expandHome` reads them), then the sandbox folder,
 * duplicates removed: sandbox keystores are always listed, in their own group.
 */
export function keystoreFolders(configured: readonly string[], home: string = os.homedir(), platform: NodeJS.Platform = process.platform): FolderRequest[] {
  const requests: FolderRequest[] = [{ path: defaultKeystoreFolder(home, platform), origin: 'default' }];
  for (const folder of configured) {
    if (typedPath(folder)) requests.push({ path: expandHome(folder, home, platform), origin: 'configured' });
  }
  requests.push({ path: sandboxKeystoreFolder(home, platform), origin: 'sandbox' });
  return dedupe(requests, platform);
}

/**
 * A folder of the settings as an absolute path of `platform`: `~`, `~/` and `~\` (on every system)
 * are the home folder, quotes around a pasted path dropped; `/` and `\` both separate on Windows,
 * where `C:\...` and `\\server\share\...` are absolute; a trailing separator or `..` is resolved.
 * Environment variables (`%USERPROFILE%`, `$HOME`) are not expanded: VS Code's settings do not
 * expand them either.
 */
export function expandHome(folder: string, home: string = os.homedir(), platform: NodeJS.Platform = process.platform): string {
  const paths = pathsOf(platform);
  const typed = typedPath(folder);
  const expanded = typed === '~' ? home : /^~[/\\]/.test(typed) ? paths.join(home, typed.slice(2)) : typed;
  return paths.resolve(expanded);
}

/**
 * `~/ehealth` rather than `/home/someone/ehealth` (`~\ehealth` on Windows, whatever the case of the
 * home folder there): shorter, and the same on every machine; what `expandHome` reads back.
 */
export function homeRelative(folder: string, home: string = os.homedir(), platform: NodeJS.Platform = process.platform): string {
  const paths = pathsOf(platform);
  const relative = paths.relative(home, folder);
  if (!relative) return '~';
  const outside = relative === '..' || relative.startsWith(`..${paths.sep}`) || paths.isAbsolute(relative);
  return outside ? folder : `~${paths.sep}${relative}`;
}

/**
 * What makes two ways of writing a folder the same folder: `~` is the home folder, a trailing
 * separator or `..` changes nothing, and Windows and macOS folders are the same whatever their case
 * (and on macOS whatever their Unicode form).
 */
export function folderKey(folder: string, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  return sameFileKey(expandHome(folder, home, platform), platform);
}

/**
 * Each folder once, where it first comes; the sandbox folder keeps its origin (its group and icon)
 * even when also configured.
 */
function dedupe(requests: readonly FolderRequest[], platform: NodeJS.Platform = process.platform): FolderRequest[] {
  const folders = new Map<string, FolderRequest>();
  for (const request of requests) {
    const key = folderKey(request.path, platform);
    const first = folders.get(key);
    if (!first) folders.set(key, request);
    else if (request.origin === 'sandbox') folders.set(key, { ...first, origin: 'sandbox' });
  }
  return [...folders.values()];
}

export async function listKeystores(requests: readonly FolderRequest[]): Promise<KeystoreListing> {
  const listing = { folders: await Promise.all(dedupe(requests).map(scanFolder)) };
  flagRelations(listing.folders.flatMap((folder) => folder.keystores));
  return listing;
}

async function scanFolder(request: FolderRequest): Promise<KeystoreFolder> {
  const folder = { path: path.resolve(request.path), origin: request.origin };
  let names: string[];
  try {
    names = await fs.readdir(folder.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ...folder, state: 'missing', keystores: [] };
    return { ...folder, state: 'unreadable', reason: code ?? String(error), keystores: [] };
  }
  const files = await Promise.all(names.filter(isKeystoreFileName).map((name) => describeFile(folder.path, name)));
  return { ...folder, state: 'ok', keystores: orderByHolder(files) };
}

async function describeFile(folder: string, fileName: string): Promise<KeystoreFile> {
  const filePath = path.join(folder, fileName);
  const parsed = parseKeystoreFileName(fileName);
  const problems: FileProblem[] = [...parsed.problems];
  const file: KeystoreFile = {
    path: filePath,
    fileName,
    ...(parsed.holder ? { holder: parsed.holder } : {}),
    ...(parsed.createdAt ? { createdAt: parsed.createdAt } : {}),
    environment: parsed.environment,
    latest: true,
    problems,
  };
  try {
    const stat = await statKeystoreFile(filePath);
    file.sizeBytes = stat.size;
    file.modifiedAt = stat.mtime.toISOString();
    if (stat.isFile() && stat.size === 0) problems.push({ code: 'empty' });
    // The same refusals and size limit as opening the keystore: no pipe or device is ever read.
    else file.sha256 = createHash('sha256').update(await readKeystoreFile(filePath)).digest('hex');
  } catch (error) {
    problems.push(problemOf(error, file.sizeBytes));
  }
  return file;
}

function problemOf(error: unknown, size: number | undefined): FileProblem {
  if (!(error instanceof KeystoreError)) throw error;
  switch (error.code) {
    case 'is-directory':
    case 'is-fifo':
    case 'is-device':
    case 'not-a-file':
      return { code: 'not-a-file' };
    case 'too-large':
      return { code: 'too-large', params: { size: size ?? 0 } };
    case 'permission-denied':
    case 'symlink-loop':
      return { code: error.code };
    default:
      return { code: 'unreadable', params: { reason: String(error.params.reason ?? error.code) } };
  }
}

/**
 * Across all folders: links renewals (same holder and environment, different creation times), and
 * flags stray duplicates (same holder, environment and creation time, or byte-identical content):
 * the copy kept as the original is the first in conventional-name, then path order.
 */
function flagRelations(files: KeystoreFile[]): void {
  const ordered = [...files].sort((a, b) => Number(!a.holder) - Number(!b.holder) || a.path.localeCompare(b.path));
  const originals = new Map<string, KeystoreFile>();
  for (const file of ordered) {
    const keys = [
      ...(file.sha256 ? [`content|${file.sha256}`] : []),
      ...(file.holder && file.createdAt ? [`name|${renewalGroup(file.holder, file.environment)}|${file.createdAt}`] : []),
    ];
    const original = keys.map((key) => originals.get(key)).find(Boolean);
    if (original) file.problems.push({ code: 'duplicate', params: { of: original.path } });
    else for (const key of keys) originals.set(key, file);
  }
  const renewals = new Map<string, KeystoreFile[]>();
  for (const file of [...originals.values()]) {
    if (!file.holder || !file.createdAt) continue;
    const group = renewalGroup(file.holder, file.environment);
    renewals.set(group, [...(renewals.get(group) ?? []), file]);
  }
  for (const group of renewals.values()) {
    const unique = [...new Set(group)].sort((a, b) => a.createdAt!.localeCompare(b.createdAt!));
    unique.forEach((file, index) => {
      if (index > 0) file.renewalOf = unique[index - 1].path;
      if (index < unique.length - 1) file.renewedBy = unique[index + 1].path;
    });
  }
}

/**
 * Groups files by holder and environment, newest first in each group, and marks all but the newest
 * as older: picking an old keystore after a renewal is a classic mistake.
 */
function orderByHolder(files: KeystoreFile[]): KeystoreFile[] {
  const groupKey = (file: KeystoreFile) => (file.holder ? renewalGroup(file.holder, file.environment) : undefined);
  const named = files.filter((file) => file.holder).sort((a, b) => {
    const byHolder = groupKey(a)!.localeCompare(groupKey(b)!);
    if (byHolder !== 0) return byHolder;
    return (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.fileName.localeCompare(b.fileName);
  });
  named.forEach((file, index) => {
    file.latest = index === 0 || groupKey(named[index - 1]) !== groupKey(file);
  });
  const unnamed = files.filter((file) => !file.holder).sort((a, b) => a.fileName.localeCompare(b.fileName));
  return [...named, ...unnamed];
}

/** Keystores that renew one another: those of one holder in one environment. */
export const renewalGroup = (holder: Holder, environment: KeystoreEnvironment): string => `${formatHolder(holder)}|${environment}`;

/** Renewed: a newer keystore of the holder exists, in its folder (`latest`) or another (`renewedBy`). */
export function isRenewed(file: KeystoreFile): boolean {
  return !file.latest || file.renewedBy !== undefined;
}
