// Worker thread body: runs PKCS#12 key derivations off the caller's thread (the VS Code extension
// host must stay responsive while 100,000s of SHA-1 compressions run).
import { parentPort } from 'node:worker_threads';
import { serveRequests } from '../../platform/workerRpc';
import { pkcs12Kdf, KdfPurpose, type KdfJob } from './kdf';

if (parentPort) {
  // Let the JIT optimise the hash loops now rather than during the first real keystore.
  for (const hash of ['sha1', 'sha256']) {
    pkcs12Kdf({ hash, password: new Uint8Array(2), salt: new Uint8Array(8), iterations: 30_000, purpose: KdfPurpose.mac, length: 20 });
  }
  serveRequests<KdfJob, Uint8Array, string>({
    handle: pkcs12Kdf,
    failure: (error) => (error instanceof Error ? error.message : String(error)),
    transfer: (result) => [result.buffer as ArrayBuffer],
  });
}
