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

  const refused: [string, string][] = [
    ['src/core/probe.ts', "export { x } from '../keystore/model';"],
    ['src/core/probe.ts', "export { x } from '@peculiar/x509';"],
    ['src/platform/probe.ts', "export { x } from 'proper-lockfile';"],
    ['src/pki/probe.ts', "export { x } from '../ra/model';"],
    ['src/eid/probe.ts', "export { x } from '../keystore/model';"],
    ['src/keystore/pkcs12/probe.ts', "export { x } from '../../procedures/open';"],
    ['src/ra/probe.ts', "export { x } from '../i18n';"],
    ['src/ra/probe.ts', "export { x } from '../faces/errors';"],
    ['src/procedures/probe.ts', "export { x } from '../cli/main';"],
    ['src/procedures/probe.ts', "export { x } from '../sandbox/server';"],
    ['src/procedures/probe.ts', "export { x } from 'vscode';"],
    ['src/guides/probe.ts', "export { x } from '../vscode/errors';"],
    ['src/faces/probe.ts', "export { x } from '../cli/main';"],
    ['src/cli/probe.ts', "export { x } from '../vscode/errors';"],
    ['src/vscode/commands/probe.ts', "export { x } from '../../cli/main';"],
    ['src/sandbox/probe.ts', "export { x } from '../ra/model';"],
    ['src/sandbox/handlers/probe.ts', "export { x } from '../../core/holder';"],
    ['src/webview/probe.ts', "export { x } from '../keystore/model';"],
  ];
  for (const [file, source] of refused) {
    it(`refuses in ${file}: ${source}`, async () => {
      assert.notDeepEqual(await refusals(file, source), []);
    });
  }

  const kept: [string, string][] = [
    ['src/core/probe.ts', "export { x } from './holder';"],
    ['src/keystore/pkcs12/probe.ts', "export { x } from '../../core/holder';"],
    ['src/procedures/probe.ts', "export { x } from '../ra/model';"],
    ['src/vscode/commands/probe.ts', "export { x } from '../../procedures/open';"],
    ['src/vscode/commands/probe.ts', "export { x } from 'vscode';"],
    ['src/cli/probe.ts', "export { x } from '../sandbox/server';"],
    ['src/sandbox/handlers/probe.ts', "export { x } from '../../protocol/namespaces';"],
  ];
  for (const [file, source] of kept) {
    it(`allows in ${file}: ${source}`, async () => {
      assert.deepEqual(await refusals(file, source), []);
    });
  }
});
