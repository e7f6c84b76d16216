import * as assert from 'node:assert/strict';
import { errorMessage } from '../../../src/faces/errors';
import { holderProblemMessage, organizationHolderProblem } from '../../../src/faces/holderChecks';
import { translator } from '../../../src/i18n';
import { ProcedureError } from '../../../src/procedures/errors';

describe('organisation holders as the faces check them', () => {
  it('finds the problem by core’s rule for the type, and a malformed application ID', () => {
    assert.equal(organizationHolderProblem({ type: 'CBE', id: '0123456749', applicationId: 'DISPATCH' }), undefined);
    assert.equal(organizationHolderProblem({ type: 'CBE', id: '0123456748' }), 'check-digits');
    assert.equal(organizationHolderProblem({ type: 'NIHII-HOSPITAL', id: '7100043' }), 'length');
    assert.equal(organizationHolderProblem({ type: 'CBE', id: '0123456749', applicationId: 'dispatch' }), 'application-id');
  });

  it('words the procedure’s refusal with the length the type needs, in the user’s language', () => {
    const error = new ProcedureError('invalid-holder', { holder: 'NIHII-HOSPITAL=7100043', type: 'NIHII-HOSPITAL', problem: 'length' });
    assert.equal(errorMessage(error, 'fr'), 'Impossible de demander un certificat pour NIHII-HOSPITAL=7100043\u00a0: Un numéro NIHII-HOSPITAL compte 8 chiffres.');
    assert.match(errorMessage(error, 'nl'), /telt 8 cijfers/);
  });

  it('tells a type this tool does not know, naming those it knows, apart from one eHealth does not list', () => {
    const offline = organizationHolderProblem({ type: 'NIHII-CASTLE', id: '71000436' });
    assert.equal(offline, 'unknown-type');
    const words = holderProblemMessage(translator('en'), offline, 'NIHII-CASTLE');
    assert.match(words, /^This tool does not know the type NIHII-CASTLE: use one of CBE, .*NIHII-HOSPITAL, .*SITEPIT\.$/);
    assert.doesNotMatch(words, /eHealth|SSIN/);
    const refused = new ProcedureError('invalid-holder', { holder: 'NIHII-CASTLE=71000436', type: 'NIHII-CASTLE', problem: 'authority-type' });
    assert.equal(errorMessage(refused, 'fr'), 'Impossible de demander un certificat pour NIHII-CASTLE=71000436\u00a0: eHealth ne connaît pas le type d’organisation NIHII-CASTLE.');
  });
});
