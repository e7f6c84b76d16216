// Where a build's eID card support is found, and how its absence is worded, for every system.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { addonFolder, cardSupportBinary, cardSupportTargets, findCardSupport, systemTarget } from '../../../src/eid/addon';
import { CardSupportMissing } from '../../../src/eid/errors';
import { openMiddleware } from '../../../src/eid/middleware';
import { errorFace, errorMessage } from '../../../src/faces/errors';
import { ExitCode } from '../../../src/faces/exitCodes';

describe('eID card support (the pkcs11js addon)', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'addon-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A pkcs11js folder with its binary, as a build leaves it. */
  function plant(folder: string): string {
    mkdirSync(path.join(folder, 'build', 'Release'), { recursive: true });
    writeFileSync(path.join(folder, 'build', 'Release', 'pkcs11.node'), '');
    return folder;
  }

  it('names systems as VS Code’s platform-specific extensions do', () => {
    assert.equal(systemTarget('win32', 'x64'), 'win32-x64');
    assert.equal(systemTarget('darwin', 'arm64'), 'darwin-arm64');
    assert.equal(systemTarget('linux', 'arm64'), 'linux-arm64');
    assert.deepEqual([...cardSupportTargets].sort(), ['darwin-arm64', 'darwin-x64', 'linux-arm64', 'linux-x64', 'win32-x64']);
  });

  it('finds the addon of the asked system beside the bundle or up to two folders above, as dist/ and dist/cli/ need', () => {
    const dist = path.join(root, 'package', 'dist');
    const windows = plant(addonFolder(dist, 'win32-x64'));
    plant(addonFolder(dist, 'darwin-arm64'));
    assert.equal(findCardSupport(dist, 'win32-x64'), windows);
    assert.equal(findCardSupport(path.join(dist, 'cli'), 'win32-x64'), windows);
    assert.equal(cardSupportBinary(path.join(dist, 'cli'), 'win32-x64'), path.join(windows, 'build', 'Release', 'pkcs11.node'));
    assert.equal(findCardSupport(path.join(dist, 'cli', 'a', 'b'), 'win32-x64'), undefined, 'never further up than two folders');
    assert.equal(findCardSupport(dist, 'linux-arm64'), undefined, 'another system’s addon is not this one’s');
  });

  it('takes the build’s addon before a node_modules one, and node_modules when run from the sources', () => {
    const checkout = path.join(root, 'checkout');
    const installed = plant(path.join(checkout, 'node_modules', 'pkcs11js'));
    assert.equal(findCardSupport(path.join(checkout, 'src', 'eid'), 'linux-x64'), installed);
    const built = plant(addonFolder(path.join(checkout, 'src'), 'linux-x64'));
    assert.equal(findCardSupport(path.join(checkout, 'src', 'eid'), 'linux-x64'), built);
  });

  it('a folder without the binary is not card support (a half-copied addon)', () => {
    mkdirSync(addonFolder(root, 'linux-x64'), { recursive: true });
    writeFileSync(path.join(addonFolder(root, 'linux-x64'), 'index.js'), '');
    assert.equal(findCardSupport(root, 'linux-x64'), undefined);
  });

  it('the engine refuses before it looks for the middleware, which it could not use anyway', async () => {
    await assert.rejects(openMiddleware({ addonFrom: root, modulePath: '/nowhere/libbeidpkcs11.so.0' }), (error: unknown) => {
      assert.ok(error instanceof CardSupportMissing);
      assert.equal(error.target, systemTarget());
      return true;
    });
  });

  it('words each case with what to install, in every language, exit 26', () => {
    assert.equal(errorFace(new CardSupportMissing('win32-x64', true))?.exit, ExitCode.cardSupportMissing);
    const missing = errorMessage(new CardSupportMissing('win32-x64', true), 'en');
    assert.match(missing, /no eID card support for win32-x64/);
    assert.match(missing, /Install the package built for win32-x64: .*ehealth-certificates-win32-x64-\*\.vsix/);
    const broken = errorMessage(new CardSupportMissing('darwin-arm64', true, 'slice is not valid mach-o file'), 'fr');
    assert.match(broken, /ne peut pas être chargée sur darwin-arm64 \(slice is not valid mach-o file\)/);
    assert.match(broken, /Installez le paquet construit pour darwin-arm64/);
    // No package to point at: say which systems have one, and nothing about installing.
    const unreleased = errorMessage(new CardSupportMissing('win32-arm64', false), 'nl');
    assert.match(unreleased, /nog geen eID-kaartondersteuning voor win32-arm64 \(beschikbaar voor win32-x64, darwin-arm64, darwin-x64, linux-x64, linux-arm64\)/);
    assert.doesNotMatch(unreleased, /Installeer/);
    for (const language of ['fr', 'nl', 'en', 'de'] as const) assert.doesNotMatch(errorMessage(new CardSupportMissing('linux-arm64', true), language), /eid\.belgium\.be|\{|\}/);
  });
});
