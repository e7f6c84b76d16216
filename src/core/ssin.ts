// Belgian social security identification number (SSIN / NISS / INSZ / national register number):
// 11 digits YYMMDD SSS CC, CC = 97 - (first 9 digits mod 97); for people born in 2000 or later the
// check is computed on "2" followed by the 9 digits. BIS numbers add 20 (sex unknown) or 40 (sex
// known) to the month. Birth dates may be partly unknown (month or day 00).

export type SsinKind = 'national-register' | 'bis';

export interface Ssin {
  /** The 11 digits, without separators. */
  digits: string;
  kind: SsinKind;
  /** Century given by the checksum that matched. */
  century: 1900 | 2000;
  /** `YYYY-MM-DD`; month or day `00` when unknown (possible for BIS numbers and some foreigners). */
  birthDate: string;
  /** From the counter's parity (odd: male, even: female); unknown for a BIS number with month + 20. */
  sex?: 'male' | 'female';
}

const separators = /[\s.\-/]/g;

/** Parses an SSIN written with or without separators (`79.02.18-021.45`); undefined when invalid. */
export function parseSsin(text: string): Ssin | undefined {
  const digits = text.replace(separators, '');
  if (!/^\d{11}$/.test(digits)) return undefined;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const century = check === 97 - (base % 97) ? 1900 : check === 97 - (Number(`2${digits.slice(0, 9)}`) % 97) ? 2000 : undefined;
  if (century === undefined) return undefined;
  const rawMonth = Number(digits.slice(2, 4));
  const offset = rawMonth >= 40 ? 40 : rawMonth >= 20 ? 20 : 0;
  const month = rawMonth - offset;
  const day = Number(digits.slice(4, 6));
  if (month > 12 || day > 31) return undefined;
  const year = century + Number(digits.slice(0, 2));
  if (month > 0 && day > 0 && !isCalendarDate(year, month, day)) return undefined;
  const counter = Number(digits.slice(6, 9));
  const sex = offset === 20 ? undefined : counter % 2 === 1 ? 'male' : 'female';
  return {
    digits,
    kind: offset === 0 ? 'national-register' : 'bis',
    century,
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    ...(sex ? { sex } : {}),
  };
}

export function isValidSsin(text: string): boolean {
  return parseSsin(text) !== undefined;
}

/** The two check digits for nine digits `YYMMDDSSS`, for the given century. */
export function ssinCheckDigits(nineDigits: string, century: 1900 | 2000): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('an SSIN base is nine digits');
  const base = Number(century === 2000 ? `2${nineDigits}` : nineDigits);
  return pad(97 - (base % 97));
}

/** The usual written form `YY.MM.DD-SSS.CC`. */
export function formatSsin(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9, 11)}`;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (value: number) => String(value).padStart(2, '0');
