// `npm run test:portable`: the unit and integration tests that run on each platform a release is built
// on (the release workflow's matrix: Linux, macOS and Windows, x64 and arm64), with the tools that
// workflow installs there. Every test file runs unless a rule below says what it needs that this
// platform lacks; the tests left out here run in the full suite (`npm test`, Linux), never skipped.
//   node scripts/test-portable.mjs [--platform linux|darwin|win32] [--list]
// --list prints the chosen files instead of running them; --platform shows another platform's choice.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What each platform's release job provides beyond Node, OpenSSL 3 (with -legacy) and a JDK
 * (keytool, java), which every job has. Linux and macOS: SoftHSM2, OpenSC and the C compiler that
 * make the virtual eID (apt, Homebrew); Windows: no package manager installs SoftHSM2 there.
 */
const provided = {
  linux: ['virtual-eid', 'python3', 'posix', 'procfs'],
  darwin: ['virtual-eid', 'python3', 'posix'],
  win32: [],
};

/**
 * Test files (or folders) that need more than Node, OpenSSL and a JDK. A need that no platform
 * provides above is one of the full suite's Debian tools: those tests run in `npm test` alone.
 */
const rules = [
  {
    need: 'virtual-eid',
    why: 'the virtual eID card: SoftHSM2, OpenSC pkcs11-tool and a C compiler (tools/virtual-eid)',
    tests: [
      'test/integration/eid/',
      'test/integration/procedures/',
      'test/integration/cli/answers.test.ts',
      'test/integration/cli/environment.test.ts',
      'test/integration/cli/etk.test.ts',
      'test/integration/cli/export.test.ts',
      'test/integration/cli/json.test.ts',
      'test/integration/keystore/officialPending.test.ts',
      // `npm start`'s options: scripts/start.ts, which it loads, builds a virtual eID for code-server.
      'test/unit/scripts/start.test.ts',
    ],
  },
  {
    need: 'xml-tools',
    why: 'xmllint and xmlsec1 check the SOAP messages against the XSDs and their XML signatures',
    tests: [
      'test/integration/protocol/',
      'test/integration/procedures/cli.test.ts',
      'test/integration/ra/requests.test.ts',
      'test/integration/sandbox/certra.test.ts',
      'test/integration/sandbox/citizenInfo.test.ts',
      'test/integration/sandbox/lifecycle.test.ts',
      'test/integration/sandbox/manualValidation.test.ts',
      'test/integration/sandbox/misbehaviour.test.ts',
      'test/integration/keystore/check.test.ts',
    ],
  },
  {
    need: 'keystore-writers',
    why: "Debian's BouncyCastle (libbcprov-java) and Python cryptography write the keystores these read",
    tests: ['test/integration/keystore/interop/', 'test/integration/keystore/foreign.test.ts', 'test/integration/keystore/emptyPassword.test.ts'],
  },
  {
    need: 'shells',
    why: "zsh and fish run the CLI's completion scripts",
    tests: ['test/integration/cli/help.test.ts'],
  },
  {
    need: 'python3',
    why: "Python 3: its pty module plays a person at a terminal (test/integration/terminal.ts), /usr/bin/python3's HTML parser is an oracle",
    tests: [
      'test/integration/cli/answers.test.ts',
      'test/integration/cli/export.test.ts',
      'test/integration/eid/cardWait.test.ts',
      'test/integration/eid/lastTry.test.ts',
      'test/integration/keystore/hostileInputs.test.ts',
      'test/integration/procedures/organisation.test.ts',
      'test/integration/procedures/pinAndPassword.test.ts',
      'test/unit/procedures/contractHtml.test.ts',
    ],
  },
  {
    need: 'posix',
    why: 'POSIX file modes and symbolic links, a graceful SIGTERM, /bin/sh, /dev, HOME as the home folder, or npm run as a program (npm.cmd on Windows)',
    tests: [
      'test/integration/cli.test.ts',
      'test/integration/cli/install.test.ts',
      'test/integration/keystore/fileSafety.test.ts',
      'test/integration/keystore/hostileInputs.test.ts',
      'test/integration/ra/trace.test.ts',
      'test/integration/sandbox/cli.test.ts',
      'test/unit/cli/commandLine.test.ts',
      'test/unit/keystore/locate.test.ts',
      'test/unit/platform/durableFile.test.ts',
    ],
  },
  {
    need: 'procfs',
    why: "Linux's /proc (a file whose size says 0)",
    tests: ['test/unit/keystore/keystoreFileAccess.test.ts'],
  },
];

/** Every unit and integration test file, as paths from the root with forward slashes. */
function allTests() {
  return ['test/unit', 'test/integration']
    .flatMap((folder) => readdirSync(path.join(root, folder), { recursive: true }).map((file) => `${folder}/${String(file).split(path.sep).join('/')}`))
    .filter((file) => file.endsWith('.test.ts'))
    .sort();
}

const matches = (file, test) => (test.endsWith('/') ? file.startsWith(test) : file === test);

/** The test files `platform` runs, and those it leaves out with the needs it lacks. */
export function portableTests(platform) {
  const has = provided[platform];
  if (!has) throw new Error(`no rule for platform ${platform}: one of ${Object.keys(provided).join(', ')}`);
  for (const test of rules.flatMap((rule) => rule.tests)) {
    if (!existsSync(path.join(root, test))) throw new Error(`a rule names ${test}, which does not exist: update scripts/test-portable.mjs`);
  }
  const chosen = [];
  const leftOut = [];
  for (const file of allTests()) {
    const lacking = rules.filter((rule) => !has.includes(rule.need) && rule.tests.some((test) => matches(file, test)));
    if (lacking.length) leftOut.push({ file, lacking });
    else chosen.push(file);
  }
  return { chosen, leftOut };
}

function main(args) {
  const at = args.indexOf('--platform');
  const platform = at >= 0 ? args[at + 1] : process.platform;
  const { chosen, leftOut } = portableTests(platform);
  if (args.includes('--list')) {
    for (const file of chosen) console.log(file);
    return 0;
  }
  console.log(`test:portable on ${platform}: ${chosen.length} test files; ${leftOut.length} left to the full suite:`);
  for (const { file, lacking } of leftOut) console.log(`  ${file} (${lacking.map((rule) => rule.why).join('; ')})`);
  const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
  return spawnSync(process.execPath, [mocha, ...chosen], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
