// Commands on keystores: unlock, lock, details, change password, export a certificate, copy the
// holder's identifier, reveal the file, inspect any file. Each accepts a tree node, a file path
// (guides and tests pass one) or nothing (then the user picks a keystore).
import { X509Certificate } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatHolder } from '../../core/holder';
import { certifiedEntry, type Keystore, type KeystoreEntry } from '../../keystore/model';
import { writeOutputFile } from '../../keystore/outputFile';
import { portableName } from '../../platform/fileNames';
import { showKeystoreDetails } from '../panels/detailsPanel';
import { showBackupNotice } from '../backupNotice';
import { guarded as guard } from '../errors';
import type { KeystoreSession } from '../keystoreSession';
import type { KeystoreTreeProvider } from '../views/keystoreTree';
import { pickKeystore, type KeystoreTarget } from '../keystorePick';
import { currentTranslator } from '../language';
import { askKeystorePassword, askNewPassword } from '../passwordInput';
import { revealFile } from '../revealFile';
import type { PasswordChange } from '../../procedures';

type Target = KeystoreTarget;

export function registerKeystoreCommands(
  context: vscode.ExtensionContext,
  session: KeystoreSession,
  tree: KeystoreTreeProvider,
  log: vscode.LogOutputChannel,
): void {
  const t = currentTranslator;
  const guarded = <A extends unknown[], R>(name: string, handler: (...args: A) => Promise<R>) => guard(log, name, handler);

  const pick = (target: Target) => pickKeystore(tree, target, t()('view.inspect.open'));

  /** The opened keystore, asking for its password when it is still locked. */
  async function unlock(target: Target): Promise<{ file: string; keystore: Keystore } | undefined> {
    const file = await pick(target);
    if (!file) return undefined;
    const open = session.get(file);
    if (open) return { file, keystore: open };
    // A password kept for the session (a keystore created here) opens it without a question.
    const password = await askKeystorePassword(session, file, { title: t()('view.unlock.title', { file: path.basename(file) }) });
    const keystore = password === undefined ? undefined : session.get(file);
    return keystore ? { file, keystore } : undefined;
  }

  /** The change-password procedure, as `ehealth keystore passwd` runs it: current password (checked in its box), new one twice. */
  async function changePassword(target: Target): Promise<string | undefined> {
    const file = await pick(target);
    if (!file) return undefined;
    const tr = t();
    const title = tr('view.passwd.title', { file: path.basename(file) });
    // The two questions first, then the rewrite under its progress notification.
    const current = await askKeystorePassword(session, file, { title, prompt: tr('view.passwd.old'), step: 1, totalSteps: 3 });
    if (current === undefined) return undefined;
    // The same password again is refused in its box (the engine refuses it too).
    const next = await askNewPassword(title, 2, 3, current);
    if (next === undefined) return undefined;
    const { changeKeystorePassword } = await import('../../procedures');
    const prompter: PasswordChange['prompter'] = { keystorePassword: async () => current, newKeystorePassword: async () => next };
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: tr('view.passwd.progress') }, () => changeKeystorePassword({ prompter }, file));
    log.info(`password changed for ${file}; backup ${result.backup}`);
    await session.passwordChanged(file, next);
    tree.refresh();
    void showBackupNotice(tr('view.passwd.done', { backup: path.basename(result.backup) }), result.backup, file);
    return result.backup;
  }

  async function exportCertificate(target: Target | { file: string; alias: string }): Promise<string | undefined> {
    let file: string | undefined;
    let entry: KeystoreEntry | undefined;
    const node = typeof target === 'object' && !(target instanceof vscode.Uri) ? target : undefined;
    if (node && 'entry' in node) ({ file, entry } = { file: node.file.path, entry: node.entry });
    else {
      const opened = await unlock(node && 'alias' in node ? node.file : (target as Target));
      if (!opened) return undefined;
      file = opened.file;
      const alias = node && 'alias' in node ? node.alias : 'authentication';
      entry = opened.keystore.entries.find((candidate) => candidate.alias === alias);
    }
    if (!file || !entry) return undefined;
    // Before the save dialog: a key stored alone has no certificate to write.
    const certified = certifiedEntry(entry);
    const destination = await vscode.window.showSaveDialog({
      // The alias is the keystore's data: a name every system accepts, in the keystore's folder.
      defaultUri: vscode.Uri.file(path.join(path.dirname(file), `${portableName(entry.alias, 'certificate')}.pem`)),
      filters: { PEM: ['pem', 'crt'] },
    });
    if (!destination) return undefined;
    // The save dialog asked before replacing a file; a keystore is never replaced, even then.
    await writeOutputFile(destination.fsPath, Buffer.from(new X509Certificate(Buffer.from(certified.certificate.der, 'base64')).toString()), { force: true });
    void vscode.window.showInformationMessage(t()('view.export.done', { alias: entry.alias, file: destination.fsPath }));
    return destination.fsPath;
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('ehealth.keystore.unlock', guarded('unlock', async (target: Target) => (await unlock(target))?.keystore)),
    vscode.commands.registerCommand(
      'ehealth.keystore.lock',
      guarded('lock', async (target: Target) => {
        const file = await pick(target);
        if (file) await session.lock(file);
      }),
    ),
    vscode.commands.registerCommand(
      'ehealth.keystore.showDetails',
      guarded('details', async (target: Target) => {
        const opened = await unlock(target);
        if (opened) showKeystoreDetails(context, opened.keystore, opened.file);
        return opened?.keystore;
      }),
    ),
    vscode.commands.registerCommand('ehealth.keystore.changePassword', guarded('change password', changePassword)),
    vscode.commands.registerCommand('ehealth.keystore.exportCertificate', guarded('export', exportCertificate)),
    vscode.commands.registerCommand(
      'ehealth.keystore.copyIdentifier',
      guarded('copy identifier', async (target: Target) => {
        const file = await pick(target);
        const holder = file ? (session.get(file)?.holder ?? (await tree.keystores()).folders.flatMap((f) => f.keystores).find((k) => k.path === file)?.holder) : undefined;
        if (!holder) return undefined;
        const identifier = formatHolder(holder);
        await vscode.env.clipboard.writeText(identifier);
        void vscode.window.showInformationMessage(t()('view.copy.done', { identifier }));
        return identifier;
      }),
    ),
    vscode.commands.registerCommand(
      'ehealth.keystore.reveal',
      guarded('reveal', async (target: Target) => {
        const file = await pick(target);
        if (file) await revealFile(file);
      }),
    ),
    vscode.commands.registerCommand(
      'ehealth.keystore.inspectFile',
      guarded('inspect', async () => {
        const [picked] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'eHealth keystore': ['p12', 'acc-p12', 'sandbox-p12', 'pfx'] }, openLabel: t()('view.inspect.open') })) ?? [];
        if (!picked) return undefined;
        return vscode.commands.executeCommand('ehealth.keystore.showDetails', picked.fsPath);
      }),
    ),
  );
}
