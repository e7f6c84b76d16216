// The guides folder the `guides` verbs read when none is given.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** `./guides` when run from a checkout, else the guides shipped beside the bundle. */
export function defaultGuidesFolder(): string {
  const local = path.resolve('guides');
  return existsSync(local) ? local : path.resolve(__dirname, '..', 'guides');
}
