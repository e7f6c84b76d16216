// The built `ehealth` launcher, run as a user runs it (a separate Node process on the bundle).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const launcher = path.join(root, 'bin', 'ehealth.js');
const realKeystore = path.join(root, 'test', 'fixtures', 'keystores', 'SSIN=79021802145 20230823-085751.acc-p12');

function ehealth(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('ehealth launcher (built bundle)', () => {
  before(() => {
    assert.ok(existsSync(path.join(root, 'dist', 'cli', 'main.mjs')), 'dist/cli/main.mjs is missing: run "npm run build" first');
  });

  it('answers --help with the verb groups', () => {
    const result = ehealth(['--help']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /keystore[\s\S]*eid[\s\S]*cert[\s\S]*sandbox[\s\S]*guides/);
  });

  it('lists the default folder and folders from EHEALTH_KEYSTORE_FOLDERS', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cli-home-'));
    const extra = mkdtempSync(path.join(os.tmpdir(), 'cli-extra-'));
    try {
      cpSync(realKeystore, path.join(extra, path.basename(realKeystore)));
      const result = ehealth(['keystore', 'list', '--json'], { HOME: home, EHEALTH_KEYSTORE_FOLDERS: extra });
      assert.equal(result.status, 0, result.stderr);
      const listing = JSON.parse(result.stdout);
      assert.deepEqual(
        listing.folders.map((folder: { origin: string; state: string }) => [folder.origin, folder.state]),
        [['default', 'missing'], ['configured', 'ok']],
      );
      assert.equal(listing.folders[1].keystores[0].sizeBytes, 12162);
    } finally {
      rmSync(home, { recursive: true, force: true });
      rmSync(extra, { recursive: true, force: true });
    }
  });

  it('lists the sandbox folder only once it exists, under its group\'s name', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cli-home-'));
    try {
      const empty = ehealth(['keystore', 'list'], { HOME: home, EHEALTH_KEYSTORE_FOLDERS: '', EHEALTH_LANG: 'en' });
      assert.equal(empty.status, 0, empty.stderr);
      assert.doesNotMatch(empty.stdout, /sandbox/i);
      const sandbox = path.join(home, 'ehealth', 'sandbox');
      mkdirSync(sandbox, { recursive: true });
      cpSync(realKeystore, path.join(sandbox, 'SSIN=79021802145 20261202-101010.sandbox-p12'));
      const rehearsed = ehealth(['keystore', 'list'], { HOME: home, EHEALTH_KEYSTORE_FOLDERS: '', EHEALTH_LANG: 'en' });
      assert.ok(rehearsed.stdout.split('\n').includes(`Sandbox (rehearsals): ${sandbox}  (1 keystore)`), rehearsed.stdout);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('prints French when LANG says so', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cli-home-'));
    try {
      const result = ehealth(['keystore', 'list'], { HOME: home, LANG: 'fr_BE.UTF-8', LC_ALL: '', EHEALTH_LANG: '' });
      assert.match(result.stdout, /Aucun keystore trouvé/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('sandbox approve --url at an address where no sandbox runs: names the address and the fix, in the user\'s words', async () => {
    // A port just freed: nothing listens there.
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    for (const [url, status] of [[`http://127.0.0.1:${port}`, 1], [`127.0.0.1:${port}`, 2]] as const) {
      const result = ehealth(['sandbox', 'approve', 'abcdef0123', '--url', url], { EHEALTH_LANG: 'fr' });
      assert.equal(result.status, status, result.stderr);
      assert.equal(result.stderr.trim(), `ehealth: ${url} n’est pas l’adresse d’un bac à sable en marche\u00a0: démarrez-en un avec \`ehealth sandbox serve\` et donnez l’adresse qu’il affiche, ou omettez --url pour inscrire la décision dans son dossier de données.`);
    }
  });
});
