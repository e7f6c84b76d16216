// Reading and writing the `ehealth.*` settings by their typed keys (settingKeys.ts). No default is
// restated here: VS Code answers with package.json's default when the user set nothing.
import * as vscode from 'vscode';
import type { SettingKey, Settings } from './settingKeys';

export function setting<K extends SettingKey>(key: K): Settings[K] {
  // Every key is contributed by package.json with a default, so `get` never answers undefined.
  return vscode.workspace.getConfiguration().get<Settings[K]>(key) as Settings[K];
}

/** Writes a setting for the user (all workspaces), as the commands that change one do. */
export function updateSetting<K extends SettingKey>(key: K, value: Settings[K]): Thenable<void> {
  return vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
}

export function affects(event: vscode.ConfigurationChangeEvent, ...keys: SettingKey[]): boolean {
  return keys.some((key) => event.affectsConfiguration(key));
}

/** The user set `key` somewhere (user, workspace or folder settings), not left to its default. */
export function isSet(key: SettingKey): boolean {
  const inspected = vscode.workspace.getConfiguration().inspect(key);
  return [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue].some((value) => value !== undefined);
}
