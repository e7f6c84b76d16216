// Worker thread body: runs PKCS#12 key derivations off the caller's thread (the VS Code extension
// host must stay responsive while 100,000s of SHA-1 compressions run).
import { parentPort } from 'node:worker_threads';
import { pkcs12Kdf, KdfPurpose, type KdfJob } from './kdf';

export interface KdfRequest {
  id: number;
  job: KdfJob;
}

export type KdfResponse = { id: number; result: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (port) {
  // Let the JIT optimise the hash loops now rather than during the first real keystore.
  for (const hash of ['sha1', 'sha256']) {
    pkcs12Kdf({ hash, password: new Uint8Array(2), salt: new Uint8Array(8), iterations: 30_000, purpose: KdfPurpose.mac, length: 20 });
  }
  port.on('message', ({ id, job }: KdfRequest) => {
    try {
      const result = pkcs12Kdf(job);
      port.postMessage({ id, result } satisfies KdfResponse, [result.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies KdfResponse);
    }
  });
}
