import { strict as assert } from 'node:assert';
import { checkPasswordPolicy, failedRules } from '../../../src/keystore/passwordPolicy';
import { PasswordPolicyViolation } from '../../../src/keystore/errors';
import { errorMessage } from '../../../src/faces/errors';

describe('eHealth keystore password policy', () => {
  it('accepts a long password with a digit, confirmed', () => {
    assert.ok(checkPasswordPolicy('keystore2024', 'keystore2024').every((result) => result.ok));
    assert.deepEqual(failedRules('pass-word', 'pass-word'), []);
  });

  it('reports each rule separately', () => {
    assert.deepEqual(failedRules('short1', 'short1'), ['min-length']);
    assert.deepEqual(failedRules('onlyletters', 'onlyletters'), ['digit-or-symbol']);
    assert.deepEqual(failedRules('motdepassé1', 'motdepassé1'), ['ascii-only']);
    assert.deepEqual(failedRules('keystore2024', 'keystore2025'), ['confirmation']);
    assert.deepEqual(failedRules('é', ''), ['min-length', 'digit-or-symbol', 'ascii-only', 'confirmation']);
  });

  it('explains the failures in the four languages', () => {
    const error = new PasswordPolicyViolation(['min-length', 'confirmation']);
    assert.match(errorMessage(error, 'en'), /at least 8 characters; the confirmation must equal the password/);
    assert.match(errorMessage(error, 'fr'), /au moins 8 caractères/);
    assert.match(errorMessage(error, 'nl'), /minstens 8 tekens/);
    assert.match(errorMessage(error, 'de'), /mindestens 8 Zeichen/);
  });
});
