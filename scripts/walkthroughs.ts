// `npm run walkthroughs`: writes `contributes.walkthroughs` and its strings into package.json and
// package.nls.*.json from the guides, and each step's illustrations into media/walkthroughs.
// `npm run walkthroughs -- --check` only compares; `ehealth guides lint guides` and a unit test say
// the same (src/guides/walkthroughSync.ts): the manifest must always say what the guides say.
import * as path from 'node:path';
import { walkthroughLabels } from '../src/faces/walkthroughLabels';
import { staleWalkthroughFiles, writeWalkthroughs } from '../src/guides/walkthroughSync';

const root = path.resolve(__dirname, '..');

async function main(): Promise<number> {
  if (process.argv.includes('--check')) {
    const stale = await staleWalkthroughFiles(root, walkthroughLabels);
    if (stale.length) console.error(`walkthroughs: out of sync with the guides: ${stale.join(', ')}. Run "npm run walkthroughs".`);
    return stale.length ? 1 : 0;
  }
  await writeWalkthroughs(root, walkthroughLabels);
  console.log('walkthroughs: package.json, package.nls.*.json and media/walkthroughs written from the guides');
  return 0;
}

void main().then((code) => (process.exitCode = code));
