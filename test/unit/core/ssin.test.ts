import * as assert from 'node:assert/strict';
import { formatSsin, isValidSsin, parseSsin, ssinCheckDigits } from '../../../src/core/ssin';

describe('SSIN (national register and BIS numbers)', () => {
  it('accepts a person born in the 1900s and reads birth date and sex', () => {
    assert.deepEqual(parseSsin('79021802145'), {
      digits: '79021802145',
      kind: 'national-register',
      century: 1900,
      birthDate: '1979-02-18',
      sex: 'male',
    });
  });

  it('accepts the written form with dots and dash', () => {
    assert.equal(parseSsin('79.02.18-021.45')?.digits, '79021802145');
    assert.equal(formatSsin('79021802145'), '79.02.18-021.45');
  });

  it('computes the checksum on "2" + 9 digits for people born from 2000', () => {
    const base = '050301124';
    const check = ssinCheckDigits(base, 2000);
    assert.notEqual(check, ssinCheckDigits(base, 1900));
    const parsed = parseSsin(base + check);
    assert.equal(parsed?.century, 2000);
    assert.equal(parsed?.birthDate, '2005-03-01');
    assert.equal(parsed?.sex, 'female');
    assert.equal(parseSsin(base + ssinCheckDigits(base, 1900))?.century, 1900);
  });

  it('accepts BIS numbers with month + 20 (sex unknown) and + 40 (sex known)', () => {
    const unknownSex = `792218021${ssinCheckDigits('792218021', 1900)}`;
    assert.deepEqual(parseSsin(unknownSex), { digits: unknownSex, kind: 'bis', century: 1900, birthDate: '1979-02-18' });
    const knownSex = `794218022${ssinCheckDigits('794218022', 1900)}`;
    assert.equal(parseSsin(knownSex)?.kind, 'bis');
    assert.equal(parseSsin(knownSex)?.sex, 'female');
  });

  it('accepts an unknown birth day or month (00)', () => {
    const base = '790000021';
    assert.equal(parseSsin(base + ssinCheckDigits(base, 1900))?.birthDate, '1979-00-00');
  });

  it('refuses wrong checksums, impossible dates, wrong lengths and letters', () => {
    for (const text of ['79021802146', '7902180214', '790218021455', '7902180214a', '', `790230021${ssinCheckDigits('790230021', 1900)}`, `791318021${ssinCheckDigits('791318021', 1900)}`]) {
      assert.equal(isValidSsin(text), false, text);
    }
  });

  it('refuses a base that is not nine digits when computing check digits', () => {
    assert.throws(() => ssinCheckDigits('12345', 1900), RangeError);
  });
});
