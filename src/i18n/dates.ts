// Dates in the user's language, as written in Belgium, for both faces: "2 décembre 2026" where a
// sentence, a tooltip or a page states a date, "2 déc. 2026" where space is short (tree
// descriptions), in the user's time zone (the day their own clock shows).
//
// The words and patterns are those Intl.DateTimeFormat gives for fr-BE, nl-BE, de-BE and en-GB
// (CLDR), written out here: the first Intl date format of a process costs about 25 ms of ICU
// start-up, which every command line run that shows a date would pay. test/unit/i18n/dates.test.ts
// keeps them equal to Intl's, style by style and language by language.
import type { Language } from '.';

/** long: `2 décembre 2026`; short: `2 déc. 2026`; moment: `2 décembre 2026 à 09:22` (when a request was made); time: `09:22` (today's); clock: `09:22:05` (seconds away). */
export type DateStyle = 'long' | 'short' | 'moment' | 'time' | 'clock';

interface Words {
  months: string[];
  /** The month in short dates; none: the date in figures (de-BE: 02.12.2026). */
  shortMonths?: string[];
  /** Between the date and the time of a moment. */
  at: string;
  /** A full stop after the day (de-BE: 2. Dezember 2026). */
  dayStop?: boolean;
}

const words: Record<Language, Words> = {
  fr: {
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    shortMonths: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    at: 'à',
  },
  nl: {
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    shortMonths: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    at: 'om',
  },
  de: {
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    at: 'um',
    dayStop: true,
  },
  en: {
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
    at: 'at',
  },
};

interface Parts {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');
const longDate = (p: Parts, w: Words) => `${p.day}${w.dayStop ? '.' : ''} ${w.months[p.month]} ${p.year}`;
const hoursMinutes = (p: Parts) => `${twoDigits(p.hours)}:${twoDigits(p.minutes)}`;

const styles: Record<DateStyle, (p: Parts, w: Words) => string> = {
  long: longDate,
  short: (p, w) => (w.shortMonths ? `${p.day} ${w.shortMonths[p.month]} ${p.year}` : `${twoDigits(p.day)}.${twoDigits(p.month + 1)}.${p.year}`),
  moment: (p, w) => `${longDate(p, w)} ${w.at} ${hoursMinutes(p)}`,
  time: hoursMinutes,
  clock: (p) => `${hoursMinutes(p)}:${twoDigits(p.seconds)}`,
};

/**
 * A date (ISO 8601 text or Date) in the language's words; an unreadable date is shown as it came. A
 * calendar day without a time (`1985-03-14`, a birth date) is that day wherever the user is.
 */
export function formatDate(date: string | Date, language: Language, style: DateStyle = 'long'): string {
  const time = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(time.getTime())) return String(date);
  const day = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const parts: Parts = day
    ? { year: time.getUTCFullYear(), month: time.getUTCMonth(), day: time.getUTCDate(), hours: time.getUTCHours(), minutes: time.getUTCMinutes(), seconds: time.getUTCSeconds() }
    : { year: time.getFullYear(), month: time.getMonth(), day: time.getDate(), hours: time.getHours(), minutes: time.getMinutes(), seconds: time.getSeconds() };
  return styles[style](parts, words[language]);
}
