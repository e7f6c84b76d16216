import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { Language } from '../../../src/i18n';
import { formatDate, type DateStyle } from '../../../src/i18n/dates';
import { translator } from '../../../src/i18n';

type Case = [date: string, language: Language, style?: DateStyle];

/** `formatDate` of each case in a Node process whose clock is in `zone`: the results do not depend on the machine's zone. */
function formatIn(zone: string, cases: Case[]): string[] {
  const dates = path.join(__dirname, '..', '..', '..', 'src', 'i18n', 'dates.ts');
  const script = `const { formatDate } = require(${JSON.stringify(dates)}); process.stdout.write(JSON.stringify(JSON.parse(process.env.CASES).map(([date, language, style]) => formatDate(date, language, style))));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: zone, CASES: JSON.stringify(cases) }, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

// Eight hours behind UTC, and fourteen ahead: a moment and a calendar day may fall on different days.
const behind = 'America/Los_Angeles';
const ahead = 'Pacific/Kiritimati';

/** The reference the written-out words follow: Intl.DateTimeFormat for Belgium (en-GB for English), each case in a Node process whose clock is in `zone`. */
function intlIn(zone: string, cases: Case[]): string[] {
  const reference = {
    locales: { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-GB' },
    options: { long: { dateStyle: 'long' }, short: { dateStyle: 'medium' }, moment: { dateStyle: 'long', timeStyle: 'short' }, time: { timeStyle: 'short' }, clock: { timeStyle: 'medium' } },
  };
  const script = `const { locales, options } = JSON.parse(process.env.REFERENCE);
    process.stdout.write(JSON.stringify(JSON.parse(process.env.CASES).map(([date, language, style = 'long']) =>
      new Intl.DateTimeFormat(locales[language], { ...options[style], ...(/^\\d{4}-\\d{2}-\\d{2}$/.test(date) ? { timeZone: 'UTC' } : {}) }).format(new Date(date)))));`;
  const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone, CASES: JSON.stringify(cases), REFERENCE: JSON.stringify(reference) }, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

describe('dates in the user language', () => {
  it('writes a date in words as Belgium writes it, long and short', () => {
    const cases: Case[] = [
      ['2026-12-02T20:00:00.000Z', 'fr'],
      ['2026-12-02T20:00:00.000Z', 'nl'],
      ['2026-12-02T20:00:00.000Z', 'de'],
      ['2026-12-02T20:00:00.000Z', 'en'],
      ['2026-12-02T20:00:00.000Z', 'fr', 'short'],
      ['2026-12-02T20:00:00.000Z', 'en', 'short'],
      ['2026-12-02T20:00:00.000Z', 'fr', 'moment'],
      ['2026-12-02T20:00:00.000Z', 'de', 'time'],
    ];
    assert.deepEqual(formatIn(behind, cases), ['2 décembre 2026', '2 december 2026', '2. Dezember 2026', '2 December 2026', '2 déc. 2026', '2 Dec 2026', '2 décembre 2026 à 12:00', '12:00']);
  });

  it("writes a moment on the user's clock: the same moment is another day in another time zone", () => {
    const cases: Case[] = [
      ['2026-12-02T12:00:00.000Z', 'en', 'moment'],
      ['2026-12-02T12:00:00.000Z', 'fr'],
    ];
    assert.deepEqual(formatIn(behind, cases), ['2 December 2026 at 04:00', '2 décembre 2026']);
    assert.deepEqual(formatIn(ahead, cases), ['3 December 2026 at 02:00', '3 décembre 2026']);
  });

  it('writes a calendar day without a time (a birth date) as that day in every time zone', () => {
    const cases: Case[] = [
      ['1985-03-14', 'fr'],
      ['1985-03-14', 'nl', 'short'],
    ];
    for (const zone of [behind, ahead]) assert.deepEqual(formatIn(zone, cases), ['14 mars 1985', '14 mrt 1985'], zone);
  });

  it('writes every style in every language as Intl.DateTimeFormat does, on any clock', () => {
    const dates = ['1985-03-14', '2026-01-01', '2026-09-30', '9999-12-31'];
    for (let month = 0; month < 12; month++) {
      for (const [day, hours, minutes, seconds] of [[1, 0, 0, 0], [9, 9, 5, 59], [10, 12, 30, 5], [28, 23, 59, 9]]) dates.push(new Date(Date.UTC(2026, month, day, hours, minutes, seconds)).toISOString());
    }
    const cases = dates.flatMap((date) => (['fr', 'nl', 'de', 'en'] as const).flatMap((language) => (['long', 'short', 'moment', 'time', 'clock'] as const).map((style): Case => [date, language, style])));
    for (const zone of ['UTC', behind, ahead, 'Europe/Brussels']) assert.deepEqual(formatIn(zone, cases), intlIn(zone, cases), zone);
  });

  it('takes a Date as it takes its ISO text, and shows a date it cannot read as it came', () => {
    const moment = '2026-12-02T12:00:00.000Z';
    assert.equal(formatDate(new Date(moment), 'fr', 'short'), formatDate(moment, 'fr', 'short'));
    assert.equal(formatDate('-', 'fr'), '-');
  });

  it('a translator knows its language, so any text it writes can hold a date in that language', () => {
    assert.equal(translator('nl').language, 'nl');
  });
});
