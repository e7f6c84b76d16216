// `ehealth sandbox serve` as users run it: built bundle, free port, temporary data folder; it
// prints its URL first, answers a request, keeps its CA key private and stops on SIGTERM.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { getGenericOrganizationTypes } from '../../../src/ra/certra';
import { RaClient } from '../../../src/ra/client';
import { endpoints } from '../../../src/ra/endpoints';

const root = join(__dirname, '..', '..', '..');

describe('ehealth sandbox serve (CLI)', function () {
  this.timeout(60_000);
  let data: string;

  before(() => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    data = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
  });
  after(() => rmSync(data, { recursive: true, force: true }));

  it('prints its URL as the first line, answers, and stops on SIGTERM', async () => {
    const child = spawn('node', ['bin/ehealth.js', 'sandbox', 'serve', '--port', '0', '--data', data, '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = JSON.parse((await lines.next()).value as string) as { url: string };
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);

    const client = new RaClient({ endpoints: endpoints({ baseUrl: first.url }), timeoutMs: 10_000 });
    const types = await client.call(getGenericOrganizationTypes, undefined);
    assert.ok(types.length > 10);
    assert.equal(statSync(join(data, 'issuing-ca-key.pem')).mode & 0o077, 0);
    assert.match(JSON.parse((await lines.next()).value as string).event, /GetGenericOrganizationTypes: ok/);

    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
