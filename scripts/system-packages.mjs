// The Debian packages `npm test`, `npm start` and the portable tests need, installed when missing
// (apt-get, as root or through sudo) with a line saying what and why. Off Debian, or without the
// right to install, it names the packages and goes on: the tests that need them then fail loudly,
// never skip.
//   node scripts/system-packages.mjs test|start|portable
import { execFileSync, spawnSync } from 'node:child_process';

const why = {
  chromium: 'drives the real VS Code (code-server) in the tests',
  'libkrb5-dev': "lets code-server build its native modules",
  softhsm2: 'the virtual eID card',
  opensc: 'pkcs11-tool, to load the virtual eID card',
  gcc: 'compiles our PKCS#11 test module',
  python3: 'node-gyp, to build the pkcs11js addon',
  make: 'node-gyp, to build the pkcs11js addon',
  'g++': 'node-gyp, to build the pkcs11js addon',
  openssl: 'cross-checks keystores and signatures',
  xmlsec1: 'verifies XML signatures',
  'libxml2-utils': 'xmllint, validates SOAP messages against the eHealth XSDs',
  'default-jdk-headless': 'keytool and java, cross-check keystores and the JDK\'s certificate names',
  'libbcprov-java': 'BouncyCastle, writes keystores the interop tests read and re-password',
  'python3-cryptography': 'Python cryptography, writes and re-reads keystores in the interop tests',
  zsh: "runs the CLI's zsh completion script in its tests",
  fish: "runs the CLI's fish completion script in its tests",
};

const needs = {
  test: ['python3', 'make', 'g++', 'chromium', 'libkrb5-dev', 'softhsm2', 'opensc', 'gcc', 'openssl', 'xmlsec1', 'libxml2-utils', 'libbcprov-java', 'python3-cryptography', 'zsh', 'fish'],
  start: ['python3', 'make', 'g++', 'libkrb5-dev', 'softhsm2', 'opensc', 'gcc', 'openssl'],
  // `npm run test:portable` on the release workflow's Ubuntu runners (scripts/test-portable.mjs).
  portable: ['python3', 'make', 'g++', 'softhsm2', 'opensc', 'gcc', 'openssl'],
};

const has = (command, args = ['--version']) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const installed = (name) => spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed');

export function ensureDebianPackages(purpose) {
  const wanted = [...needs[purpose]];
  // Any JDK will do (keytool, and `java File.java`, which needs the compiler a JRE lacks); install
  // one only when none is there.
  if (purpose !== 'start' && !(has('keytool', ['-help']) && has('javac', ['-version']))) wanted.push('default-jdk-headless');
  if (!has('dpkg-query', ['--version']) || !has('apt-get', ['--version'])) {
    console.log(`setup: not a Debian system; make sure these are installed: ${wanted.join(', ')}`);
    return;
  }
  const missing = wanted.filter((name) => !installed(name));
  if (!missing.length) {
    console.log(`setup: Debian packages present: ${wanted.join(' ')}`);
    return;
  }
  const root = process.getuid?.() === 0;
  const aptGet = root ? ['apt-get'] : has('sudo', ['-n', 'true']) ? ['sudo', '-n', 'apt-get'] : undefined;
  console.log('setup: installing Debian packages:');
  for (const name of missing) console.log(`  ${name} (${why[name]})`);
  if (!aptGet) {
    console.log(`setup: no permission to install them; run: sudo apt-get install ${missing.join(' ')}`);
    return;
  }
  const apt = (...args) => execFileSync(aptGet[0], [...aptGet.slice(1), ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', ...missing);
  console.log('setup: done');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const purpose = process.argv[2];
  if (!(purpose in needs)) {
    console.error('usage: node scripts/system-packages.mjs test|start|portable');
    process.exit(2);
  }
  ensureDebianPackages(purpose);
}
