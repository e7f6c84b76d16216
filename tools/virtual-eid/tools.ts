// External programs the virtual eID needs (openssl, softhsm2-util, pkcs11-tool, cc). A missing tool
// is an error that names the Debian package, never a silent skip.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const packages: Record<string, string> = { openssl: 'openssl', 'softhsm2-util': 'softhsm2', 'pkcs11-tool': 'opensc', cc: 'gcc' };

export async function tool(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout } = await run(name, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new Error(`${name} is not installed (Debian package "${packages[name] ?? name}"); the virtual eID needs it.`);
    throw new Error(`${name} ${args.join(' ')} failed: ${failure.stderr?.trim() || failure.message}`);
  }
}
