import * as assert from 'node:assert/strict';
import manifest from '../../../package.json';
import { settingKeys } from '../../../src/vscode/settingKeys';

describe('setting keys', () => {
  it("are exactly the settings package.json contributes (one name for each, declared once)", () => {
    assert.deepEqual([...settingKeys].sort(), Object.keys(manifest.contributes.configuration.properties).sort());
  });
});
