// `--trace DIR`: every envelope exchanged, numbered in order and named by operation, for support
// and for integrators comparing with eHealth's examples. Envelopes hold certificates and contact
// data, never a key or a password.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Tracer = (operation: string, direction: 'request' | 'response', xml: string) => void;

/** Writes `001-GenerateCertificate-request.xml`, `002-GenerateCertificate-response.xml`, ... into `folder`. */
export function folderTracer(folder: string): Tracer {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  let count = 0;
  return (operation, direction, xml) => {
    count += 1;
    const name = `${String(count).padStart(3, '0')}-${operation}-${direction}.xml`;
    writeFileSync(join(folder, name), xml, { mode: 0o600 });
  };
}
