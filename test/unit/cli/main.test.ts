import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { ExitCode } from '../../../src/faces/exitCodes';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ehealth command line', () => {
  it('lists every verb group in its help', async () => {
    const { code, out } = await run('--help');
    assert.equal(code, ExitCode.ok);
    for (const group of ['keystore', 'eid', 'cert', 'sandbox', 'guides']) assert.match(out, new RegExp(`^  ${group} `, 'm'));
  });

  it('prints its version', async () => {
    const { code, out } = await run('--version');
    assert.equal(code, ExitCode.ok);
    assert.match(out.split('\n')[0], /^ehealth \d+\.\d+\.\d+$/);
  });

  it('rejects unknown groups, verbs and options with a usage error, without a stack trace', async () => {
    for (const argv of [['frobnicate'], ['keystore', 'frobnicate'], ['keystore', 'list', '--frobnicate']]) {
      const { code, err } = await run(...argv);
      assert.equal(code, ExitCode.usage, argv.join(' '));
      assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
    }
  });

  it('speaks the language asked with --lang', async () => {
    const { err } = await run('--lang', 'nl', 'frobnicate');
    assert.match(err, /Onbekende opdrachtgroep/);
  });

  it('lists keystores as JSON, the same model as the tree', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cli-list-'));
    try {
      writeFileSync(path.join(folder, 'SSIN=79021802145 20230823-085751.acc-p12'), Buffer.alloc(100, 1));
      const { code, out } = await run('keystore', 'list', folder, '--json');
      assert.equal(code, ExitCode.ok);
      const listing = JSON.parse(out);
      assert.equal(listing.folders[0].path, folder);
      assert.deepEqual(listing.folders[0].keystores[0].holder, { type: 'SSIN', id: '79021802145' });
      assert.equal(listing.folders[0].keystores[0].environment, 'acceptance');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
