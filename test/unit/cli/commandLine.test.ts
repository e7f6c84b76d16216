// The next-step commands the CLI prints: --env only where the command would not take it by itself,
// --ra-url and --module repeated, words quoted so that a shell reads them back unchanged.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { shellWord, suggestedCommand } from '../../../src/cli/commandLine';
import { durationMs } from '../../../src/cli/duration';
import { translator } from '../../../src/i18n';

describe('CLI next-step commands', () => {
  it('quotes a word only when a POSIX shell would change it, and the shell reads it back unchanged', () => {
    assert.equal(shellWord('/home/amelie/ehealth/keystore/x.acc-p12'), '/home/amelie/ehealth/keystore/x.acc-p12');
    for (const word of ['SSIN=79021802145 20230823-085751.acc-p12', "l'hôpital $HOME `id` \"x\" !", 'a\\b;c&d|e*']) {
      const quoted = shellWord(word, 'linux');
      assert.equal(execFileSync('/bin/sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' }), word);
    }
    assert.equal(shellWord('C:\\Users\\Amélie\\my keystore.acc-p12', 'win32'), '"C:\\Users\\Amélie\\my keystore.acc-p12"');
  });

  it('repeats --env only where the keystore name (or the sandbox default) does not tell it, --ra-url always, --module for the eID', () => {
    const where = { env: 'acceptance' as const, raUrl: 'http://127.0.0.1:8443', module: '/opt/beid/libbeidpkcs11.so' };
    assert.equal(suggestedCommand('cert complete', where, { keystore: '/k/a.acc-p12' }), 'ehealth cert complete --ra-url http://127.0.0.1:8443 --keystore /k/a.acc-p12');
    assert.equal(suggestedCommand('cert complete', { env: 'sandbox' }, { keystore: '/k/old.acc-p12' }), 'ehealth cert complete --env sandbox --keystore /k/old.acc-p12');
    assert.equal(suggestedCommand('cert complete', { env: 'production' }, { keystore: '/k/a.pfx' }), 'ehealth cert complete --env production --keystore /k/a.pfx');
    assert.equal(suggestedCommand('cert request', where, { eid: true }), 'ehealth cert request --env acceptance --ra-url http://127.0.0.1:8443 --module /opt/beid/libbeidpkcs11.so');
    assert.equal(suggestedCommand('cert request', { env: 'sandbox', module: '/m.so' }), 'ehealth cert request');
  });

  it('reads --timeout durations as a whole number of s, m or h, and refuses anything else by name', () => {
    const t = translator('en');
    assert.deepEqual(['90s', '10m', '1h'].map((text) => durationMs(text, '--timeout', t)), [90_000, 600_000, 3_600_000]);
    for (const text of ['10', '0s', '1.5h', '10 m', '-5m', '5d', '']) assert.throws(() => durationMs(text, '--timeout', t), /Invalid duration .* for --timeout/);
  });
});
