// The engine's reading of keystore files on real file-system objects: codes, not words.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { KeystoreError } from '../../../src/keystore/errors';
import { readKeystoreFile } from '../../../src/keystore/keystoreFileAccess';
import { maxKeystoreBytes } from '../../../src/keystore/pkcs12/limits';

async function codeOf(file: string): Promise<string> {
  const error = await readKeystoreFile(file).then(
    () => assert.fail(`${file} was read`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof KeystoreError, String(error));
  return error.code;
}

describe('reading keystore files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'keystore-access-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each kind of non-file its own code', async () => {
    const fifo = path.join(dir, 'pipe.p12');
    execFileSync('mkfifo', [fifo]);
    assert.equal(await codeOf(fifo), 'is-fifo');
    assert.equal(await codeOf('/dev/zero'), 'is-device');
    assert.equal(await codeOf(dir), 'is-directory');
    assert.equal(await codeOf(path.join(dir, 'absent.p12')), 'not-found');
  });

  it('reads exactly the limit, refuses one byte more', async () => {
    const limit = path.join(dir, 'limit.p12');
    writeFileSync(limit, Buffer.alloc(maxKeystoreBytes, 7));
    assert.equal((await readKeystoreFile(limit)).length, maxKeystoreBytes);
    writeFileSync(limit, Buffer.alloc(maxKeystoreBytes + 1, 7));
    assert.equal(await codeOf(limit), 'too-large');
  });

  it('reads a file that holds more than its size says (a /proc file: size 0, content on read)', async () => {
    assert.deepEqual(Buffer.from(await readKeystoreFile('/proc/version')), readFileSync('/proc/version'));
  });
});
