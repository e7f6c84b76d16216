import * as assert from 'node:assert/strict';
import { identityOf, isoDate } from '../../../src/eid/identity';

const object = (label: string, value: string, objectId = 'id') => ({ label, objectId, value: Buffer.from(value, 'utf8') });

describe('eID identity', () => {
  it('reads birth dates as cards write them in French, Dutch and German', () => {
    assert.equal(isoDate('14 MARS 1985'), '1985-03-14');
    assert.equal(isoDate('01 MAAR 1985'), '1985-03-01');
    assert.equal(isoDate('3 MÄR 1990'), '1990-03-03');
    assert.equal(isoDate('22 JUL 2003'), '2003-07-22');
    assert.equal(isoDate('05.AOUT.1970'), '1970-08-05');
    assert.equal(isoDate('17 DEZ 2001'), '2001-12-17');
  });

  it('reads validity dates (dd.mm.yyyy) and compact dates', () => {
    assert.equal(isoDate('14.03.2023'), '2023-03-14');
    assert.equal(isoDate('20230314'), '2023-03-14');
  });

  it('keeps a date it cannot read as it is (year only, unknown month)', () => {
    assert.equal(isoDate('1979'), '1979');
    assert.equal(isoDate('14 XYZ 1985'), '14 XYZ 1985');
  });

  it('maps the data objects, UTF-8 with accents, and checks the national number', () => {
    const identity = identityOf([
      object('surname', 'Lefèvre'),
      object('firstnames', 'Amélie Françoise'),
      object('national_number', '79021802145'),
      object('card_number', '592123456789'),
      object('date_of_birth', '18 FEV 1979'),
      object('gender', 'V'),
      object('address_street_and_number', "Rue de l'Église 12", 'address'),
      object('address_zip', '4000', 'address'),
      object('address_municipality', 'Liège', 'address'),
    ]);
    assert.deepEqual(identity, {
      surname: 'Lefèvre',
      firstNames: 'Amélie Françoise',
      nationalNumber: '79021802145',
      nationalNumberValid: true,
      cardNumber: '592123456789',
      birthDate: '1979-02-18',
      gender: 'female',
      address: { streetAndNumber: "Rue de l'Église 12", zip: '4000', municipality: 'Liège' },
    });
  });

  it('flags a national number whose checksum fails', () => {
    assert.equal(identityOf([object('national_number', '79021802146')]).nationalNumberValid, false);
  });
});
