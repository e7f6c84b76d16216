// The PIN is the card's life (three wrong ones block it until the municipality unblocks it): what
// cannot be an eID PIN never reaches the card, the PIN state is read from the token just before
// asking, a locked card is not asked, and the last try is presented only with consent, from the
// engine, the command line (own exit codes, --last-pin-try) and a person at a real terminal. The
// tries left are read by OpenSC's pkcs11-tool from the token flags, and wrong PINs are presented
// by pkcs11-tool too: another program using tries behind our back.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { isDomainError } from '../../../src/core/domainError';
import { EidEngine, EidError } from '../../../src/eid';
import { errorMessage } from '../../../src/faces/errors';
import type { VirtualEid } from '../../../tools/virtual-eid/build';
import { onTerminal } from '../terminal';
import { freshCard, repositoryRoot, scriptedPrompter } from './virtualCards';

type Tries = 'ok' | 'count-low' | 'final-try' | 'locked';

/** The card's PIN state as pkcs11-tool reads the token flags. */
function tries(eid: VirtualEid): Tries {
  const flags = /token flags\s*:\s*(.*)/.exec(execFileSync('pkcs11-tool', ['--module', eid.modulePath, '--list-token-slots'], { encoding: 'utf8' }))?.[1] ?? '';
  if (flags.includes('user PIN locked')) return 'locked';
  if (flags.includes('final user PIN try')) return 'final-try';
  if (flags.includes('user PIN count low')) return 'count-low';
  return 'ok';
}

/** Wrong PINs presented by another program. */
function wrongPins(eid: VirtualEid, count: number): void {
  for (let i = 0; i < count; i++) spawnSync('pkcs11-tool', ['--module', eid.modulePath, '--login', '--pin', '0000', '--list-objects'], { encoding: 'utf8' });
}

const launcher = path.join(repositoryRoot, 'bin', 'ehealth.js');

function ehealth(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', input: '', env: { ...process.env, EHEALTH_LANG: 'en', ...env } });
}

/** The CLI on a pseudo-terminal: a person answering its questions. */
const atTerminal = (args: string[], script: Array<[expect: string, reply: string]>) => onTerminal([process.execPath, launcher, ...args], script, { env: { EHEALTH_LANG: 'en' } });

