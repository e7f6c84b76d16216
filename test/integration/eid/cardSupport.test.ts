// A build without eID card support (the universal package, or another system's addon): the CLI's
// folder copied alone, as the universal build and an npm install for another system leave it. The eID
// verbs blame the build and name the package to install (never the eID software), the keystore verbs
// work; with this system's addon beside it, as the npm package lays it out, the card is read.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { addonFolder, systemTarget } from '../../../src/eid/addon';
import { ExitCode } from '../../../src/faces/exitCodes';
import { realKeystorePath, realPassword } from '../../unit/keystore/fixtures';
import { repositoryRoot, virtualCard } from './virtualCards';


const target = systemTarget();
const builtAddon = addonFolder(path.join(repositoryRoot, 'dist'), target);

describe('a build without eID card support', function () {
  this.timeout(90_000);
  let build: string;

  before(() => {
    execFileSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'build.mjs')], { cwd: repositoryRoot, stdio: 'pipe' });
    build = mkdtempSync(path.join(tmpdir(), 'ehealth-no-card-support-'));
    cpSync(path.join(repositoryRoot, 'dist', 'cli'), path.join(build, 'cli'), { recursive: true });
  });
  after(() => rmSync(build, { recursive: true, force: true }));
  afterEach(() => rmSync(path.join(build, 'addons'), { recursive: true, force: true }));

  /** The copied CLI, run as bin/ehealth.js runs it. */
  function ehealth(args: string[], env: NodeJS.ProcessEnv = {}) {
    const entry = JSON.stringify(pathToFileURL(path.join(build, 'cli', 'main.mjs')).href);
    const script = `import(${entry}).then((cli) => cli.main(${JSON.stringify(args)})).then((code) => { process.exitCode = code; })`;
    return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: build, env: { ...process.env, EHEALTH_LANG: 'en', ...env } });
  }

  it('eid info blames the build, names the package for this system and never the eID software, even with a working middleware', async () => {
    const eid = await virtualCard('rsa');
    const result = ehealth(['eid', 'info', '--module', eid.modulePath]);
    assert.equal(result.status, ExitCode.cardSupportMissing, result.stderr);
    assert.match(result.stderr, new RegExp(`no eID card support for ${target}: keystores, guides and the sandbox work`));
    assert.match(result.stderr, new RegExp(`ehealth-certificates-${target}-\\*\\.vsix`));
    assert.match(result.stderr, /npm install -g ehealth-certificates/);
    assert.doesNotMatch(result.stderr, /eid\.belgium\.be|middleware/i);
    const json = ehealth(['eid', 'info', '--module', eid.modulePath, '--json', '--lang', 'fr']);
    assert.equal(json.status, ExitCode.cardSupportMissing);
    const { error } = JSON.parse(json.stdout);
    assert.equal(error.code, 'eid/card-support-missing');
    assert.match(error.message, /n’a pas de prise en charge de la carte eID/);
  });

  it('the keystore verbs work without it', () => {
    const result = ehealth(['keystore', 'inspect', realKeystorePath, '--password-env', 'PW', '--json'], { PW: realPassword });
    assert.equal(result.status, ExitCode.ok, result.stderr);
    assert.equal(JSON.parse(result.stdout).holder.id, '79021802145');
  });

  it('reads the card with this system’s addon beside the CLI, where the npm package puts each system’s', async () => {
    cpSync(builtAddon, addonFolder(build, target), { recursive: true });
    const eid = await virtualCard('rsa');
    const result = ehealth(['eid', 'info', '--module', eid.modulePath, '--json']);
    assert.equal(result.status, ExitCode.ok, result.stderr);
    assert.equal(JSON.parse(result.stdout).card.label, 'BELPIC');
  });

  it('another system’s addon is not card support for this one', async () => {
    const other = target === 'win32-x64' ? 'linux-x64' : 'win32-x64';
    cpSync(builtAddon, addonFolder(build, other), { recursive: true });
    const eid = await virtualCard('rsa');
    const result = ehealth(['eid', 'info', '--module', eid.modulePath]);
    assert.equal(result.status, ExitCode.cardSupportMissing, result.stderr);
  });

  it('an addon that cannot load (damaged, or built for another system or Node.js) says why, and what to install', async () => {
    const folder = addonFolder(build, target);
    cpSync(builtAddon, folder, { recursive: true });
    mkdirSync(path.join(folder, 'build', 'Release'), { recursive: true });
    writeFileSync(path.join(folder, 'build', 'Release', 'pkcs11.node'), 'not a shared library');
    const eid = await virtualCard('rsa');
    const result = ehealth(['eid', 'info', '--module', eid.modulePath, '--lang', 'de']);
    assert.equal(result.status, ExitCode.cardSupportMissing, result.stderr);
    assert.match(result.stderr, new RegExp(`Die eID-Kartenunterstützung dieser Version kann auf ${target} nicht geladen werden \\(.*pkcs11\\.node: (file too short|invalid ELF header)`));
    assert.match(result.stderr, new RegExp(`Installieren Sie das Paket für ${target}`));
  });
});
