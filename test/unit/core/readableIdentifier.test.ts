import { strict as assert } from 'node:assert';
import { namedHolder, readableHolder, readableIdentifier } from '../../../src/core/readableIdentifier';

describe('identifiers as people write them', () => {
  it('dots a valid SSIN and enterprise number, leaves other types as they are', () => {
    assert.equal(readableIdentifier('SSIN', '85031412401'), '85.03.14-124.01');
    assert.equal(readableIdentifier('CBE', '0123456749'), '0123.456.749');
    assert.equal(readableIdentifier('CBE-TREAT_CENTER', '0123456749'), '0123.456.749');
    assert.equal(readableIdentifier('NIHII-HOSPITAL', '71000436'), '71000436');
    assert.equal(readableIdentifier('EHP', '1990001916'), '1990001916');
  });

  it('shows a wrong identifier as it came, so nobody takes it for a checked one', () => {
    assert.equal(readableIdentifier('SSIN', '85031412402'), '85031412402');
    assert.equal(readableIdentifier('CBE', '0123456748'), '0123456748');
  });

  it('names a person by the SSIN alone, an organisation with its type and application id', () => {
    assert.equal(readableHolder({ type: 'SSIN', id: '79021802145' }), '79.02.18-021.45');
    assert.equal(readableHolder({ type: 'CBE', id: '0123456749', applicationId: 'PORTAL' }), 'CBE 0123.456.749 · PORTAL');
    assert.equal(readableHolder({ type: 'EHP', id: '1990001916' }), 'EHP 1990001916');
  });

  it('puts a known name first, the identifier beside it', () => {
    assert.equal(namedHolder({ type: 'SSIN', id: '79021802145' }, 'BRYAN EDUARD BROUCKAERT'), 'BRYAN EDUARD BROUCKAERT (79.02.18-021.45)');
    assert.equal(namedHolder({ type: 'CBE', id: '0123456749' }, undefined), 'CBE 0123.456.749');
  });
});
