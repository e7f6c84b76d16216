// Other people's software as oracles: what keytool, the JDK, OpenSSL and Python `cryptography` see in
// a PKCS#12 file, normalised so that two files holding the same bags compare equal whatever their
// password, salts, iteration counts, encryption and bag order. Every tool gets the password through
// the environment variable P12_PASSWORD (an empty one included). A missing tool fails loudly.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const bouncyCastleJar = '/usr/share/java/bcprov.jar';
/** Debian's python3, which has python3-cryptography; a pyenv or venv python earlier on PATH may not. */
export const debianPython = '/usr/bin/python3';
export const pythonScript = path.join(__dirname, 'pkcs12.py');

/** Many short-lived JVMs (keytool, java): the quick compiler and the serial collector start faster. */
const javaOptions = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

function run(command: string, args: string[], password: string) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, P12_PASSWORD: password, JAVA_TOOL_OPTIONS: javaOptions } });
  if (result.error) throw new Error(`"${command}" could not be run (the interop tests need it): ${result.error.message}`);
  return result;
}

/** Runs a tool that must succeed; its error output is the failure message. */
export function mustRun(command: string, args: string[], password = ''): string {
  const result = run(command, args, password);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** Each entry's `keytool -list -v` text (alias, type, chain, every certificate in full), sorted. */
export function keytoolEntries(file: string, password: string): string[] {
  const text = mustRun('keytool', ['-list', '-v', '-storetype', 'PKCS12', '-keystore', file, '-storepass:env', 'P12_PASSWORD'], password);
  // PKCS#12 does not store a creation date: keytool shows today's.
  const [, ...entries] = text
    .split('\n')
    .filter((line) => !line.startsWith('Creation date:'))
    .join('\n')
    .split(/^(?=Alias name: )/m);
  return entries.sort();
}

/** "alias algorithm hex" for each secret-key entry, as the JDK decrypts it. */
export const jdkSecretKeys = (file: string, password: string): string[] =>
  mustRun('java', [path.join(__dirname, 'JdkSecretKeys.java'), file], password).split('\n').filter(Boolean);

export interface OpensslView {
  /** The bag types openssl names ("Certificate bag", "Shrouded Keybag", "Secret bag"...), sorted. */
  kinds: string[];
  /** Each bag's attributes and content (PEM certificate or decrypted key), sorted. */
  bags: string[];
}

/**
 * openssl pkcs12 -info -nodes. The bags go to standard output, the structure (MAC, encryption,
 * iterations, which safe holds what) to standard error: only the bag types are kept from the latter.
 * A secret bag is printed as the hex of its encrypted value, which changes with the password: it is
 * kept as a marker, its value is compared through the JDK (jdkSecretKeys).
 */
export function opensslView(file: string, password: string): OpensslView {
  const args = ['pkcs12', '-in', file, '-info', '-nodes', '-passin', 'env:P12_PASSWORD'];
  let result = run('openssl', args, password);
  // RC2 and single DES are in OpenSSL 3's legacy provider: ask for it only when the file needs it.
  if (result.status !== 0 && /unsupported/i.test(result.stderr)) result = run('openssl', [...args, '-legacy'], password);
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  const kinds = result.stderr
    .split('\n')
    .filter((line) => /^(Key bag|Shrouded Keybag|Certificate bag|Secret bag|Safe Contents bag|Warning unsupported bag type)/.test(line))
    .map((line) => (line.startsWith('Shrouded Keybag') ? 'Shrouded Keybag' : line));
  const bags = result.stdout
    .split(/^(?=Bag Attributes)/m)
    .filter((bag) => bag.trim())
    .map((bag) => bag.replace(/^([0-9A-F]{2} )+$/gm, '<encrypted secret value>'));
  return { kinds: kinds.sort(), bags: bags.sort() };
}

export interface PythonCertificate {
  der: string;
  friendlyName: string | null;
}

/** What load_pkcs12 returns: the first key, its certificate, the other certificates (sorted). */
export interface PythonView {
  key: string | null;
  cert: PythonCertificate | null;
  additional: PythonCertificate[];
}

export const pythonView = (file: string, password: string): PythonView => JSON.parse(mustRun(debianPython, [pythonScript, 'read', file], password));

/** The same view for the PEM files given to `openssl pkcs12 -export -name NAME` (CA certificates unnamed). */
export const pythonViewOfInputs = (name: string, key: string, cert: string, cas: string[]): PythonView =>
  JSON.parse(mustRun(debianPython, [pythonScript, 'view', name, key, cert, ...cas]));

/** Fails naming what a rewrite lost and what it added (duplicates counted), each item by its first lines. */
export function assertSameItems(what: string, before: string[], after: string[]): void {
  const added = [...after];
  const lost = before.filter((item) => {
    const index = added.indexOf(item);
    if (index >= 0) added.splice(index, 1);
    return index < 0;
  });
  if (!lost.length && !added.length) return;
  const show = (items: string[]) => items.map((item) => `    ${item.split('\n').slice(0, 5).join('\n      ')}`).join('\n') || '    (none)';
  assert.fail(`${what}\n  lost:\n${show(lost)}\n  added:\n${show(added)}`);
}
