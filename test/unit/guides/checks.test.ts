// The guide checks over the facts the faces gather: which keystore a guide follows (never a revoked
// one or an older one), checks that wait for a password, the facts of this session (revocations,
// deliveries), what eHealth listed, the environment setting, and how a step's status follows from
// its checks and a manual tick.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Holder } from '../../../src/core/holder';
import { evaluateCheck, followedKeystore, stepStatus, type CheckFacts } from '../../../src/guides/checks';
import { keystoreFolders, listKeystores, sandboxKeystoreFolder } from '../../../src/keystore/locate';
import type { Keystore, KeystoreFile } from '../../../src/keystore/model';
import type { AuthorityCertificate } from '../../../src/procedures';

const amelie: Holder = { type: 'SSIN', id: '79021802145' };
const clinic: Holder = { type: 'CBE', id: '0123456749' };

function file(holder: Holder, createdAt: string, latest = true): KeystoreFile {
  const fileName = `${holder.type}=${holder.id} ${createdAt.replace(/[-:]/g, '').replace('T', '-')}.acc-p12`;
  return { path: `/keystores/${fileName}`, fileName, holder, createdAt, environment: 'acceptance', latest, problems: [] };
}

/** An opened keystore as the keystore session holds it; only what the checks read differs. */
function opened(status: Keystore['status'], options: { locked?: boolean; etk?: boolean } = {}): Keystore {
  return {
    environment: 'acceptance',
    status,
    evaluatedAt: '2026-12-02T10:00:00Z',
    locked: options.locked ?? false,
    keyAliases: [],
    entries: options.etk ? [{ kind: 'encryption' } as Keystore['entries'][number]] : [],
    checks: [],
    warnings: [],
    protection: {} as Keystore['protection'],
  };
}

function listed(holder: Holder, status: AuthorityCertificate['status'], requestedAt: string, extra: Partial<AuthorityCertificate> = {}): AuthorityCertificate {
  return { holder, name: 'X', publicKeyIdentifier: requestedAt, status, etkStatus: 'VALID_ACTIVE', requestedAt, revocable: true, replaceable: false, automaticallyValidated: true, ...extra };
}

const old = file(amelie, '2023-08-23T08:57:51', false);
const current = file(amelie, '2025-01-10T09:00:00');
const facts = (more: Partial<CheckFacts> = {}): CheckFacts => ({ environment: 'acceptance', keystores: [old, current], opened: new Map(), holder: amelie, ...more });

