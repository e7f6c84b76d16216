// The client's one durable-write helper: a new file only (never an existing one, never through a
// symbolic link), and a temporary file that takes its name only once written, gone afterwards.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, promises as fs, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isTemporaryFileOf, writeDurably, writeThroughTemporary } from '../../../src/platform/durableFile';

describe('durable files', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'durable-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writeDurably creates a new file with the mode asked for, and refuses an existing file', async () => {
    const file = path.join(folder, 'out.txt');
    await writeDurably(file, 'first', 0o600);
    assert.equal(readFileSync(file, 'utf8'), 'first');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    await assert.rejects(writeDurably(file, 'second'), { code: 'EEXIST' });
    assert.equal(readFileSync(file, 'utf8'), 'first');
  });

  it('writeDurably never writes through a symbolic link, even one pointing nowhere', async () => {
    const target = path.join(folder, 'elsewhere.txt');
    const link = path.join(folder, 'link.txt');
    symlinkSync(target, link);
    await assert.rejects(writeDurably(link, 'planted'), { code: 'EEXIST' });
    assert.equal(existsSync(target), false);
  });

  it('writeThroughTemporary hands the written temporary file to `place`, returns its answer and leaves no temporary file', async () => {
    const file = path.join(folder, 'result.bin');
    const placed = await writeThroughTemporary(file, Buffer.from('content'), 0o644, async (temporary) => {
      assert.equal(path.dirname(temporary), folder);
      assert.ok(isTemporaryFileOf(file, path.basename(temporary)));
      assert.equal(readFileSync(temporary, 'utf8'), 'content');
      await fs.link(temporary, file);
      return 'linked';
    });
    assert.equal(placed, 'linked');
    assert.deepEqual(readdirSync(folder), ['result.bin']);
  });

  it('writeThroughTemporary removes the temporary file when `place` fails, and the target stays as it was', async () => {
    const file = path.join(folder, 'kept.txt');
    writeFileSync(file, 'before');
    await assert.rejects(
      writeThroughTemporary(file, Buffer.from('after'), 0o600, (temporary) => fs.link(temporary, file)),
      { code: 'EEXIST' },
    );
    assert.deepEqual(readdirSync(folder), ['kept.txt']);
    assert.equal(readFileSync(file, 'utf8'), 'before');
  });
});
