// scripts/test-portable.mjs: which tests each release platform runs (npm run test:portable).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Choice {
  chosen: string[];
  leftOut: { file: string }[];
}
const load = async () =>
  (await import(pathToFileURL(path.resolve(__dirname, '..', '..', '..', 'scripts', 'test-portable.mjs')).href)) as { portableTests(platform: string): Choice };

describe('test:portable', () => {
  it('runs the keystore engine everywhere, the virtual eID on Linux and macOS only', async () => {
    const { portableTests } = await load();
    const [linux, darwin, win32] = ['linux', 'darwin', 'win32'].map((platform) => portableTests(platform).chosen);
    for (const chosen of [linux, darwin, win32]) {
      assert.ok(chosen.includes('test/integration/keystore/read.test.ts'));
      assert.ok(chosen.includes('test/unit/release/testPortable.test.ts'), 'a test no rule names runs everywhere');
    }
    for (const chosen of [linux, darwin]) assert.ok(chosen.includes('test/integration/eid/card.test.ts'));
    assert.deepEqual(win32.filter((file) => file.startsWith('test/integration/eid/') || file.startsWith('test/integration/procedures/')), []);
    assert.ok(linux.includes('test/unit/keystore/keystoreFileAccess.test.ts') && !darwin.includes('test/unit/keystore/keystoreFileAccess.test.ts'), '/proc on Linux only');
  });

  it("leaves the Debian tools' tests (xmllint, xmlsec1, zsh, fish...) to the full suite on every platform", async () => {
    const { portableTests } = await load();
    for (const platform of ['linux', 'darwin', 'win32']) {
      const { chosen, leftOut } = portableTests(platform);
      assert.ok(!chosen.some((file) => file.startsWith('test/integration/protocol/') || file === 'test/integration/cli/help.test.ts'), platform);
      assert.ok(leftOut.length > 0 && leftOut.every(({ file }) => !chosen.includes(file)));
    }
  });

  it('refuses a platform it has no rule for', async () => {
    const { portableTests } = await load();
    assert.throws(() => portableTests('aix'), /no rule for platform aix/);
  });
});
