// The built command line as users run it: `node bin/ehealth.js ...`, a fresh process each time, on the
// production build (built here first). Three figures, each against a peer measured in the same run:
// - start: `ehealth --version` minus `node -e ""` (target: within 25 ms);
// - cold inspect of the real keystore minus `ehealth --version`, against
//   `openssl pkcs12 -legacy -info -noout` minus `openssl version` (target: at most 2x); with
//   --check-keys too, for information (openssl does not decrypt the keys);
// - bulk: 20 copies of the real keystore in one `inspect F1..F20 --json` call against 20 openssl runs
//   (target: at most 1.5x).
// Every measured command must exit 0 and print the holder, so a broken command cannot look fast.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { realKeystorePath, realPassword } from '../test/unit/keystore/fixtures';
import { command, execute, interleaved, ms, openssl, verdict } from './measure';

const root = path.resolve(__dirname, '..');
const launcher = path.join(root, 'bin', 'ehealth.js');
const runs = 21;
const bulkRuns = 15;
const bulkFiles = 20;
const targets = { startMs: 25, inspect: 2, bulk: 1.5 };
/** The real keystore's holder, as its file name says. */
const holderSsin = '79021802145';
const passwordVariable = 'EHEALTH_BENCH_PASSWORD';
const childOptions = { env: { ...process.env, [passwordVariable]: realPassword } };

const ehealth = (args: string[], check?: (stdout: string) => string | undefined) =>
  command(process.execPath, [launcher, ...args], childOptions, check);

const namesHolder = (stdout: string) => (stdout.includes(`SSIN=${holderSsin}`) ? undefined : `no holder SSIN=${holderSsin} in the output`);

/** What is wrong with `inspect F1..Fn --json`'s output, or undefined: one keystore of the holder per file. */
function bulkProblem(stdout: string, count: number): string | undefined {
  let reports: unknown;
  try {
    reports = JSON.parse(stdout);
  } catch {
    return 'output is not JSON';
  }
  if (!Array.isArray(reports)) return 'output is not a JSON array';
  if (reports.length !== count) return `${reports.length} reports for ${count} files`;
  const wrong = reports.findIndex((report: { holder?: { id?: string } }) => report?.holder?.id !== holderSsin);
  return wrong < 0 ? undefined : `report ${wrong + 1} does not name the holder ${holderSsin}: ${JSON.stringify(reports[wrong]).slice(0, 200)}`;
}

async function start(): Promise<void> {
  const { node, version } = await interleaved(
    {
      node: command(process.execPath, ['-e', '']),
      version: ehealth(['--version'], (stdout) => (stdout.startsWith('ehealth ') ? undefined : 'no version printed')),
    },
    runs,
  );
  const added = version - node;
  console.log('start: ehealth --version against an empty Node process');
  console.log(`  ${ms(version)} - ${ms(node)} (node -e "") = ${ms(added)} added: ${verdict(added, targets.startMs, ' ms')}`);
}

async function inspect(file: string, passwordFile: string): Promise<void> {
  const { version, ours, oursCheckingKeys, opensslBase, opensslInspect } = await interleaved(
    {
      version: ehealth(['--version']),
      ours: ehealth(['keystore', 'inspect', file, '--password-env', passwordVariable], namesHolder),
      oursCheckingKeys: ehealth(['keystore', 'inspect', file, '--check-keys', '--password-env', passwordVariable], namesHolder),
      opensslBase: openssl(['version']),
      opensslInspect: openssl(['pkcs12', '-legacy', '-info', '-noout', '-in', file, '-passin', `file:${passwordFile}`]),
    },
    runs,
  );
  const oursCost = ours - version;
  const opensslCost = opensslInspect - opensslBase;
  const ratio = oursCost / opensslCost;
  console.log('cold inspect of the real keystore (JDK legacy: RC2-40 + 3DES, SHA-1 MAC 100,000), one process each');
  console.log(`  ehealth: ${ms(ours)} - ${ms(version)} (ehealth --version) = ${ms(oursCost)}`);
  console.log(`  openssl: ${ms(opensslInspect)} - ${ms(opensslBase)} (openssl version) = ${ms(opensslCost)}`);
  console.log(`  ratio ehealth/openssl: ${ratio.toFixed(2)}x: ${verdict(ratio, targets.inspect)}`);
  // openssl has no such check: for information, the cost of decrypting the keys (3 x 50,000 iterations each).
  const checkingCost = oursCheckingKeys - version;
  console.log(`  with --check-keys (also decrypts the private keys): ${ms(oursCheckingKeys)} - ${ms(version)} = ${ms(checkingCost)}, ${(checkingCost / opensslCost).toFixed(2)}x openssl`);
}

async function bulk(files: string[], passwordFile: string): Promise<void> {
  const args = ['keystore', 'inspect', ...files, '--json', '--password-env', passwordVariable];
  console.log(`bulk: ${files.length} copies of the real keystore, one ehealth call against ${files.length} openssl runs`);
  const probe = execute(process.execPath, [launcher, ...args], childOptions);
  const unavailable = probe.status !== 0 ? `exit ${probe.status}: ${probe.stderr.trim().split('\n')[0]}` : bulkProblem(probe.stdout, files.length);
  if (unavailable) {
    console.log(`  not available in the built CLI yet: inspect F1..F${files.length} --json (${unavailable})`);
    return;
  }
  const opensslRuns = files.map((file) => openssl(['pkcs12', '-legacy', '-info', '-noout', '-in', file, '-passin', `file:${passwordFile}`]));
  const { ours, opensslAll } = await interleaved(
    {
      ours: ehealth(args, (stdout) => bulkProblem(stdout, files.length)),
      opensslAll: () => opensslRuns.forEach((run) => run()),
    },
    bulkRuns,
  );
  const ratio = ours / opensslAll;
  console.log(`  ehealth (one call): ${ms(ours)}, ${ms(ours / files.length)} per keystore`);
  console.log(`  openssl (${files.length} runs): ${ms(opensslAll)}, ${ms(opensslAll / files.length)} per keystore`);
  console.log(`  ratio ehealth/openssl: ${ratio.toFixed(2)}x: ${verdict(ratio, targets.bulk)}`);
}

export default {
  name: 'cli',
  async run(): Promise<void> {
    // Measure what users get: the production build (dist is left minified; `node scripts/build.mjs` after).
    console.log('building the production CLI (node scripts/build.mjs --production)');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-bench-'));
    try {
      const passwordFile = path.join(dir, 'bench.password');
      writeFileSync(passwordFile, realPassword);
      const copies = Array.from({ length: bulkFiles }, (_, index) => path.join(dir, `keystore-${String(index + 1).padStart(2, '0')}.acc-p12`));
      for (const copy of copies) copyFileSync(realKeystorePath, copy);
      console.log(`medians of ${runs} runs (${bulkRuns} for bulk), interleaved, a fresh process each`);
      await start();
      await inspect(copies[0], passwordFile);
      await bulk(copies, passwordFile);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
