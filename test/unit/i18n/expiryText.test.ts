import * as assert from 'node:assert/strict';
import { translator } from '../../../src/i18n';
import { statusBarRows, statusBarText } from '../../../src/i18n/expiryText';
import type { Expiry } from '../../../src/keystore/expiry';
import type { Keystore } from '../../../src/keystore/model';

const expiry = (notAfter: string, daysLeft: number, holder: Keystore['holder']): Expiry => ({
  keystore: { holder, environment: 'acceptance', evaluatedAt: '2026-12-02T12:00:00Z', locked: false, keyAliases: [], entries: [], checks: [], warnings: [], protection: {} as Keystore['protection'] },
  notAfter: new Date(notAfter),
  daysLeft,
});
const amelie = expiry('2029-12-02T12:00:00Z', 1096, { type: 'SSIN', id: '85031412401', name: 'Amélie Lefèvre', source: 'certificate' });
const clinic = expiry('2026-11-20T12:00:00Z', -12, { type: 'CBE', id: '0123456749', applicationId: 'PORTAL', source: 'file-name' });

describe('status bar words', () => {
  it('says what it counts: the nearest end, as a date', () => {
    assert.equal(statusBarText(amelie, translator('en')), 'eHealth: valid until 2 Dec 2029');
    assert.equal(statusBarText(amelie, translator('fr')), 'eHealth\u00a0: valable jusqu’au 2 déc. 2029');
    assert.equal(statusBarText(clinic, translator('en')), 'eHealth: expired on 20 Nov 2026');
  });

  it('lists each holder with their date, the first to end at the top', () => {
    assert.deepEqual(statusBarRows([amelie, clinic], translator('en')), [
      'CBE 0123.456.749 · PORTAL · acceptance: expired on 20 November 2026',
      'Amélie Lefèvre (85.03.14-124.01) · acceptance: valid until 2 December 2029',
    ]);
    assert.equal(statusBarRows([amelie], translator('nl'))[0], 'Amélie Lefèvre (85.03.14-124.01) · acceptatie: geldig tot 2 december 2029');
  });
});
