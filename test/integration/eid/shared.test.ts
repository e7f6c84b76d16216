// The eID module shared with another extension of the same extension host. The engine's worker is
// a thread of the host process, and dlopen gives every thread the same module, so a second
// C_Initialize there answers CKR_CRYPTOKI_ALREADY_INITIALIZED. The neighbour here plays the other
// extension: pkcs11js loaded directly on the test's thread, in the same process as the worker.
import { strict as assert } from 'node:assert';
import { verify, X509Certificate } from 'node:crypto';
import { EidEngine } from '../../../src/eid';
import type { VirtualEid } from '../../../tools/virtual-eid/build';
import { ModuleNeighbour } from './moduleNeighbour';
import { freshCard, scriptedPrompter } from './virtualCards';

async function signsAndVerifies(engine: EidEngine, eid: VirtualEid): Promise<void> {
  const signer = await engine.signer('signature', scriptedPrompter(eid.pin));
  const data = Buffer.from('signé à côté d\'une autre extension');
  const signature = await signer.sign(data);
  assert.equal(verify(signer.algorithm === 'ecdsa-sha384' ? 'sha384' : 'sha256', data, new X509Certificate(signer.certificateChain[0]).publicKey, signature), true);
}

describe('eID module shared with another extension in the same process', function () {
  this.timeout(60_000);

  it('works when another extension initialised the module first, and closing leaves it working for that extension', async () => {
    const eid = await freshCard('ec');
    const neighbour = new ModuleNeighbour(eid.modulePath);
    try {
      assert.equal(neighbour.initialised, true);
      const engine = new EidEngine({ modulePath: eid.modulePath });
      try {
        // The worker's C_Initialize got CKR_CRYPTOKI_ALREADY_INITIALIZED: anything else than success would fail here.
        assert.equal((await engine.card()).label, 'BELPIC');
        assert.equal((await engine.identity()).surname, eid.holder.surname);
        await signsAndVerifies(engine, eid);
      } finally {
        await engine.close();
      }
      // The engine did not initialise the module, so it did not finalise it: the neighbour goes on.
      assert.equal(neighbour.label(), 'BELPIC');
      neighbour.closeSession(neighbour.login(eid.pin));
      // A new engine (a new worker) shares it again.
      const again = new EidEngine({ modulePath: eid.modulePath });
      try {
        await signsAndVerifies(again, eid);
      } finally {
        await again.close();
      }
    } finally {
      neighbour.close();
    }
  });

  it('leaves the login of another extension alone: PKCS#11 logs in per process, not per session', async () => {
    const eid = await freshCard('ec');
    const neighbour = new ModuleNeighbour(eid.modulePath);
    const engine = new EidEngine({ modulePath: eid.modulePath });
    const session = neighbour.login(eid.pin);
    try {
      await engine.identity();
      await signsAndVerifies(engine, eid);
      // A C_Logout from the engine's sessions would have ended the neighbour's login too.
      assert.equal(neighbour.loggedIn(), true);
    } finally {
      neighbour.closeSession(session);
      await engine.close();
      neighbour.close();
    }
  });

  it('lets an extension that comes later share the module the engine initialised', async () => {
    const eid = await freshCard('rsa');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    let neighbour: ModuleNeighbour | undefined;
    try {
      await engine.card();
      neighbour = new ModuleNeighbour(eid.modulePath);
      assert.equal(neighbour.initialised, false, 'the engine worker initialised the module of this very process');
      assert.equal(neighbour.label(), 'BELPIC');
      await signsAndVerifies(engine, eid);
    } finally {
      await engine.close();
    }
    // PKCS#11 counts no users: the engine that initialised the module finalises it on close, and a
    // neighbour that came later loses it. By design (the engine closes with the extension host).
    assert.throws(() => neighbour?.label(), /CKR_CRYPTOKI_NOT_INITIALIZED/);
    neighbour?.close();
  });
});
