import { strict as assert } from 'node:assert';
import { formatDate } from '../../../src/i18n/dates';
import { translator } from '../../../src/i18n';

// Midday UTC: the same day in every time zone the tests may run in.
const day = '2026-12-02T12:00:00.000Z';

describe('dates in the user language', () => {
  it('writes a date in words as Belgium writes it, long and short', () => {
    assert.equal(formatDate(day, 'fr'), '2 décembre 2026');
    assert.equal(formatDate(day, 'nl'), '2 december 2026');
    assert.equal(formatDate(day, 'de'), '2. Dezember 2026');
    assert.equal(formatDate(day, 'en'), '2 December 2026');
    assert.equal(formatDate(new Date(day), 'fr', 'short'), '2 déc. 2026');
    assert.equal(formatDate(day, 'en', 'short'), '2 Dec 2026');
    assert.match(formatDate(day, 'fr', 'moment'), /^2 décembre 2026 à \d\d:00$/);
    assert.match(formatDate(day, 'de', 'time'), /^\d\d:00$/);
  });

  it('shows a date it cannot read as it came', () => {
    assert.equal(formatDate('-', 'fr'), '-');
    assert.equal(formatDate('1985-03-14', 'fr'), '14 mars 1985');
    assert.equal(formatDate('1985-03-14', 'nl', 'short'), '14 mrt 1985');
  });

  it("a translator knows its language, so any text it writes can hold a date in that language", () => {
    assert.equal(translator('nl').language, 'nl');
  });
});
