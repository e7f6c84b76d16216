// The holder's identity from the card's public data objects (CKO_DATA, label = field name, value =
// raw UTF-8 bytes, object id = group: id, address, carddata). No PIN needed.
import { parseSsin } from '../core/ssin';
import type { Identity } from './model';
import type { DataObject } from './pkcs11';

/** Month abbreviations as eID cards write them, in French, Dutch and German. */
const months: Record<string, number> = {
  JAN: 1, FEV: 2, FEB: 2, MARS: 3, MAAR: 3, MAR: 3, 'MÄR': 3, AVR: 4, APR: 4, MAI: 5, MEI: 5, JUIN: 6, JUN: 6,
  JUIL: 7, JUL: 7, AOUT: 8, AUG: 8, SEPT: 9, SEP: 9, OCT: 10, OKT: 10, NOV: 11, DEC: 12, DEZ: 12,
};

/** `18 FEB 1979`, `18.FEV.1979`, `18.02.1979` or `19790218` -> `1979-02-18`; other text unchanged. */
export function isoDate(text: string): string {
  const value = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parts = /^(\d{1,2})[\s.\-/]+([\p{L}]+\.?|\d{1,2})[\s.\-/]+(\d{4})$/u.exec(value);
  if (!parts) return value;
  const month = /^\d+$/.test(parts[2]) ? Number(parts[2]) : months[parts[2].replace('.', '').toUpperCase()];
  if (!month) return value;
  return `${parts[3]}-${String(month).padStart(2, '0')}-${parts[1].padStart(2, '0')}`;
}

export function identityOf(objects: DataObject[]): Identity {
  const field = (label: string) => {
    const found = objects.find((object) => object.label === label);
    return found ? found.value.toString('utf8').replace(/\0+$/, '').trim() : undefined;
  };
  const nationalNumber = field('national_number') ?? '';
  const gender = field('gender');
  const optional = (entries: Record<string, string | undefined>) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value));
  const street = field('address_street_and_number');
  return {
    surname: field('surname') ?? '',
    firstNames: field('firstnames') ?? '',
    nationalNumber,
    nationalNumberValid: parseSsin(nationalNumber) !== undefined,
    cardNumber: field('card_number') ?? '',
    birthDate: isoDate(field('date_of_birth') ?? ''),
    ...optional({
      thirdInitial: field('first_letter_of_third_given_name'),
      birthPlace: field('location_of_birth'),
      nationality: field('nationality'),
      validityBegin: mapDefined(field('validity_begin_date'), isoDate),
      validityEnd: mapDefined(field('validity_end_date'), isoDate),
      issuingMunicipality: field('issuing_municipality'),
      documentType: field('document_type'),
    }),
    ...(gender ? { gender: gender === 'M' ? 'male' : 'female' } : {}),
    ...(street !== undefined ? { address: { streetAndNumber: street, zip: field('address_zip') ?? '', municipality: field('address_municipality') ?? '' } } : {}),
  };
}

const mapDefined = (value: string | undefined, map: (text: string) => string) => (value === undefined ? undefined : map(value));
