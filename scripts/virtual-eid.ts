// npm run virtual-eid -- --alg rsa|ec --dir DIR [--pin PIN]
// Builds a virtual Belgian eID (SoftHSM2 + test PKI + our pass-through module) and says how to use it.
import { parseArgs } from 'node:util';
import { buildVirtualEid, usage } from '../tools/virtual-eid/build';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { alg: { type: 'string', default: 'rsa' }, dir: { type: 'string' }, pin: { type: 'string' } },
  });
  if ((values.alg !== 'rsa' && values.alg !== 'ec') || !values.dir) {
    console.error('usage: npm run virtual-eid -- --alg rsa|ec --dir DIR [--pin PIN]');
    process.exit(2);
  }
  const started = Date.now();
  const eid = await buildVirtualEid({ algorithm: values.alg, dir: values.dir, ...(values.pin ? { pin: values.pin } : {}) });
  console.log(usage(eid));
  console.log(`\nBuilt in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: Error) => {
  console.error(`virtual-eid: ${error.message}`);
  process.exit(1);
});
