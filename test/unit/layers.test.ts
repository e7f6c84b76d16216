// The layer rules of eslint.config.mjs, checked by linting imports that break them (and some that
// keep them): a rule that never fires would let the layers leak silently.
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layers (ESLint import rules)', function () {
  this.timeout(60_000);

  // [file, import, refused?]
  const cases: [string, string, boolean][] = [
    ['src/core/probe.ts', "export { x } from '../keystore/model';", true],
    ['src/core/probe.ts', "export { x } from '@peculiar/x509';", true],
    ['src/platform/probe.ts', "export { x } from 'proper-lockfile';", true],
    ['src/pki/probe.ts', "export { x } from '../ra/model';", true],
    ['src/eid/probe.ts', "export { x } from '../keystore/model';", true],
    ['src/keystore/pkcs12/probe.ts', "export { x } from '../../procedures/open';", true],
    ['src/ra/probe.ts', "export { x } from '../i18n';", true],
    ['src/ra/probe.ts', "export { x } from '../faces/errors';", true],
    ['src/procedures/probe.ts', "export { x } from '../cli/main';", true],
    ['src/procedures/probe.ts', "export { x } from '../sandbox/server';", true],
    ['src/procedures/probe.ts', "export { x } from 'vscode';", true],
    ['src/guides/probe.ts', "export { x } from '../vscode/errors';", true],
    ['src/faces/probe.ts', "export { x } from '../cli/main';", true],
    ['src/cli/probe.ts', "export { x } from '../vscode/errors';", true],
    ['src/vscode/commands/probe.ts', "export { x } from '../../cli/main';", true],
    ['src/sandbox/probe.ts', "export { x } from '../ra/model';", true],
    ['src/sandbox/handlers/probe.ts', "export { x } from '../../core/holder';", true],
    ['src/webview/probe.ts', "export { x } from '../keystore/model';", true],
    ['src/core/probe.ts', "export { x } from './holder';", false],
    ['src/keystore/pkcs12/probe.ts', "export { x } from '../../core/holder';", false],
    ['src/procedures/probe.ts', "export { x } from '../ra/model';", false],
    ['src/vscode/commands/probe.ts', "export { x } from '../../procedures/open';", false],
    ['src/vscode/commands/probe.ts', "export { x } from 'vscode';", false],
    ['src/cli/probe.ts', "export { x } from '../sandbox/server';", false],
    ['src/sandbox/handlers/probe.ts', "export { x } from '../../protocol/namespaces';", false],
  ];
  for (const [file, source, refused] of cases) {
    it(`${refused ? 'refuses' : 'allows'} in ${file}: ${source}`, async () => {
      const found = await refusals(file, source);
      assert.equal(found.length > 0, refused, found.join('; '));
    });
  }
});
