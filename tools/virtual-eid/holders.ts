// The holders of the virtual eID cards: realistic Belgian data with accents and valid national
// numbers (one born before 2000, one after, so both SSIN checksum centuries are exercised).
import { ssinCheckDigits } from '../../src/core/ssin';
import type { DataObject } from '../../src/eid/pkcs11';

export type VirtualAlgorithm = 'rsa' | 'ec';

export interface VirtualHolder {
  surname: string;
  firstNames: string;
  thirdInitial: string;
  /** Given name used in the certificates' common name. */
  givenName: string;
  nationalNumber: string;
  /** As the card writes it (month in the card's language). */
  birthDateOnCard: string;
  birthPlace: string;
  gender: 'M' | 'F';
  nationality: string;
  cardNumber: string;
  issuingMunicipality: string;
  streetAndNumber: string;
  zip: string;
  municipality: string;
}

const ssin = (nine: string, century: 1900 | 2000) => nine + ssinCheckDigits(nine, century);

export const holders: Record<VirtualAlgorithm, VirtualHolder> = {
  // Older card generation: RSA 2048.
  rsa: {
    surname: 'Lefèvre',
    firstNames: 'Amélie Françoise',
    thirdInitial: 'J',
    givenName: 'Amélie',
    nationalNumber: ssin('850314124', 1900),
    birthDateOnCard: '14 MARS 1985',
    birthPlace: 'Liège',
    gender: 'F',
    nationality: 'Belge',
    cardNumber: '592123456789',
    issuingMunicipality: 'Liège',
    streetAndNumber: "Rue de l'Église 12",
    zip: '4000',
    municipality: 'Liège',
  },
  // Recent card generation: EC P-384.
  ec: {
    surname: 'Van den Broeck',
    firstNames: 'Jörg Maël',
    thirdInitial: 'P',
    givenName: 'Jörg',
    nationalNumber: ssin('030722337', 2000),
    birthDateOnCard: '22 JUL 2003',
    birthPlace: 'Sint-Niklaas',
    gender: 'M',
    nationality: 'Belg',
    cardNumber: '600987654321',
    issuingMunicipality: 'Gent',
    streetAndNumber: 'Kouter 7 bus 3',
    zip: '9000',
    municipality: 'Gent',
  },
};

/** The public data objects as the eID middleware exposes them (label = field, object id = group). */
export function identityObjects(holder: VirtualHolder, issued: Date): DataObject[] {
  const cardDate = (date: Date) => `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
  const expires = new Date(issued);
  expires.setUTCFullYear(expires.getUTCFullYear() + 10);
  const groups: Record<string, Record<string, string>> = {
    id: {
      card_number: holder.cardNumber,
      validity_begin_date: cardDate(issued),
      validity_end_date: cardDate(expires),
      issuing_municipality: holder.issuingMunicipality,
      national_number: holder.nationalNumber,
      surname: holder.surname,
      firstnames: holder.firstNames,
      first_letter_of_third_given_name: holder.thirdInitial,
      nationality: holder.nationality,
      location_of_birth: holder.birthPlace,
      date_of_birth: holder.birthDateOnCard,
      gender: holder.gender,
      nobility: '',
      document_type: '1',
      special_status: '0',
    },
    address: {
      address_street_and_number: holder.streetAndNumber,
      address_zip: holder.zip,
      address_municipality: holder.municipality,
    },
    carddata: {
      carddata_serialnumber: `534C494E336600296CFF2623660B${holder.cardNumber.slice(-4)}`,
      carddata_appl_version: '18',
      carddata_pkcs15_version: '2',
    },
  };
  return Object.entries(groups).flatMap(([objectId, fields]) =>
    Object.entries(fields).map(([label, value]) => ({ label, objectId, value: Buffer.from(value, 'utf8') })),
  );
}

const pad = (value: number) => String(value).padStart(2, '0');
