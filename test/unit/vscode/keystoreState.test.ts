import * as assert from 'node:assert/strict';
import manifest from '../../../package.json';
import type { Keystore, KeystoreFile, KeystoreStatus } from '../../../src/keystore/model';
import { authorityAnswers, keystoreContextValue } from '../../../src/vscode/views/keystoreState';

const file = (fields: Partial<KeystoreFile> = {}): KeystoreFile => ({
  path: '/k/SSIN=85031412401 20261202-160000.acc-p12',
  fileName: 'SSIN=85031412401 20261202-160000.acc-p12',
  holder: { type: 'SSIN', id: '85031412401' },
  environment: 'acceptance',
  latest: true,
  problems: [],
  ...fields,
});
const opened = (status: KeystoreStatus): Keystore => ({ environment: 'acceptance', status, evaluatedAt: '2026-12-02T16:00:00Z', locked: false, keyAliases: [], entries: [], checks: [], warnings: [], protection: {} as Keystore['protection'] });

/** The keystore commands the Keystores view's context menu offers an item with this contextValue, as VS Code evaluates package.json. */
function offered(contextValue: string): string[] {
  return manifest.contributes.menus['view/item/context']
    .filter((item) => item.when.startsWith('view == ehealth.keystores') && item.group !== 'inline')
    .filter((item) => {
      const [, exact] = /viewItem == (\S+)/.exec(item.when) ?? [];
      const [, pattern] = /viewItem =~ \/(.+)\/$/.exec(item.when) ?? [];
      return exact !== undefined ? exact === contextValue : new RegExp(pattern).test(contextValue);
    })
    .map((item) => item.command.replace(/^ehealth\.(cert|keystore)\./, ''));
}

const always = ['showDetails', 'lock', 'changePassword', 'copyIdentifier', 'reveal'];
const lifecycle = (value: string) => offered(value).filter((command) => !always.includes(command) && command !== 'unlock');

