// The engines' one worker-RPC helper, with a real worker thread: answers go to the request they
// answer, failures come back as the engine rebuilds them, and a worker that dies fails every request
// still waiting (none is left hanging).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { startWorker, WorkerChannel } from '../../../src/platform/workerRpc';
import type { EchoRequest } from './echoWorker';

class Refused extends Error {}

function echoChannel(exited: () => void = () => undefined) {
  const worker = startWorker({ bundled: 'no-bundled-echo-worker.js', source: path.join(__dirname, 'echoWorker.ts') });
  return new WorkerChannel<EchoRequest, string, { reason: string }>(worker, {
    failed: ({ reason }) => new Refused(reason),
    stopped: (request, reason) => new Error(`stopped during ${request.value} (${reason})`),
    exited,
  });
}

describe('worker RPC', function () {
  this.timeout(20_000);

  it('matches each answer to its request, whatever order they come back in', async () => {
    const channel = echoChannel();
    try {
      const slow = channel.request({ value: 'slow', delayMs: 200 });
      const fast = channel.request({ value: 'fast' });
      assert.equal(channel.waiting, 2);
      assert.deepEqual(await Promise.all([slow, fast]), ['SLOW', 'FAST']);
      assert.equal(channel.waiting, 0);
    } finally {
      await channel.worker.terminate();
    }
  });

  it("rebuilds a failure with the engine's own error, and keeps serving", async () => {
    const channel = echoChannel();
    try {
      await assert.rejects(channel.request({ value: 'this', fail: true }), (error) => error instanceof Refused && error.message === 'refused this');
      assert.equal(await channel.request({ value: 'next' }), 'NEXT');
    } finally {
      await channel.worker.terminate();
    }
  });

  it('fails every waiting request when the worker dies, and says so once', async () => {
    let exits = 0;
    const channel = echoChannel(() => exits++);
    const waiting = channel.request({ value: 'waiting', delayMs: 5_000 });
    const fatal = channel.request({ value: 'fatal', exit: true });
    await assert.rejects(waiting, /stopped during waiting \(exit code 3\)/);
    await assert.rejects(fatal, /stopped during fatal \(exit code 3\)/);
    assert.equal(exits, 1);
    assert.equal(channel.waiting, 0);
  });
});