describe('eID PIN: the card\'s life', function () {
  this.timeout(90_000);
  before(() => execFileSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'build.mjs')], { cwd: repositoryRoot, stdio: 'pipe' }));

  it('refuses what cannot be an eID PIN (4 to 12 digits) without presenting it: no try used', async () => {
    const eid = await freshCard('rsa');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      // Letters, too short, too long, a trailing newline or space, digits of another script, nothing.
      for (const pin of ['abcd', '12a4', '123', '1234567890123', `${eid.pin}\n`, `${eid.pin} `, '١٢٣٤', '']) {
        await assert.rejects(engine.verifyPin(scriptedPrompter(pin)), (error: unknown) => isDomainError(error, 'eid', 'pin-format'), JSON.stringify(pin));
      }
      assert.equal(tries(eid), 'ok');
      await engine.verifyPin(scriptedPrompter(eid.pin));
    } finally {
      await engine.close();
    }
  });

  it('says so in four languages', () => {
    for (const error of [new EidError('pin-format', 'not an eID PIN'), new EidError('pin-last-try-declined', 'one PIN try left')]) {
      const messages = (['en', 'fr', 'nl', 'de'] as const).map((language) => errorMessage(error, language));
      assert.equal(new Set(messages).size, 4, error.code);
      for (const message of messages) assert.doesNotMatch(message, /^eid\.error\./);
    }
    assert.match(errorMessage(new EidError('pin-format', 'not an eID PIN'), 'fr'), /4 à 12 chiffres/);
  });

  it('reads the PIN state just before asking: another program used two tries since the signer was made', async () => {
    const eid = await freshCard('ec');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      const prompter = scriptedPrompter(eid.pin, eid.pin);
      const signer = await engine.signer('signature', prompter);
      wrongPins(eid, 2);
      assert.equal(tries(eid), 'final-try');
      prompter.lastTryConsent = false;
      await assert.rejects(signer.sign(Buffer.from('declined')), (error: unknown) => isDomainError(error, 'eid', 'pin-last-try-declined'));
      assert.equal(prompter.asked, 0, 'no PIN asked once the user declined');
      assert.equal(tries(eid), 'final-try', 'nothing presented');
      prompter.lastTryConsent = true;
      await signer.sign(Buffer.from('consented'));
      assert.equal(prompter.lastTryRequests.length, 2);
      assert.deepEqual(prompter.pinRequests[0].card.pin, { status: 'final-try', triesLeft: 1, pinpad: false });
      assert.equal(tries(eid), 'ok', 'the right PIN reset the count');
      // An ok card asks no confirmation.
      await signer.sign(Buffer.from('ok'));
      assert.equal(prompter.lastTryRequests.length, 2);
    } finally {
      await engine.close();
    }
  });

  it('does not ask the PIN of a locked card', async () => {
    const eid = await freshCard('rsa');
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      const prompter = scriptedPrompter(eid.pin);
      const signer = await engine.signer('authentication', prompter);
      wrongPins(eid, 3);
      await assert.rejects(signer.sign(Buffer.from('x')), (error: unknown) => isDomainError(error, 'eid', 'pin-locked'));
      assert.equal(prompter.asked, 0);
    } finally {
      await engine.close();
    }
  });

  it('on a pinpad reader, asks before the last try too, and shows no pinpad notice when declined', async () => {
    const eid = await freshCard('rsa');
    writeFileSync(path.join(eid.dir, 'pinpad'), `${eid.pin}\n`);
    wrongPins(eid, 2);
    const engine = new EidEngine({ modulePath: eid.modulePath });
    try {
      const prompter = scriptedPrompter();
      prompter.lastTryConsent = false;
      await assert.rejects(engine.verifyPin(prompter), (error: unknown) => isDomainError(error, 'eid', 'pin-last-try-declined'));
      assert.equal(prompter.pinpadNotices, 0);
      assert.equal(tries(eid), 'final-try');
    } finally {
      await engine.close();
    }
  });

  it('CLI: a PIN that is not an eID PIN exits with its own code, in words, unechoed, no try used', async () => {
    const eid = await freshCard('rsa');
    for (const [language, words] of [['en', /not an eID PIN/], ['fr', /pas un code PIN d’eID/]] as const) {
      const result = ehealth(['eid', 'verify-pin', '--lang', language, '--pin-env', 'EID_PIN', '--module', eid.modulePath], { EID_PIN: '12a4' });
      assert.equal(result.status, ExitCode.pinFormat, result.stderr);
      assert.match(result.stderr, words);
      assert.doesNotMatch(result.stdout + result.stderr, /12a4/);
    }
    assert.equal(tries(eid), 'ok');
  });

  it('CLI: at the last try, --pin-env presents nothing without --last-pin-try (its own exit code)', async () => {
    const eid = await freshCard('ec');
    wrongPins(eid, 2);
    const env = { EID_PIN: eid.pin };
    const verify = ehealth(['eid', 'verify-pin', '--pin-env', 'EID_PIN', '--module', eid.modulePath], env);
    assert.equal(verify.status, ExitCode.pinLastTry, verify.stderr);
    assert.match(verify.stderr, /one PIN try left.*--last-pin-try/);
    writeFileSync(path.join(eid.dir, 'last-data'), 'last try');
    const sign = ehealth(['eid', 'sign', '--key', 'authentication', '--in', path.join(eid.dir, 'last-data'), '--out', path.join(eid.dir, 'last.sig'), '--pin-env', 'EID_PIN', '--module', eid.modulePath], env);
    assert.equal(sign.status, ExitCode.pinLastTry, sign.stderr);
    assert.equal(tries(eid), 'final-try', 'nothing presented');
    const consented = ehealth(['eid', 'verify-pin', '--pin-env', 'EID_PIN', '--last-pin-try', '--module', eid.modulePath], env);
    assert.equal(consented.status, ExitCode.ok, consented.stderr);
    assert.match(consented.stderr, /Last try: a wrong PIN blocks your eID card/);
    assert.equal(tries(eid), 'ok');
  });

  it('CLI at a terminal: the last try is announced and asked; "no" presents nothing, "yes" then the PIN does, never echoed', async () => {
    const eid = await freshCard('rsa');
    wrongPins(eid, 2);
    const args = ['eid', 'verify-pin', '--module', eid.modulePath];
    const declined = atTerminal(args, [['Present your PIN anyway?', 'no\r']]);
    assert.equal(declined.status, ExitCode.pinLastTry, declined.screen);
    assert.match(declined.screen, /Last try: a wrong PIN blocks your eID card/);
    assert.doesNotMatch(declined.screen, /eID PIN: /, 'the PIN was not asked');
    assert.equal(tries(eid), 'final-try');
    const consented = atTerminal(args, [['Present your PIN anyway?', 'yes\r'], ['eID PIN: ', `${eid.pin}\r`]]);
    assert.equal(consented.status, ExitCode.ok, consented.screen);
    assert.match(consented.screen, /PIN correct/);
    assert.doesNotMatch(consented.screen, new RegExp(`\\b${eid.pin}\\b`), 'the PIN is not echoed');
    assert.equal(tries(eid), 'ok');
  });
});
