// The words of the status bar and its tooltip: what it counts ("eHealth: valid until 2 déc. 2029"),
// and each holder's keystore with its end date, nearest first.
import { namedHolder } from '../core/readableIdentifier';
import type { Expiry } from '../keystore/expiry';
import { formatDate, type DateStyle } from './dates';
import type { Translator } from '.';

/** "valid until 2 December 2029", or "expired on …" once the end date is past. */
export function expiryState(expiry: Expiry, t: Translator, style: DateStyle = 'long'): string {
  const date = formatDate(expiry.notAfter, t.language, style);
  return expiry.daysLeft < 0 ? t('view.expiry.expired-on', { date }) : t('view.expiry.valid-until', { date });
}

/** The status bar's text for the nearest end. */
export function statusBarText(nearest: Expiry, t: Translator): string {
  return t('view.statusbar.text', { state: expiryState(nearest, t, 'short') });
}

/** One line per keystore, nearest end first: holder (their name when known), environment, state. */
export function statusBarRows(expiries: readonly Expiry[], t: Translator): string[] {
  return [...expiries]
    .sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime())
    .map((expiry) => {
      const { holder, file, environment } = expiry.keystore;
      const who = holder ? namedHolder(holder, holder.name) : (file ?? '');
      return t('view.statusbar.tooltip.row', { holder: who, environment: t(`environment.${environment}`), state: expiryState(expiry, t) });
    });
}
