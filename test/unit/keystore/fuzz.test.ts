// Robustness: thousands of mutated and truncated keystores must each end in a typed KeystoreError or
// a valid parse, within 2 seconds, never a crash or a hang; hostile parameters are refused before any
// key derivation. Fixed seed by default (CI); EHEALTH_FUZZ_SEED and EHEALTH_FUZZ_CASES for longer runs.
import { strict as assert } from 'node:assert';
import { openKeystore } from '../../../src/keystore/inspect';
import { KeystoreError } from '../../../src/keystore/errors';
import type { Deriver, KdfJob } from '../../../src/keystore/pkcs12/kdf';
import { sharedKdfPool } from '../../../src/keystore/workerPool';
import { realFileName, realKeystore, realKeystoreRewritten, realPassword } from './fixtures';
import { isDomainError } from '../../../src/core/domainError';

const seed = Number(process.env.EHEALTH_FUZZ_SEED ?? 20230823);
const cases = Number(process.env.EHEALTH_FUZZ_CASES ?? 3000);
/** Full-cost cases on the real file (100,000-iteration MAC each); the rest use 1-iteration copies. */
const realFileCases = Math.max(1, Math.round(cases / 30));

/** mulberry32: small, seedable, good enough to pick mutations. */
function random(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(base: Uint8Array, next: () => number): Uint8Array {
  const int = (limit: number) => Math.floor(next() * limit);
  const bytes = Uint8Array.from(base);
  switch (int(5)) {
    case 0: // a few flipped bytes
      for (let n = 1 + int(8); n > 0; n--) bytes[int(bytes.length)] ^= 1 << int(8);
      return bytes;
    case 1: // truncated
      return bytes.subarray(0, int(bytes.length));
    case 2: // a random run overwritten
      for (let i = int(bytes.length), end = Math.min(bytes.length, i + 1 + int(64)); i < end; i++) bytes[i] = int(256);
      return bytes;
    case 3: { // bytes inserted or removed (lengths no longer agree)
      const at = int(bytes.length);
      return next() < 0.5 ? Buffer.concat([bytes.subarray(0, at), Buffer.from([int(256), int(256)]), bytes.subarray(at)]) : Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + int(16))]);
    }
    default: // a length or tag byte near the start of a structure set to an extreme
      bytes[int(Math.min(bytes.length, 400))] = next() < 0.5 ? 0xff : 0x80 | int(8);
      return bytes;
  }
}

/** Counts derivations so a test can prove a refusal happened before any work. */
function countingDeriver(): Deriver & { jobs: KdfJob[] } {
  const jobs: KdfJob[] = [];
  return { jobs, derive: (job) => (jobs.push(job), sharedKdfPool().derive(job)) };
}

describe(`fuzz: mutated and truncated keystores (seed ${seed}, ${cases} cases)`, function () {
  this.timeout(0);
  let bases: Array<{ name: string; bytes: Uint8Array; password: string }>;

  before(async () => {
    const cheap = (mode: 'compatible' | 'modern') => realKeystoreRewritten(realPassword, { mode, iterations: 1 });
    bases = [
      { name: 'compatible, 1 iteration', bytes: await cheap('compatible'), password: realPassword },
      { name: 'modern, 1 iteration', bytes: await cheap('modern'), password: realPassword },
    ];
  });

  async function check(bytes: Uint8Array, password: string, label: string): Promise<void> {
    const start = performance.now();
    try {
      await openKeystore(bytes, { password, checkKeys: true, fileName: realFileName });
    } catch (error) {
      if (!(error instanceof KeystoreError)) assert.fail(`${label}: untyped ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`);
    }
    const elapsed = performance.now() - start;
    assert.ok(elapsed < 2000, `${label}: took ${elapsed.toFixed(0)} ms`);
  }

  it('every mutated cheap keystore ends in a typed error or a valid parse, within 2 s', async () => {
    const next = random(seed);
    for (let i = 0; i < cases - realFileCases; i++) {
      const base = bases[i % bases.length];
      await check(mutate(base.bytes, next), base.password, `seed ${seed} case ${i} (${base.name})`);
    }
  });

  it('so does every mutated real keystore (full-cost derivations)', async () => {
    const next = random(seed + 1);
    for (let i = 0; i < realFileCases; i++) await check(mutate(realKeystore(), next), realPassword, `seed ${seed + 1} real case ${i}`);
  });

  it('refuses an absurd iteration count before deriving anything', async () => {
    // The MAC's iteration count is the last INTEGER of the file: 100,000 (03 01 86 A0) becomes 2^31-1.
    const real = Buffer.from(realKeystore());
    const at = real.lastIndexOf(Buffer.from([0x02, 0x03, 0x01, 0x86, 0xa0]));
    assert.ok(at > 0);
    const hostile = Buffer.concat([real.subarray(0, at), Buffer.from([0x02, 0x04, 0x7f, 0xff, 0xff, 0xff])]);
    // Lengths of the enclosing MacData and PFX SEQUENCEs grow by one byte (MacData's is short: it
    // follows the SHA-1 MAC's DigestInfo, 30 21, and salt; the PFX's is 2 bytes at offset 2).
    const macData = real.lastIndexOf(Buffer.from([0x30, 0x21]), at) - 2;
    assert.equal(hostile[macData], 0x30);
    hostile[macData + 1]++;
    hostile.writeUInt16BE(hostile.readUInt16BE(2) + 1, 2);
    const deriver = countingDeriver();
    await assert.rejects(openKeystore(hostile, { password: realPassword, deriver }), (error: unknown) => isDomainError(error, 'keystore', 'too-costly'));
    assert.equal(deriver.jobs.length, 0);
  });

  it('refuses deep nesting, absurd lengths and oversized files as damaged, before any work', async () => {
    const deriver = countingDeriver();
    const deep = Buffer.concat([...Array.from({ length: 5000 }, () => Buffer.from([0x30, 0x80])), Buffer.alloc(10000)]);
    const absurdLength = Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xf0, 0x02, 0x01, 0x03]);
    const huge = Buffer.alloc(2 * 1024 * 1024, 0x30);
    for (const bytes of [deep, absurdLength, huge]) {
      const start = performance.now();
      await assert.rejects(openKeystore(bytes, { password: realPassword, deriver }), (error: unknown) => isDomainError(error, 'keystore', 'corrupt'));
      assert.ok(performance.now() - start < 200);
    }
    assert.equal(deriver.jobs.length, 0);
  });
});