describe('Keystores view: the state an item carries, and what its menu offers', () => {
  it('says locked or unlocked, the certificate state, a renewal, an older keystore, a revocation', () => {
    assert.equal(keystoreContextValue(file(), undefined), 'keystore.locked');
    assert.equal(keystoreContextValue(file({ renewalOf: '/k/old', latest: false }), undefined), 'keystore.locked.renewal.older');
    assert.equal(keystoreContextValue(file(), opened('pending')), 'keystore.unlocked.pending');
    assert.equal(keystoreContextValue(file({ renewalOf: '/k/old' }), opened('valid')), 'keystore.unlocked.valid.renewal');
    assert.equal(keystoreContextValue(file(), opened('valid'), { revoked: true }), 'keystore.unlocked.revoked');
    assert.equal(keystoreContextValue(file({ problems: [{ code: 'unreadable' }] }), undefined), 'keystore.problem');
  });

  it('is a problem only when the file cannot be read; a file that opens fine stays unlockable, with its warning', () => {
    for (const code of ['unreadable', 'permission-denied', 'symlink-loop', 'empty', 'too-large', 'not-a-file'] as const) {
      assert.equal(keystoreContextValue(file({ problems: [{ code }] }), undefined), 'keystore.problem', code);
    }
    for (const code of ['unconventional-name', 'unknown-holder-type', 'invalid-date', 'duplicate'] as const) {
      assert.equal(keystoreContextValue(file({ problems: [{ code }] }), undefined), 'keystore.locked', code);
      assert.ok(offered(keystoreContextValue(file({ problems: [{ code }] }), undefined)).includes('unlock'), code);
    }
  });

  it("follows eHealth's answers once the list is loaded: renewable only when replaceable, no Activate ETK once the ETK is active", () => {
    const renewal = file({ renewalOf: '/k/old' });
    assert.equal(keystoreContextValue(renewal, opened('valid'), { revoked: false, listed: { replaceable: false, etkStatus: 'WAIT_FOR_ACTIVATION' } }), 'keystore.unlocked.valid.renewal');
    assert.equal(keystoreContextValue(renewal, opened('valid'), { revoked: false, listed: { replaceable: false, etkStatus: 'VALID_ACTIVE' } }), 'keystore.unlocked.valid');
    assert.ok(!offered('keystore.unlocked.valid').includes('activateEtk'));
    // The dates say renewable; eHealth says not (yet): no Renew. And the other way round.
    assert.equal(keystoreContextValue(file(), opened('renewable'), { revoked: false, listed: { replaceable: false, etkStatus: 'VALID_ACTIVE' } }), 'keystore.unlocked.valid');
    assert.equal(keystoreContextValue(file(), opened('valid'), { revoked: false, listed: { replaceable: true, etkStatus: 'VALID_ACTIVE' } }), 'keystore.unlocked.renewable');
    // Without the list, the dates and file names decide.
    assert.equal(keystoreContextValue(renewal, opened('renewable')), 'keystore.unlocked.renewable.renewal');
    const listed = [{ keystore: renewal.path, status: 'VALID_ACTIVE', etkStatus: 'VALID_ACTIVE', replaceable: false }] as unknown as Parameters<typeof authorityAnswers>[2];
    assert.deepEqual(authorityAnswers(renewal.path, [], listed), { revoked: false, listed: listed![0] });
    assert.deepEqual(authorityAnswers('/k/other.acc-p12', [{ keystore: '/k/other.acc-p12' }], listed), { revoked: true });
  });

  it('is older once renewed in another folder too (the renewal link spans folders, `latest` only its own)', () => {
    assert.equal(keystoreContextValue(file({ renewedBy: '/elsewhere/SSIN=85031412401 20271202-160000.acc-p12' }), undefined), 'keystore.locked.older');
    assert.equal(keystoreContextValue(file({ renewedBy: '/elsewhere/new.acc-p12' }), opened('renewable')), 'keystore.unlocked.renewable.older');
    assert.ok(!lifecycle('keystore.unlocked.renewable.older').includes('renew'));
  });

  const cases: Array<[string, string, string[]]> = [
    ['locked: the state is unknown until unlocked, only the status at eHealth', 'keystore.locked', ['status']],
    ['pending: complete it', 'keystore.unlocked.pending', ['complete', 'status']],
    ['a pending renewal: complete the renewal', 'keystore.unlocked.pending.renewal', ['completeRenewal', 'status']],
    ['valid: revoke', 'keystore.unlocked.valid', ['revoke', 'status']],
    ['a valid renewal: activate its ETK, revoke', 'keystore.unlocked.valid.renewal', ['activateEtk', 'revoke', 'status']],
    ['in its renewal window: renew, revoke', 'keystore.unlocked.renewable', ['renew', 'revoke', 'status']],
    ['renewable but renewed already (a newer one exists): revoke only', 'keystore.unlocked.renewable.older', ['revoke', 'status']],
    ['not yet valid: revoke', 'keystore.unlocked.not-yet-valid', ['revoke', 'status']],
    ['expired: nothing to renew or revoke', 'keystore.unlocked.expired', ['status']],
    ['incomplete', 'keystore.unlocked.incomplete', ['status']],
    ['revoked', 'keystore.unlocked.revoked', ['status']],
  ];
  for (const [what, value, expected] of cases) {
    it(what, () => assert.deepEqual(lifecycle(value).sort(), expected.sort()));
  }

  it('unlocks a locked keystore, locks an unlocked one; a broken file is only copied or revealed', () => {
    assert.ok(offered('keystore.locked.older').includes('unlock'));
    assert.ok(offered('keystore.unlocked.valid').includes('lock') && !offered('keystore.unlocked.valid').includes('unlock'));
    assert.deepEqual(offered('keystore.problem').sort(), ['copyIdentifier', 'reveal']);
  });
});
