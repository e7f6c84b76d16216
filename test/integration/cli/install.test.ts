// The package as npm users get it: packed (prepack builds it), installed from the tarball into an
// empty folder, run with npx, without VS Code and without any other package.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { version } from '../../../package.json';
import { realKeystorePath, realPassword } from '../../unit/keystore/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
/** Nothing asked, nothing reported home: the same in CI and on a laptop. */
const quiet = ['--no-audit', '--no-fund', '--no-update-notifier'];

describe('the npm package', function () {
  this.timeout(300_000);
  let dir: string;
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('packs, installs from its tarball into an empty folder with nothing else, and runs with npx', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-install-'));
    const npm = (cwd: string, ...args: string[]) => execFileSync('npm', [...quiet, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EHEALTH_LANG: 'en', PW: realPassword } });
    const [packed] = JSON.parse(npm(root, 'pack', '--json', '--pack-destination', dir));
    const files: string[] = packed.files.map((file: { path: string }) => file.path);
    for (const needed of ['bin/ehealth.js', 'dist/cli/main.mjs', 'dist/cli/l10n/bundle.l10n.fr.json', 'dist/cli/kdfWorker.js', 'dist/cli/pkcs11Worker.js', `dist/addons/${process.platform}-${process.arch}/pkcs11js/build/Release/pkcs11.node`, 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      assert.ok(files.includes(needed), `${needed} is in the package`);
    }
    // The extension, its sources, tests and source maps stay out.
    assert.deepEqual(files.filter((file) => /^(src|test|media)\/|\.map$|^dist\/extension\.js$/.test(file)), []);

    const project = path.join(dir, 'project');
    mkdirSync(project);
    const install = spawnSync('npm', [...quiet, 'install', path.join(dir, packed.filename)], { cwd: project, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    // Nothing runs at install: no script for npm to run or to ask about (a build script there would fail).
    assert.doesNotMatch(install.stderr, /install.scripts/i);
    // The bundle is self-contained: npm installed no other package.
    assert.deepEqual(readdirSync(path.join(project, 'node_modules')).filter((name) => !name.startsWith('.')), ['ehealth-certificates']);

    const versionText = npm(project, 'exec', '--no', '--', 'ehealth', '--version');
    assert.match(versionText, new RegExp(`^ehealth ${version.replace(/\./g, '\\.')}$`, 'm'));
    // The eID addon shipped beside the bundle is found where the installed CLI looks for it.
    assert.match(versionText, new RegExp(`^eID addon: .*node_modules/ehealth-certificates/dist/addons/${process.platform}-${process.arch}/pkcs11js/`, 'm'));
    const inspected = JSON.parse(npm(project, 'exec', '--no', '--', 'ehealth', 'keystore', 'inspect', realKeystorePath, '--password-env', 'PW', '--json'));
    assert.equal(inspected.holder.id, '79021802145');
    assert.equal(inspected.environment, 'acceptance');
    assert.ok(inspected.entries.some((entry: { kind: string }) => entry.kind === 'encryption'), 'the ETK is listed (the key derivation worker ran)');
  });
});
