import * as assert from 'node:assert/strict';
import { errorFace, errorMessage } from '../../../src/faces/errors';
import { ProcedureError } from '../../../src/procedures/errors';
import { renewalRefusal } from '../../../src/procedures/renew';

describe('renewal refused by eHealth', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const opens = new Date('2029-09-03T10:18:19.000Z');

  it('is too early only for an active certificate whose replacement window opens later', () => {
    const tooEarly = renewalRefusal({ status: 'VALID_ACTIVE', replacementPeriodStartDate: opens }, now);
    assert.equal(tooEarly.key, 'procedure/renewal-not-open-yet');
    assert.equal(errorFace(tooEarly)?.cancel, 'notice');
    assert.equal(errorFace(tooEarly)?.exit, errorFace(new ProcedureError('not-replaceable'))?.exit);
    assert.match(errorMessage(tooEarly, 'en'), /^Too early to renew: this certificate can be renewed from 3 September 2029\./);
    assert.match(errorMessage(tooEarly, 'fr'), /^Trop tôt pour renouveler\u00a0: ce certificat peut être renouvelé à partir du 3 septembre 2029\./);
  });

  it('never names a past date: a window that opened already, or a revoked certificate, says the status', () => {
    const past = renewalRefusal({ status: 'VALID_ACTIVE', replacementPeriodStartDate: new Date('2026-01-01T00:00:00Z') }, now);
    const revoked = renewalRefusal({ status: 'REVOKED', replacementPeriodStartDate: opens }, now);
    const none = renewalRefusal({ status: 'EXPIRED', replacementPeriodStartDate: undefined }, now);
    for (const refusal of [past, revoked, none]) {
      assert.equal(refusal.key, 'procedure/not-replaceable');
      assert.equal(errorFace(refusal)?.cancel, 'notice');
      assert.doesNotMatch(errorMessage(refusal, 'en'), /too early|20\d\d/i);
    }
    assert.match(errorMessage(revoked, 'en'), /^This certificate cannot be renewed now \(status REVOKED\)\.$/);
    assert.match(errorMessage(past, 'fr'), /ne peut pas être renouvelé maintenant \(statut VALID_ACTIVE\)/);
  });
});
