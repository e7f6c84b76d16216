// Words for keystores, shared by the tree view, the details view, the status bar and the CLI.
import { commonName, readableDn } from '../core/distinguishedName';
import { formatHolder, parseHolder, sameHolder, type Holder } from '../core/holder';
import { readableHolder } from '../core/readableIdentifier';
import { authenticationExpiry } from '../keystore/expiry';
import type { KeyDescription, Keystore, KeystoreCertificate, KeystoreEntry, KeystoreFolder, KeystoreWarning } from '../keystore/model';
import type { MessageKey, Translator } from '.';
import { formatDate, type DateStyle } from './dates';

/** The usual reasons a folder cannot be listed, in words rather than error codes. */
const folderReasons: Record<string, MessageKey | undefined> = {
  EACCES: 'keystore.folder.permission-denied',
  EPERM: 'keystore.folder.permission-denied',
  ELOOP: 'keystore.folder.symlink-loop',
  ENOTDIR: 'keystore.folder.not-a-folder',
};

export function folderStateText(folder: KeystoreFolder, t: Translator): string {
  if (folder.state === 'missing') return t('keystore.folder.missing');
  if (folder.state === 'unreadable') {
    const worded = folderReasons[folder.reason ?? ''];
    return worded ? t(worded) : t('keystore.folder.unreadable', { reason: folder.reason ?? '' });
  }
  return t('keystore.folder.count', { count: folder.keystores.length });
}

/** The status of an opened keystore in a few words: "valid until 23 August 2029", "expired on ..."; short dates for a tree. */
export function statusText(keystore: Keystore, t: Translator, dates: DateStyle = 'long', now: Date = new Date()): string {
  const expiry = authenticationExpiry(keystore, now);
  const until = expiry ? formatDate(expiry.notAfter, t.language, dates) : '';
  switch (keystore.status) {
    case 'valid':
      return t('view.status.valid-until', { date: until });
    case 'renewable':
      return t('view.status.renewable', { count: Math.max(0, expiry?.daysLeft ?? 0) });
    case 'expired':
      return t('view.status.expired', { date: until });
    case 'not-yet-valid': {
      const notBefore = keystore.entries.find((entry) => entry.kind === 'authentication')?.certificate.notBefore;
      const from = notBefore ? formatDate(notBefore, t.language, dates) : '';
      return t('view.status.not-yet-valid', { date: from });
    }
    case 'incomplete':
      return t('view.status.incomplete');
    case 'pending':
      return t('view.status.pending');
    default:
      return t('view.locked');
  }
}

// The parameter a warning counts by, for its plural form.
const warningCounts: Partial<Record<KeystoreWarning['code'], string>> = { 'validity-not-three-years': 'days' };

/** A keystore warning in words. */
export function warningText(warning: KeystoreWarning, t: Translator): string {
  // An issuer's DN is read by a person: decoded.
  const params = warning.params?.issuer !== undefined ? { ...warning.params, issuer: readableDn(String(warning.params.issuer)) } : (warning.params ?? {});
  const counted = warningCounts[warning.code];
  return t(`keystore.warning.${warning.code}`, counted ? { ...params, count: params[counted] ?? 0 } : params);
}

/** "RSA 2048", "EC P-384". */
export function keyText(key: KeyDescription): string {
  if (key.type === 'rsa') return `RSA ${key.bits ?? ''}`.trim();
  if (key.type === 'ec') return `EC ${key.curve ?? ''}`.trim();
  return key.type;
}

/** A certificate's details as the CLI lists them (`keystore inspect`, `etk show`), each with its label. */
export function certificateDetails(certificate: KeystoreCertificate, t: Translator): Array<[label: string, value: string]> {
  return [
    [t('cli.inspect.subject'), readableDn(certificate.subject)],
    [t('cli.inspect.issuer'), readableDn(certificate.issuer)],
    [t('cli.inspect.serial'), `${certificate.serialNumber} (0x${certificate.serialNumberHex})`],
    [t('cli.inspect.validity'), `${formatDate(certificate.notBefore, t.language, 'moment')} → ${formatDate(certificate.notAfter, t.language, 'moment')}`],
  ];
}

/**
 * An entry for people: the ETK by the end of its serial in hex ("ETK · serial …BD90"), the holder's
 * certificate by the holder's name, a CA by its common name; a key stored alone by its alias.
 * `keystoreHolder`: the keystore's holder, whose name only its own certificates get.
 */
export function entryText(entry: KeystoreEntry, keystoreHolder: (Holder & { name?: string }) | undefined, t: Translator): string {
  if (entry.kind === 'key-only') return entry.alias;
  if (entry.kind === 'encryption') return t('view.entry.etk', { serial: entry.certificate.serialNumberHex.slice(-4) });
  const name = commonName(entry.certificate.subject);
  // The holder's own certificate (the authentication one, or a copy stored as a trusted entry) is named
  // `SSIN=...`; another holder's certificate stored here keeps its own identifier, not this holder's name.
  const holder = name === undefined ? undefined : parseHolder(name);
  if (holder) return (keystoreHolder && sameHolder(holder, keystoreHolder) ? keystoreHolder.name : undefined) ?? readableHolder(holder);
  return name ?? readableDn(entry.certificate.subject);
}

/** A holder in full where there is room (tooltips, details, `inspect`): `BRYAN EDUARD BROUCKAERT, 79.02.18-021.45 (SSIN=79021802145)`. */
export function holderText(holder: Holder, name: string | undefined): string {
  return `${name ? `${name}, ` : ''}${readableHolder(holder)} (${formatHolder(holder)})`;
}
