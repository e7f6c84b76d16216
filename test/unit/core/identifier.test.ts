import * as assert from 'node:assert/strict';
import { applicationIdProblem, holderTypes, identifierProblem, typedIdentifier } from '../../../src/core/identifier';

describe('identifiers by type', () => {
  it('accepts a valid identifier of each kind', () => {
    for (const [type, id] of [
      ['SSIN', '79021802145'],
      ['CBE', '0123456749'],
      ['CBE-TREAT_CENTER', '0123456749'],
      ['NIHII-HOSPITAL', '71000436'],
      ['NIHII11', '10000000123'],
      ['EHP', '1990001916'],
      ['SITE', '1234'],
    ]) {
      assert.equal(identifierProblem(type, id), undefined, `${type}=${id}`);
    }
  });

  it('refuses wrong CBE and SSIN check digits', () => {
    assert.equal(identifierProblem('CBE', '0123456748'), 'check-digits');
    assert.equal(identifierProblem('CBE-CONSORTIUM', '0123456748'), 'check-digits');
    assert.equal(identifierProblem('SSIN', '79021802146'), 'check-digits');
  });

  it('refuses a NIHII of the wrong length: 8 digits for NIHII-<kind>, 11 for NIHII11', () => {
    assert.equal(identifierProblem('NIHII-HOSPITAL', '7100043'), 'length');
    assert.equal(identifierProblem('NIHII-PHARMACY', '710004361'), 'length');
    assert.equal(identifierProblem('NIHII11', '71000436'), 'length');
    assert.equal(identifierProblem('CBE', '123456749'), 'length');
  });

  it('refuses letters and unknown types', () => {
    assert.equal(identifierProblem('NIHII-LABO', '7100O436'), 'not-digits');
    assert.equal(identifierProblem('CBE', '0123.456.749'), 'not-digits');
    assert.equal(identifierProblem('NIHII-CASTLE', '71000436'), 'unknown-type');
  });

  it('knows every NIHII-<kind> with 8 digits', () => {
    const kinds = [...holderTypes].filter(([type]) => type.startsWith('NIHII-'));
    assert.ok(kinds.length >= 21);
    assert.ok(kinds.every(([, length]) => length === 8));
  });

  it('refuses an application id that is not up to 30 of A-Z 0-9 _ -, and passes none at all', () => {
    assert.equal(applicationIdProblem(undefined), undefined);
    assert.equal(applicationIdProblem('DISPATCH_2-A'), undefined);
    for (const applicationId of ['dispatch', 'DIS PATCH', '', 'A'.repeat(31)]) assert.equal(applicationIdProblem(applicationId), 'application-id', applicationId);
  });

  it('reads an identifier as people type it', () => {
    assert.equal(typedIdentifier(' 0123.456.749 '), '0123456749');
    assert.equal(typedIdentifier('1-71000-43-6'), '171000436');
  });
});
