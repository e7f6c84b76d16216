// The request's summary names a listed organisation in the user's language (eHealth gives its names
// in several), while the certificate's DN keeps the French one; a person or a typed organisation
// keeps the one name it has.
import * as assert from 'node:assert/strict';
import { summaryRows } from '../../../src/faces/requestSummary';
import { translator } from '../../../src/i18n';
import type { RequestSummary } from '../../../src/procedures/prompter';

const summary: RequestSummary = {
  environment: 'sandbox',
  holder: { type: 'CBE', id: '0123456749' },
  holderName: 'Ambulances Sainte-Hélène',
  holderNames: [
    { lang: 'fr', value: 'Ambulances Sainte-Hélène' },
    { lang: 'nl', value: 'Ambulancedienst Sint-Helena' },
  ],
  emails: ['dispatch@example.be'],
  phones: ['+3221234567'],
  folder: '/home/amelie/ehealth/keystore',
  fileName: 'CBE=0123456749 20261202-101500.sandbox-p12',
};

const holderRow = (language: 'fr' | 'nl' | 'en', shown: RequestSummary) => summaryRows(translator(language), shown)[1].values[0];

describe('the summary of a request', () => {
  it('names a listed organisation in the user\'s language, else in the first language eHealth gives', () => {
    assert.equal(holderRow('nl', summary), 'Ambulancedienst Sint-Helena (CBE 0123.456.749)');
    assert.equal(holderRow('fr', summary), 'Ambulances Sainte-Hélène (CBE 0123.456.749)');
    assert.equal(holderRow('en', summary), 'Ambulances Sainte-Hélène (CBE 0123.456.749)');
  });

  it('names a person or a typed organisation by its one name, in every language', () => {
    const typed = { ...summary, holderName: 'Hopital du Val', holderNames: undefined };
    assert.equal(holderRow('nl', typed), 'Hopital du Val (CBE 0123.456.749)');
  });
});
