// Every `ehealth.*` setting, with the type of its value. The defaults, descriptions and scopes live
// once, in package.json's contributes.configuration; this module only names the keys, so that the
// compiler refuses a misspelt one. No vscode import: the unit tests compare it with the manifest.
import type { Environment } from '../core/environment';
import type { Language } from '../i18n';
import type { ProtectionMode } from '../keystore/pkcs12/writer';

/**
 * The value each setting holds, as the manifest declares it. VS Code does not enforce that schema
 * on what a user writes in settings.json, so the readers of enumerations still check membership.
 */
export interface Settings {
  'ehealth.keystore.folders': string[];
  'ehealth.statusBar.excludeFolders': string[];
  'ehealth.keystore.rememberPasswords': boolean;
  'ehealth.keystore.writeMode': ProtectionMode;
  'ehealth.language': 'auto' | Language;
  'ehealth.eid.pkcs11Module': string;
  'ehealth.environment': Environment;
  'ehealth.sandbox.port': number;
  'ehealth.sandbox.dataFolder': string;
  'ehealth.sandbox.validityDays': number;
  'ehealth.sandbox.trust': string[];
}

export type SettingKey = keyof Settings;

// A record over SettingKey: the compiler fails when a key of Settings is missing here.
const declared: Record<SettingKey, true> = {
  'ehealth.keystore.folders': true,
  'ehealth.statusBar.excludeFolders': true,
  'ehealth.keystore.rememberPasswords': true,
  'ehealth.keystore.writeMode': true,
  'ehealth.language': true,
  'ehealth.eid.pkcs11Module': true,
  'ehealth.environment': true,
  'ehealth.sandbox.port': true,
  'ehealth.sandbox.dataFolder': true,
  'ehealth.sandbox.validityDays': true,
  'ehealth.sandbox.trust': true,
};

export const settingKeys = Object.keys(declared) as SettingKey[];
