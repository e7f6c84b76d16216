// Words that differ per system, each rule written once with the system given (the VS Code face gives
// its own, tests give each): the file manager's name on the button that shows a file, and where
// the system keeps the passwords the user asked VS Code to remember.
import { operatingSystem } from '../core/operatingSystem';
import type { MessageKey } from '../i18n';

/**
 * The button that shows a file: VS Code's own words for its "reveal in the file manager" on that
 * system (Reveal in File Explorer, Reveal in Finder, Open Containing Folder) where the file manager
 * can show it; plain Reveal where it cannot (a browser, a remote window: the path is shown instead).
 */
export function revealLabelKey(platform: string, inFileManager: boolean): MessageKey {
  return inFileManager ? `file-manager.reveal.${operatingSystem(platform)}` : 'backup.action.reveal';
}

/** How VS Code's secret storage protects a remembered password on that system (its keychain, and on Linux what happens without one). */
export const secretStoreKey = (platform: string): MessageKey => `secret-store.${operatingSystem(platform)}`;
