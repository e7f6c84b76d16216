// Words for keystores, shared by the tree view, the details view, the status bar and the CLI.
import { authenticationExpiry } from '../keystore/expiry';
import type { KeyDescription, Keystore, KeystoreFolder, KeystoreWarning } from '../keystore/model';
import type { MessageKey, Translator } from '.';

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

/** The status of an opened keystore in a few words: "valid until 2029-08-23", "expired on ...". */
export function statusText(keystore: Keystore, t: Translator, now: Date = new Date()): string {
  const expiry = authenticationExpiry(keystore, now);
  const until = expiry?.notAfter.toISOString().slice(0, 10) ?? '';
  switch (keystore.status) {
    case 'valid':
      return t('view.status.valid-until', { date: until });
    case 'renewable':
      return t('view.status.renewable', { count: Math.max(0, expiry?.daysLeft ?? 0) });
    case 'expired':
      return t('view.status.expired', { date: until });
    case 'not-yet-valid': {
      const from = keystore.entries.find((entry) => entry.kind === 'authentication')?.certificate.notBefore.slice(0, 10) ?? '';
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
  const params = warning.params ?? {};
  const counted = warningCounts[warning.code];
  return t(`keystore.warning.${warning.code}`, counted ? { ...params, count: params[counted] ?? 0 } : params);
}

/** "RSA 2048", "EC P-384". */
export function keyText(key: KeyDescription): string {
  if (key.type === 'rsa') return `RSA ${key.bits ?? ''}`.trim();
  if (key.type === 'ec') return `EC ${key.curve ?? ''}`.trim();
  return key.type;
}
