// Where the eID middleware's PKCS#11 module lives on each system, and loading it. Explicit choice
// first (the `ehealth.eid.pkcs11Module` setting or --module), then EHEALTH_PKCS11_MODULE, then the
// paths where the official eID software (eid.belgium.be) installs it.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { operatingSystem } from '../core/operatingSystem';
import { typedPath } from '../platform/paths';
import { cardSupportTargets, findCardSupport, systemTarget } from './addon';
import { CardSupportMissing, MiddlewareBroken, MiddlewareMissing } from './errors';
import { Pkcs11Failure } from './pkcs11Protocol';
import { Pkcs11Thread } from './pkcs11Thread';

export interface MiddlewareOptions {
  /** The module chosen by the user (setting or command-line option). */
  modulePath?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The processor the module must be built for (Linux's multiarch folders). */
  arch?: string;
  /** Whether a file exists (the real file system unless a test says otherwise). */
  exists?: (file: string) => boolean;
  /** The folder the card support (pkcs11js addon) is looked for from: this bundle's. */
  addonFrom?: string;
}

/** Debian's and Ubuntu's library folder of each processor we build for (a module of another one would not load). */
const multiarchFolders: Readonly<Record<string, string>> = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };

/** A Windows variable whatever the case of its name (`SystemRoot`, `SYSTEMROOT` from Cygwin or MSYS). */
const windowsVariable = (env: NodeJS.ProcessEnv, name: string) => Object.entries(env).find(([key, value]) => key.toLowerCase() === name.toLowerCase() && value)?.[1];

/**
 * Where eid-mw's installers put the PKCS#11 module. Windows: System32 (`%SystemRoot%`, the x64 and
 * arm64 MSIs alike; a 32-bit process is sent to SysWOW64's 32-bit copy by Windows itself), and the
 * bare name, which Windows also looks for along PATH. macOS: the package's bundle in /Library, linked
 * from /usr/local/lib (where older versions put it; the Homebrew casks run the same package). Linux:
 * the distribution's package, in this processor's multiarch folder (Debian, Ubuntu), /usr/lib64
 * (Fedora, openSUSE) or /usr/lib.
 */
export function knownModulePaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, arch: string = process.arch): string[] {
  switch (operatingSystem(platform)) {
    case 'windows': {
      const systemRoot = windowsVariable(env, 'SystemRoot') ?? windowsVariable(env, 'windir') ?? 'C:\\Windows';
      return [path.win32.join(systemRoot, 'System32', 'beidpkcs11.dll'), 'beidpkcs11.dll'];
    }
    case 'macos':
      return ['/Library/Belgium Identity Card/Pkcs11/beid-pkcs11.bundle/Contents/MacOS/libbeidpkcs11.dylib', '/usr/local/lib/libbeidpkcs11.dylib'];
    case 'linux': {
      const multiarch = multiarchFolders[arch];
      return [
        ...(multiarch ? [`/usr/lib/${multiarch}/libbeidpkcs11.so.0`] : []),
        '/usr/lib64/libbeidpkcs11.so.0',
        '/usr/lib/libbeidpkcs11.so.0',
        '/usr/local/lib/libbeidpkcs11.so.0',
      ];
    }
  }
}

/** The module path to load, or MiddlewareMissing listing where it was looked for. */
export function locateMiddleware(options: MiddlewareOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  const chosen = typedPath(options.modulePath ?? '') || typedPath(env.EHEALTH_PKCS11_MODULE ?? '');
  const candidates = chosen ? [chosen] : knownModulePaths(platform, env, options.arch);
  const found = candidates.find((candidate) => isBareName(candidate) || exists(candidate));
  if (!found) throw new MiddlewareMissing(operatingSystem(platform), candidates);
  return found;
}

/**
 * Locates and loads the module (in its worker). A build without card support for this system says so
 * first (whatever middleware is installed, it could not be used); a file that is not a PKCS#11 module
 * is MiddlewareBroken.
 */
export async function openMiddleware(options: MiddlewareOptions = {}): Promise<Pkcs11Thread> {
  const target = systemTarget();
  if (!findCardSupport(options.addonFrom ?? __dirname, target)) throw cardSupportMissing(target);
  const modulePath = locateMiddleware(options);
  const pkcs11 = Pkcs11Thread.for(modulePath);
  try {
    await pkcs11.call('open');
    return pkcs11;
  } catch (error) {
    if (error instanceof Pkcs11Failure && error.ckr === Pkcs11Failure.noCardSupport) throw cardSupportMissing(target, firstLine(error.message));
    if (isBareName(modulePath) && error instanceof Pkcs11Failure && error.method === 'load' && notFound.test(error.message)) {
      throw new MiddlewareMissing(operatingSystem(options.platform ?? process.platform), [modulePath]);
    }
    throw new MiddlewareBroken(modulePath, error instanceof Pkcs11Failure ? `${error.method}: ${firstLine(error.message)}` : String(error));
  }
}

const cardSupportMissing = (target: string, detail?: string) => new CardSupportMissing(target, (cardSupportTargets as readonly string[]).includes(target), detail);

/** A bare file name is searched by the system loader (Windows: PATH, System32); a path must exist. */
const isBareName = (candidate: string) => !/[\\/]/.test(candidate);
/** The system loader's words for a library it could not find (glibc, macOS dyld, Windows). */
const notFound = /cannot open shared object|no such file|image not found|could not be found/i;
const firstLine = (text: string) => text.split('\n')[0];
