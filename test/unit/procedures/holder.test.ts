// Whether an organisation is among those eHealth lists for the user: the one rule both faces and the
// procedure apply, whichever way the authority writes the identifier's type.
import * as assert from 'node:assert/strict';
import { chosenHolder, listedOrganization } from '../../../src/procedures/holder';
import type { OrganizationType } from '../../../src/ra/model';

const type = (identifierType: string): OrganizationType => ({ names: [], identifierType, checkDigitAlgorithms: [], availableBaseServices: [] });
const organization = (identifierType: string, value: string) => ({ names: [{ lang: 'fr', value: 'Ambulances' }], identifier: { type: identifierType, value } });

describe('an organisation eHealth lists for the user', () => {
  const types = [type('CBE'), type('urn:be:fgov:ehealth:1.0:certificateholder:nihii-hospital')];

  it('is found by its number and its type as the DN type, or as the authority writes that type', () => {
    const cbe = organization('CBE', '0123456749');
    const hospital = organization('urn:be:fgov:ehealth:1.0:certificateholder:nihii-hospital', '71000436');
    assert.equal(listedOrganization([cbe, hospital], { type: 'CBE', id: '0123456749' }, types), cbe);
    assert.equal(listedOrganization([cbe, hospital], { type: 'NIHII-HOSPITAL', id: '71000436' }, types), hospital);
  });

  it('is not another number, nor the same number of another type', () => {
    const cbe = organization('CBE', '0123456749');
    assert.equal(listedOrganization([cbe], { type: 'CBE', id: '0200000142' }, types), undefined);
    assert.equal(listedOrganization([cbe], { type: 'CBE-TREAT_CENTER', id: '0123456749' }, types), undefined);
    assert.equal(listedOrganization([organization('urn:x:nihii-hospital', '71000436')], { type: 'NIHII-HOSPITAL', id: '71000436' }, types), undefined);
  });
});

describe('a listed organisation chosen', () => {
  it('names the certificate in French, and keeps every name eHealth gives for the faces', async () => {
    const names = [
      { lang: 'nl', value: 'Ambulancedienst Sint-Helena' },
      { lang: 'fr', value: 'Ambulances Sainte-Hélène' },
    ];
    const choices = { selfName: 'Amélie Lefèvre', organizations: [{ names, identifier: { type: 'CBE', value: '0123456749' } }], organizationTypes: async () => [type('CBE')], applicationIdsInUse: async () => [] };
    const user = { ssin: '85031412401', actor: { ids: [], firstNames: ['Amélie'], name: 'Lefèvre' } };
    const chosen = await chosenHolder(choices, user, { kind: 'organization', type: 'CBE', id: '0123456749' });
    assert.equal(chosen.certificate.actor.name, 'Ambulances Sainte-Hélène');
    assert.deepEqual(chosen.names, names);
  });
});
