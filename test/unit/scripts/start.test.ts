import * as assert from 'node:assert/strict';
import { codeServerOptions } from '../../../scripts/start';
import { codeServerArguments, type RunFolders } from '../../vscode/codeServer';

describe('npm start', () => {
  const tools = { codeServerEntry: '/opt/code-server/out/node/entry.js' };
  const folders: RunFolders = { root: '/r', home: '/r/home', userData: '/r/user-data', extensions: '/r/extensions', logs: '/r/logs' };

  it('starts code-server without the smoke-test driver, which would hide every notification from the person using it', () => {
    const args = codeServerArguments(tools, folders, 8080, codeServerOptions(8080));
    assert.ok(args.includes('127.0.0.1:8080'), args.join(' '));
    assert.ok(!args.some((arg) => arg.includes('smoke-test')), args.join(' '));
  });

  it('the test harness alone asks for it', () => {
    const args = codeServerArguments(tools, folders, 8080, { smokeTestDriver: true });
    assert.deepEqual(args.slice(args.indexOf('--vscode-option'), args.indexOf('--vscode-option') + 2), ['--vscode-option', 'enable-smoke-test-driver']);
  });
});
