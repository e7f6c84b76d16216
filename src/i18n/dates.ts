// Dates in the user's language, as written in Belgium, for both faces: "2 décembre 2026" where a
// sentence, a tooltip or a page states a date, "2 déc. 2026" where space is short (tree
// descriptions), in the user's time zone (the day their own clock shows).
import type { Language } from '.';

const locales: Record<Language, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-GB' };

/** long: `2 décembre 2026`; short: `2 déc. 2026`; moment: `2 décembre 2026 à 09:22` (when a request was made); time: `09:22` (today's); clock: `09:22:05` (seconds away). */
export type DateStyle = 'long' | 'short' | 'moment' | 'time' | 'clock';

const options: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { dateStyle: 'long' },
  short: { dateStyle: 'medium' },
  moment: { dateStyle: 'long', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  clock: { timeStyle: 'medium' },
};
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date (ISO 8601 text or Date) in the language's words; an unreadable date is shown as it came. A
 * calendar day without a time (`1985-03-14`, a birth date) is that day wherever the user is.
 */
export function formatDate(date: string | Date, language: Language, style: DateStyle = 'long'): string {
  const time = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(time.getTime())) return String(date);
  const day = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const key = `${language}/${style}/${day}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locales[language], { ...options[style], ...(day ? { timeZone: 'UTC' } : {}) })));
  return format.format(time);
}
