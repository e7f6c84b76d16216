import * as assert from 'node:assert/strict';
import { errorFace, errorMessage } from '../../../src/faces/errors';
import { ProcedureError } from '../../../src/procedures/errors';

describe('renewal refused by eHealth', () => {
  const tooEarly = new ProcedureError('not-replaceable', { status: 'VALID_ACTIVE', from: '2029-09-03T10:18:19.000Z' });

  it('is information with the date renewal opens, not an error to retry', () => {
    assert.equal(errorFace(tooEarly)?.cancel, 'notice');
    assert.match(errorMessage(tooEarly, 'en'), /^Too early to renew: this certificate can be renewed from 3 September 2029\./);
    assert.match(errorMessage(tooEarly, 'fr'), /^Trop tôt pour renouveler\u00a0: ce certificat peut être renouvelé à partir du 3 septembre 2029\./);
  });

  it('says why when eHealth gives no date (the certificate cannot be renewed at all)', () => {
    assert.match(errorMessage(new ProcedureError('not-replaceable', { status: 'REVOKED', from: '-' }), 'en'), /cannot be renewed now \(status REVOKED\)/);
  });
});
