// The deriver of callers that may block their thread (the command line): the same bytes as the
// engine's worker pool and as pkcs12Kdf itself, whether a job ran here or on a helper worker; the
// longest jobs first on the calling thread; failures as the in-thread derivation gives them; and a
// helper stopped in the middle of a job costs nothing but time (the job is done here).
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { CallingThreadDeriver } from '../../../src/keystore/callingThreadDeriver';
import { bmpPassword, KdfPurpose, pkcs12Kdf, type KdfJob } from '../../../src/keystore/pkcs12/kdf';
import { KdfPool } from '../../../src/keystore/workerPool';

const password = bmpPassword('pässwörd€1');
const salt = randomBytes(20);
/** The real keystore's jobs, with fewer iterations: MAC, certificate bag key and IV, a 3DES key bag (two blocks) and its IV. */
const jobs: KdfJob[] = [
  { hash: 'sha1', password, salt, iterations: 2000, purpose: KdfPurpose.mac, length: 20 },
  { hash: 'sha1', password, salt, iterations: 1000, purpose: KdfPurpose.key, length: 5 },
  { hash: 'sha1', password, salt, iterations: 1000, purpose: KdfPurpose.iv, length: 8 },
  { hash: 'sha1', password, salt, iterations: 1000, purpose: KdfPurpose.key, length: 24 },
  { hash: 'sha1', password, salt, iterations: 1000, purpose: KdfPurpose.iv, length: 8 },
  { hash: 'sha256', password, salt, iterations: 700, purpose: KdfPurpose.mac, length: 32 },
  { hash: 'sha512', password, salt, iterations: 300, purpose: KdfPurpose.key, length: 64 },
];
const expected = jobs.map((job) => Buffer.from(pkcs12Kdf(job)));
const bytes = (results: Uint8Array[]) => results.map((result) => Buffer.from(result));

describe('CallingThreadDeriver: the calling thread with helper workers', function () {
  this.timeout(30_000);

  for (const helpers of [0, 1, 2]) {
    it(`derives the same bytes as pkcs12Kdf and the worker pool (${helpers} helper${helpers === 1 ? '' : 's'})`, async () => {
      const deriver = new CallingThreadDeriver(helpers);
      const pool = new KdfPool(2);
      try {
        assert.deepEqual(bytes(await Promise.all(jobs.map((job) => deriver.derive(job)))), expected);
        assert.deepEqual(bytes(await Promise.all(jobs.map((job) => pool.derive(job)))), expected);
        // Again, once the helpers are warm and the jobs come one at a time.
        for (const [index, job] of jobs.entries()) assert.deepEqual(Buffer.from(await deriver.derive(job)), expected[index]);
      } finally {
        await Promise.all([deriver.close(), pool.close()]);
      }
    });
  }

  it('runs the jobs asked for together longest first on the calling thread', async () => {
    const deriver = new CallingThreadDeriver(0);
    const order: number[] = [];
    const costs = [500, 3000, 1000, 2000];
    await Promise.all(costs.map((iterations) => deriver.derive({ ...jobs[0], iterations }).then(() => order.push(iterations))));
    assert.deepEqual(order, [3000, 2000, 1000, 500]);
  });

  for (const helpers of [0, 1]) {
    it(`fails a job as pkcs12Kdf does and keeps deriving the others (${helpers} helper${helpers === 1 ? '' : 's'})`, async () => {
      const deriver = new CallingThreadDeriver(helpers);
      try {
        // The shortest job: the one a helper is handed first.
        const unsupported = { ...jobs[1], hash: 'md5', iterations: 1 };
        assert.throws(() => pkcs12Kdf(unsupported), /unsupported digest md5/);
        const [failed, ...others] = await Promise.allSettled([deriver.derive(unsupported), ...jobs.map((job) => deriver.derive(job))]);
        assert.equal(failed.status, 'rejected');
        assert.match((failed as PromiseRejectedResult).reason.message, /^PKCS#12 KDF: unsupported digest md5$/);
        assert.deepEqual(
          others.map((other) => (other.status === 'fulfilled' ? Buffer.from(other.value) : other.reason)),
          expected,
        );
      } finally {
        await deriver.close();
      }
    });
  }

  it('finishes on the calling thread the jobs of a helper stopped in the middle of them', async () => {
    const deriver = new CallingThreadDeriver(1);
    const long = jobs.map((job) => ({ ...job, iterations: job.iterations * 20 }));
    const results = Promise.all(long.map((job) => deriver.derive(job)));
    // One turn: the helper has been handed its first job and this thread has done the longest.
    await new Promise((resolve) => setImmediate(resolve));
    await deriver.close();
    assert.deepEqual(bytes(await results), long.map((job) => Buffer.from(pkcs12Kdf(job))));
  });
});
