import { strict as assert } from 'node:assert';
import { createHash, randomBytes } from 'node:crypto';
import { bmpPassword, pkcs12Kdf, KdfPurpose } from '../../../src/keystore/pkcs12/kdf';
import { iterateSha1 } from '../../../src/keystore/pkcs12/sha1';
import { iterateSha256 } from '../../../src/keystore/pkcs12/sha256';

/** RFC 7292 B.2 written the slow, obvious way, one native hash call per iteration. */
function referenceKdf(hash: string, password: Uint8Array, salt: Uint8Array, iterations: number, id: number, length: number): Buffer {
  const v = hash === 'sha512' ? 128 : 64;
  const repeat = (source: Uint8Array) => Buffer.from(Array.from({ length: v * Math.ceil(source.length / v) }, (_, i) => source[i % source.length]));
  let input = Buffer.concat([repeat(salt), repeat(password)]);
  const out: Buffer[] = [];
  let total = 0;
  while (total < length) {
    let a = createHash(hash).update(Buffer.alloc(v, id)).update(input).digest();
    for (let i = 1; i < iterations; i++) a = createHash(hash).update(a).digest();
    out.push(a);
    total += a.length;
    const b = BigInt(`0x${repeat(a).subarray(0, v).toString('hex')}`);
    const blocks: Buffer[] = [];
    for (let j = 0; j < input.length; j += v) {
      const sum = (BigInt(`0x${input.subarray(j, j + v).toString('hex')}`) + b + 1n) % (1n << BigInt(8 * v));
      blocks.push(Buffer.from(sum.toString(16).padStart(2 * v, '0'), 'hex'));
    }
    input = Buffer.concat(blocks);
  }
  return Buffer.concat(out).subarray(0, length);
}

describe('PKCS#12 key derivation', () => {
  for (const [hash, iterate] of [['sha1', iterateSha1], ['sha256', iterateSha256]] as const) {
    it(`iterates ${hash} exactly like repeated native hashing`, () => {
      let expected = createHash(hash).update('seed').digest();
      const state = new Int32Array(expected.length / 4);
      for (let i = 0; i < state.length; i++) state[i] = expected.readInt32BE(i * 4);
      for (let i = 0; i < 1234; i++) expected = createHash(hash).update(expected).digest();
      iterate(state, 1234);
      const actual = Buffer.alloc(expected.length);
      for (let i = 0; i < state.length; i++) actual.writeInt32BE(state[i], i * 4);
      assert.deepEqual(actual, expected);
    });
  }

  for (const [hash, length] of [['sha1', 24], ['sha1', 5], ['sha256', 32], ['sha512', 64]] as const) {
    it(`matches the reference for ${hash}, ${length} bytes (multi-block where longer than a digest)`, () => {
      const password = bmpPassword('pässwörd€1');
      const salt = randomBytes(20);
      for (const purpose of [KdfPurpose.key, KdfPurpose.iv, KdfPurpose.mac]) {
        const actual = pkcs12Kdf({ hash, password, salt, iterations: 77, purpose, length });
        assert.deepEqual(Buffer.from(actual), referenceKdf(hash, password, salt, 77, purpose, length));
      }
    });
  }

  it('encodes passwords as UTF-16BE with a terminating zero', () => {
    assert.deepEqual(Buffer.from(bmpPassword('a€')), Buffer.from([0, 0x61, 0x20, 0xac, 0, 0]));
    assert.deepEqual(Buffer.from(bmpPassword('')), Buffer.from([0, 0]));
  });
});
