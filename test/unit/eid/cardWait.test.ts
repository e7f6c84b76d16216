// The card wait's pause between two looks at the readers ends with the wait: no timer is left
// behind to keep the process (the CLI) alive once the user gave up. Run in a child process, which
// must exit long before the pause would have ended.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const script = `
  const { cardOrWait } = require('./src/eid/cardWait');
  const { EidError } = require('./src/eid/errors');
  const prompter = { confirmLastTry: async () => false, askPin: async () => undefined, showPinpadNotice: () => () => undefined, waitForCard: () => Promise.resolve() };
  cardOrWait(() => Promise.reject(new EidError('no-card', 'the reader is empty')), prompter, 'signature', 60000)
    .catch((error) => console.log(error.code));
`;

describe('eID card wait', function () {
  this.timeout(30_000);

  it('leaves no timer once the user gave up: the process exits, however long the pause between looks', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.signal, null, 'the process was still running 20 s later');
    assert.equal(run.stdout.trim(), 'card-wait-cancelled', run.stderr);
  });
});
