// Entry point of the VS Code extension: builds the faces once and registers them.
// Activation stays light: keystore folders are scanned when the tree is shown, the keystore
// engine (ASN.1, key derivation workers) loads on the first unlock, and the eID middleware
// (pkcs11js) when the eID view is shown or a command needs the card.
import * as vscode from 'vscode';
import type { KeystoreListing } from './keystore/model';
import { AuthorityCertificates } from './vscode/authorityCertificates';
import { registerAuthorityCommands } from './vscode/commands/authorityCommands';
import { registerCertificateCommands } from './vscode/commands/certificateCommands';
import { trackCheckContext } from './vscode/checkFacts';
import { registerEidCommands } from './vscode/commands/eidCommands';
import { registerAuthorityView } from './vscode/views/authorityTree';
import { EidStatusModel } from './vscode/views/eidStatus';
import { registerEidView } from './vscode/views/eidTree';
import { registerEnvironmentCommand } from './vscode/environment';
import { ExpiryStatusBar } from './vscode/views/expiryStatusBar';
import { registerGuideCommands } from './vscode/commands/guideCommands';
import { registerGuideCompletions } from './vscode/guides/guideCompletions';
import { registerGuideDiagnostics } from './vscode/guides/guideDiagnostics';
import { registerIdentifierCommands } from './vscode/commands/identifierCommands';
import { registerKeystoreCommands } from './vscode/commands/keystoreCommands';
import { KeystoreSession } from './vscode/keystoreSession';
import { HolderNames } from './vscode/holderNames';
import { ProcedureOutcomes } from './vscode/procedureOutcomes';
import { KeystoreTreeProvider } from './vscode/views/keystoreTree';
import { authorityAnswers } from './vscode/views/keystoreState';
import { onDidChangeLanguage } from './vscode/language';
import { currentEnvironment } from './vscode/environment';
import { registerSandboxCommands, SandboxService } from './vscode/sandboxService';
import { affects, setting, updateSetting } from './vscode/settings';

/** What the extension offers other extensions (and our tests in the real VS Code). */
export interface EhealthApi {
  keystores(): Promise<KeystoreListing>;
  refreshKeystores(): void;
}

export function activate(context: vscode.ExtensionContext): EhealthApi {
  const log = vscode.window.createOutputChannel('eHealth', { log: true });
  const session = new KeystoreSession(context.secrets, log);
  const authority = new AuthorityCertificates();
  const outcomes = new ProcedureOutcomes(session, authority, log);
  const holderNames = new HolderNames(context.globalState, session);
  const keystoreTree = new KeystoreTreeProvider(session, (file) => authorityAnswers(file, outcomes.revocations(), authority.current(currentEnvironment())?.certificates), holderNames);
  const statusBar = new ExpiryStatusBar(session, keystoreTree);
  const eid = new EidStatusModel(log);
  const sandbox = new SandboxService(context.globalStorageUri, log);
  // A view, not just a data provider: the Certificates at eHealth view reveals keystores in it.
  const keystoreView = vscode.window.createTreeView('ehealth.keystores', { treeDataProvider: keystoreTree });
  context.subscriptions.push(
    log,
    session,
    holderNames,
    keystoreTree,
    statusBar,
    eid,
    sandbox,
    authority,
    outcomes,
    keystoreView,
    ...registerSandboxCommands(sandbox),
    ...registerEidView(eid),
    ...registerEidCommands(eid, log),
    ...registerIdentifierCommands(),
    vscode.commands.registerCommand('ehealth.keystores.refresh', () => keystoreTree.refresh()),
    vscode.commands.registerCommand('ehealth.keystores.addFolder', addKeystoreFolder),
    vscode.commands.registerCommand('ehealth.showOutput', () => log.show()),
    registerEnvironmentCommand(),
    // A revocation changes what a keystore's menu offers.
    authority.onDidChange(() => keystoreTree.redraw()),
    outcomes.onDidChange(() => keystoreTree.redraw()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, 'ehealth.keystore.folders')) keystoreTree.refresh();
    }),
    // Other words, same keystores: drawn again, not listed again.
    onDidChangeLanguage(() => keystoreTree.redraw()),
  );
  registerKeystoreCommands(context, session, keystoreTree, log);
  const sources = { session, tree: keystoreTree, eid, sandbox, authority, outcomes };
  context.subscriptions.push(
    ...registerGuideCommands({ ...sources, context, log }),
    // Writers' feedback on guide files: lint as they type, completions from the allow-list.
    ...registerGuideDiagnostics(log),
    registerGuideCompletions(),
    ...registerCertificateCommands({ ...sources, context, log }),
    ...registerAuthorityView(authority, keystoreTree),
    ...registerAuthorityCommands({ ...sources, context, log }, keystoreView),
    trackCheckContext(sources),
  );
  return { keystores: () => keystoreTree.keystores(), refreshKeystores: () => keystoreTree.refresh() };
}

async function addKeystoreFolder(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true });
  if (!picked?.length) return;
  const folders = setting('ehealth.keystore.folders');
  const added = picked.map((uri) => uri.fsPath).filter((folder) => !folders.includes(folder));
  await updateSetting('ehealth.keystore.folders', [...folders, ...added]);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
