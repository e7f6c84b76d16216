// Worker thread body: runs PKCS#12 key derivations off the caller's thread (the VS Code extension
// host must stay responsive while 100,000s of SHA-1 compressions run). No warm-up: a worker is
// started when derivations are asked for, so its first job optimises the hash loop itself, and a
// warm-up would only delay that job (by about 150 ms on a slow machine, in every command line run).
import { parentPort } from 'node:worker_threads';
import { serveRequests } from '../../platform/workerRpc';
import { pkcs12Kdf, type KdfJob } from './kdf';

if (parentPort) {
  serveRequests<KdfJob, Uint8Array, string>({
    handle: pkcs12Kdf,
    failure: (error) => (error instanceof Error ? error.message : String(error)),
    transfer: (result) => [result.buffer as ArrayBuffer],
  });
}
