// An empty reader when the card is needed to sign: the engine waits for the card through its
// Prompter (polling the slots) instead of failing, and gives up only when the user does; the CLI
// waits at a terminal (Ctrl+C stops), never in a script. The virtual card through PKCS#11 reports
// "no card" while its `removed` file exists.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDomainError } from '../../../src/core/domainError';
import { EidEngine, type CardPurpose } from '../../../src/eid';
import { ExitCode } from '../../../src/faces/exitCodes';
import { onTerminal } from '../terminal';
import { freshCard, repositoryRoot, scriptedPrompter } from './virtualCards';

const launcher = path.join(repositoryRoot, 'bin', 'ehealth.js');

describe('eID card waited for when it is needed', function () {
  this.timeout(60_000);

  it('waits for the card to sign: the prompter is told once, its message hidden when the card is back, and the signature made', async () => {
    const eid = await freshCard('rsa');
    const removed = path.join(eid.dir, 'removed');
    const engine = new EidEngine({ modulePath: eid.modulePath, cardPollMs: 50 });
    const told: CardPurpose[] = [];
    let hidden = false;
    const prompter = {
      ...scriptedPrompter(eid.pin),
      waitForCard: (purpose: CardPurpose, signal: AbortSignal) => {
        told.push(purpose);
        setTimeout(() => unlinkSync(removed), 400);
        return new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            hidden = true;
            resolve();
          }),
        );
      },
    };
    try {
      writeFileSync(removed, '');
      const signer = await engine.signer('signature', prompter);
      assert.deepEqual(told, ['signature']);
      assert.ok(hidden, 'the message is hidden once the card is there');
      assert.ok(!existsSync(removed));
      assert.ok((await signer.sign(Buffer.from('contract'))).length > 0);
    } finally {
      await engine.close();
    }
  });

  it('stops with eid/card-wait-cancelled when the user gives up, the PIN never asked', async () => {
    const eid = await freshCard('ec');
    writeFileSync(path.join(eid.dir, 'removed'), '');
    const engine = new EidEngine({ modulePath: eid.modulePath, cardPollMs: 50 });
    const prompter = { ...scriptedPrompter(eid.pin), waitForCard: () => new Promise<void>((resolve) => setTimeout(resolve, 200)) };
    try {
      await assert.rejects(engine.signer('authentication', prompter), (error: unknown) => isDomainError(error, 'eid', 'card-wait-cancelled'));
      await assert.rejects(engine.verifyPin(prompter), (error: unknown) => isDomainError(error, 'eid', 'card-wait-cancelled'));
      assert.equal(prompter.asked, 0);
    } finally {
      await engine.close();
    }
  });

  it('fails at once with eid/no-card for a prompter that cannot wait (a script)', async () => {
    const eid = await freshCard('rsa');
    writeFileSync(path.join(eid.dir, 'removed'), '');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      await assert.rejects(engine.signer('signature', scriptedPrompter(eid.pin)), (error: unknown) => isDomainError(error, 'eid', 'no-card'));
    } finally {
      await engine.close();
    }
  });

  describe('ehealth eid verify-pin (built bundle)', () => {
    before(() => execFileSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'build.mjs')], { cwd: repositoryRoot, stdio: 'pipe' }));

    it('at a terminal, says to insert the card and goes on once it is there', async () => {
      const eid = await freshCard('rsa');
      writeFileSync(path.join(eid.dir, 'removed'), '');
      // Put back by another process while the command waits (spawnSync holds this one).
      spawn('sh', ['-c', `sleep 3 && rm "${path.join(eid.dir, 'removed')}"`], { detached: true, stdio: 'ignore' }).unref();
      const { status, screen } = onTerminal([process.execPath, launcher, 'eid', 'verify-pin', '--module', eid.modulePath], [['Insert your eID to check its PIN', ''], ['eID PIN', `${eid.pin}\r`]], { env: { EHEALTH_LANG: 'en' } });
      assert.equal(status, 0, screen);
      assert.match(screen, /Insert your eID to check its PIN… \(Ctrl\+C to stop waiting\)/);
    });

    it('at a terminal, Ctrl+C stops waiting (exit code of a missing card); a script is not kept waiting', async () => {
      const eid = await freshCard('rsa');
      writeFileSync(path.join(eid.dir, 'removed'), '');
      const stopped = onTerminal([process.execPath, launcher, 'eid', 'verify-pin', '--module', eid.modulePath], [['Ctrl+C to stop waiting', '\x03']], { env: { EHEALTH_LANG: 'en' } });
      assert.equal(stopped.status, ExitCode.noCard, stopped.screen);
      const script = spawnSync(process.execPath, [launcher, 'eid', 'verify-pin', '--module', eid.modulePath, '--pin-env', 'PIN'], { encoding: 'utf8', input: '', timeout: 20_000, env: { ...process.env, EHEALTH_LANG: 'en', PIN: eid.pin } });
      assert.equal(script.status, ExitCode.noCard, script.stderr);
      assert.doesNotMatch(script.stderr, /stop waiting/);
    });
  });
});