describe('guide checks', () => {
  describe('the keystore a guide follows (keystore.found)', () => {
    it('is the newest keystore of the chosen holder, not any file', () => {
      assert.equal(followedKeystore(facts())?.path, current.path);
      assert.equal(evaluateCheck('keystore.found', facts({ holder: clinic })), 'fail');
    });

    it('is not the keystore revoked in this session, nor an older one', () => {
      assert.equal(evaluateCheck('keystore.found', facts({ revocations: [{ holder: amelie, keystore: current.path }] })), 'fail');
    });

    it('is a keystore made after the revoked one (revoke, then request again)', () => {
      const renewed = file(amelie, '2026-12-02T10:00:00');
      const again = facts({ keystores: [old, { ...current, latest: false }, renewed], revocations: [{ holder: amelie, keystore: current.path }] });
      assert.equal(followedKeystore(again)?.path, renewed.path);
      assert.equal(evaluateCheck('keystore.found', again), 'pass');
    });

    it('excludes what eHealth lists as REVOKED: its keystore, and files made before its request', () => {
      assert.equal(evaluateCheck('keystore.found', facts({ authority: [listed(amelie, 'REVOKED', '2025-01-10T09:00:05.000Z', { keystore: current.path })] })), 'fail');
      assert.equal(evaluateCheck('keystore.found', facts({ authority: [listed(amelie, 'REVOKED', '2025-06-01T00:00:00.000Z')] })), 'fail');
      assert.equal(evaluateCheck('keystore.found', facts({ authority: [listed(amelie, 'REVOKED', '2020-06-01T00:00:00.000Z')] })), 'pass');
    });

    it('finds a sandbox keystore in its own folder (~/ehealth/sandbox, .sandbox-p12), as the folders are listed', async () => {
      const home = mkdtempSync(path.join(os.tmpdir(), 'checks-'));
      try {
        mkdirSync(sandboxKeystoreFolder(home), { recursive: true });
        writeFileSync(path.join(sandboxKeystoreFolder(home), 'SSIN=79021802145 20261202-101010.sandbox-p12'), Buffer.alloc(100, 1));
        const keystores = (await listKeystores(keystoreFolders([], home))).folders.flatMap((folder) => folder.keystores);
        const found = { environment: 'sandbox' as const, keystores, opened: new Map(), holder: amelie };
        assert.equal(evaluateCheck('keystore.found', found), 'pass');
        assert.equal(followedKeystore(found)?.environment, 'sandbox');
        // A rehearsal is no real keystore: a guide followed in acceptance does not take it for one.
        assert.equal(evaluateCheck('keystore.found', { ...found, environment: 'acceptance' }), 'fail');
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });

    it('is of the guide\'s environment, by the issuer once opened (an older sandbox keystore named .acc-p12)', () => {
      assert.equal(followedKeystore(facts({ environment: 'production' })), undefined);
      const byIssuer = facts({ opened: new Map([[current.path, { ...opened('valid'), environment: 'sandbox' }]]) });
      assert.equal(followedKeystore(byIssuer), undefined);
      assert.equal(followedKeystore({ ...byIssuer, environment: 'sandbox' })?.path, current.path);
    });

    it('a revocation of another holder changes nothing', () => {
      assert.equal(evaluateCheck('keystore.found', facts({ revocations: [{ holder: clinic }], authority: [listed(clinic, 'REVOKED', '2026-01-01T00:00:00.000Z')] })), 'pass');
    });
  });

  describe('checks that need the keystore opened', () => {
    it('say "locked" (unlock to check) while the keystore is not unlocked, not "unknown"', () => {
      for (const id of ['keystore.unlocked', 'keystore.complete', 'keystore.three-years', 'keystore.valid', 'keystore.renewable', 'certificate.delivered', 'etk.published'] as const) {
        assert.equal(evaluateCheck(id, facts()), 'locked', id);
        assert.equal(evaluateCheck(id, facts({ opened: new Map([[current.path, opened(undefined, { locked: true })]]) })), 'locked', id);
      }
    });

    it('fail when the holder has no keystore to unlock', () => {
      for (const id of ['keystore.unlocked', 'keystore.complete', 'certificate.delivered', 'etk.published'] as const) assert.equal(evaluateCheck(id, facts({ holder: clinic })), 'fail', id);
    });

    it('keystore.unlocked passes once the followed keystore is opened', () => {
      assert.equal(evaluateCheck('keystore.unlocked', facts({ opened: new Map([[current.path, opened('valid')]]) })), 'pass');
      // Opening the older one does not count.
      assert.equal(evaluateCheck('keystore.unlocked', facts({ opened: new Map([[old.path, opened('valid')]]) })), 'locked');
    });
  });

  describe('certificate.delivered', () => {
    it('passes for a keystore completed in this session, or one eHealth lists as delivered, without its password', () => {
      assert.equal(evaluateCheck('certificate.delivered', facts({ delivered: new Set([current.path]) })), 'pass');
      const delivered = listed(amelie, 'VALID_ACTIVE', '2025-01-10T09:00:05.000Z', { keystore: current.path, notBefore: '2025-01-10T09:01:00.000Z' });
      assert.equal(evaluateCheck('certificate.delivered', facts({ authority: [delivered] })), 'pass');
    });

    it('reads an opened keystore: pending (the placeholder only) fails', () => {
      assert.equal(evaluateCheck('certificate.delivered', facts({ opened: new Map([[current.path, opened('pending')]]) })), 'fail');
      assert.equal(evaluateCheck('certificate.delivered', facts({ opened: new Map([[current.path, opened('incomplete')]]) })), 'pass');
    });
  });

  describe('certificate.revoked', () => {
    it('is unknown until eHealth was asked or a revocation was done in this session', () => {
      assert.equal(evaluateCheck('certificate.revoked', facts()), 'unknown');
      assert.equal(evaluateCheck('certificate.revoked', facts({ revocations: [{ holder: amelie, keystore: current.path }] })), 'pass');
    });

    it("passes when eHealth lists the holder's last delivered certificate as REVOKED", () => {
      assert.equal(evaluateCheck('certificate.revoked', facts({ authority: [listed(amelie, 'REVOKED', '2025-01-10T09:00:05.000Z')] })), 'pass');
      // A new request after the revocation keeps it done.
      assert.equal(evaluateCheck('certificate.revoked', facts({ authority: [listed(amelie, 'IN_PROGRESS', '2026-12-02T10:00:00.000Z'), listed(amelie, 'REVOKED', '2025-01-10T09:00:05.000Z')] })), 'pass');
    });

    it("applies this session's revocations to eHealth's list; a certificate requested after one is its replacement", () => {
      const current = listed(amelie, 'VALID_ACTIVE', '2025-01-10T09:00:05.000Z');
      const revokedNow = { holder: amelie, publicKeyIdentifier: current.publicKeyIdentifier, revokedAt: '2026-12-02T10:00:00.000Z' };
      // Revoked just now; the list was read before.
      assert.equal(evaluateCheck('certificate.revoked', facts({ authority: [current], revocations: [revokedNow] })), 'pass');
      // Read again after the new request was completed: the new one replaces, the step stays done.
      const replacement = listed(amelie, 'VALID_ACTIVE', '2026-12-02T10:05:00.000Z');
      assert.equal(evaluateCheck('certificate.revoked', facts({ authority: [replacement, { ...current, status: 'REVOKED' }], revocations: [revokedNow] })), 'pass');
    });

    it('an older certificate revoked in this session leaves the current one to revoke', () => {
      const older = listed(amelie, 'VALID_ACTIVE', '2023-08-23T08:58:00.000Z');
      const current = listed(amelie, 'VALID_ACTIVE', '2025-01-10T09:00:05.000Z');
      const revokedNow = { holder: amelie, publicKeyIdentifier: older.publicKeyIdentifier, revokedAt: '2026-12-02T10:00:00.000Z' };
      assert.equal(evaluateCheck('certificate.revoked', facts({ authority: [current, older], revocations: [revokedNow] })), 'fail');
    });

    it('fails while a later certificate is in use (an old revocation), or nothing was revoked', () => {
      assert.equal(evaluateCheck('certificate.revoked', facts({ authority: [listed(amelie, 'VALID_ACTIVE', '2025-01-10T09:00:05.000Z'), listed(amelie, 'REVOKED', '2023-08-23T08:58:00.000Z')] })), 'fail');
      assert.equal(evaluateCheck('certificate.revoked', facts({ authority: [listed(amelie, 'VALID_ACTIVE', '2025-01-10T09:00:05.000Z')] })), 'fail');
      assert.equal(evaluateCheck('certificate.revoked', facts({ authority: [listed(clinic, 'REVOKED', '2025-01-10T09:00:05.000Z')] })), 'fail');
    });
  });

  describe('etk.published', () => {
    const withEtk = new Map([[current.path, opened('valid', { etk: true })]]);
    it('waits for the depot once the keystore shows an ETK, then says what the depot said', () => {
      assert.equal(evaluateCheck('etk.published', facts({ opened: withEtk })), 'unknown');
      assert.equal(evaluateCheck('etk.published', facts({ opened: withEtk, etkPublished: true })), 'pass');
      assert.equal(evaluateCheck('etk.published', facts({ opened: withEtk, etkPublished: false })), 'fail');
    });

    it('fails for an opened keystore without an ETK key', () => {
      assert.equal(evaluateCheck('etk.published', facts({ opened: new Map([[current.path, opened('valid')]]) })), 'fail');
    });
  });

  it('environment.chosen and sandbox.running say what the face found', () => {
    assert.equal(evaluateCheck('environment.chosen', facts({ environmentChosen: true })), 'pass');
    assert.equal(evaluateCheck('environment.chosen', facts({ environmentChosen: false })), 'fail');
    assert.equal(evaluateCheck('sandbox.running', facts({ sandboxRunning: false })), 'fail');
  });

  describe("a step's status", () => {
    it('is verified only when every check passes, whatever the tick', () => {
      assert.equal(stepStatus(['pass', 'pass'], false), 'verified');
      assert.equal(stepStatus(['pass'], true), 'verified');
    });

    it('is manual when ticked by hand and no check fails', () => {
      assert.equal(stepStatus([], true), 'manual');
      assert.equal(stepStatus(['pass', 'unknown'], true), 'manual');
      assert.equal(stepStatus(['locked'], true), 'manual');
    });

    it('cannot hide a failing check behind a tick', () => {
      assert.equal(stepStatus(['pass', 'fail'], true), 'failing');
      assert.equal(stepStatus(['fail'], false), 'todo');
      assert.equal(stepStatus([], false), 'todo');
    });
  });
});
