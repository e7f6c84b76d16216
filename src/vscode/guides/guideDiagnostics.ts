// The linter's messages on the guide files open in editors (Problems panel, squiggles), as the
// writer types: a pause of 300 ms lints the guides folder again, with the open editors' text, so a
// translation is held to its French original as both change. The parser and markdown-it load with
// the first guide file (folderLint), not at activation. The extension starts for a writer's
// checkout by `workspaceContains:guides/fr/*.md` (package.json), not `onLanguage:markdown`, which
// would start it for every Markdown file of every user.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LintMessage } from '../../guides/guideLint';
import { lintText } from '../../faces/lintText';
import { currentTranslator, onDidChangeLanguage } from '../language';
import { guideFile } from './guideFile';
import { guidesFolderOf } from '../../guides/guide';

/** The `source` of our diagnostics, by which the preview finds them. */
export const guideDiagnosticSource = 'ehealth guides';

const typingPauseMs = 300;

export function registerGuideDiagnostics(log: vscode.LogOutputChannel): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('ehealth.guides');
  const timers = new Map<string, NodeJS.Timeout>();
  /** The latest lint started per guides folder: an older one finishing late is dropped. */
  const latest = new Map<string, number>();
  let runs = 0;

  /**
   * Files whose last tab the writer closed: VS Code may keep their documents open a while longer
   * (onDidCloseTextDocument comes when it likes), but their messages go with the tab.
   */
  const closedTabs = new Set<string>();
  const openGuides = (root: string) => vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'file' && guideFile(document.uri.fsPath)?.root === root);

  async function lint(root: string): Promise<void> {
    const run = ++runs;
    latest.set(root, run);
    const documents = openGuides(root);
    const { lintGuideFolder } = await import('./folderLint');
    const messages = await lintGuideFolder(root, new Map(documents.map((document) => [document.uri.fsPath, document.getText()])));
    if (latest.get(root) !== run) return;
    const t = currentTranslator();
    for (const document of documents) {
      if (document.isClosed || closedTabs.has(document.uri.toString())) continue;
      collection.set(document.uri, messages.filter((message) => message.file === document.uri.fsPath).map((message) => diagnostic(document, message, lintText(message, t))));
    }
  }

  function schedule(uri: vscode.Uri): void {
    const root = uri.scheme === 'file' ? guideFile(uri.fsPath)?.root : undefined;
    if (root) scheduleRoot(root);
  }

  function scheduleRoot(root: string): void {
    clearTimeout(timers.get(root));
    timers.set(root, setTimeout(() => {
      timers.delete(root);
      lint(root).catch((error: unknown) => log.error(`guides lint of ${root}: ${String(error)}`));
    }, typingPauseMs));
  }

  /** A closed or deleted file loses its diagnostics; its siblings are linted again without its editor's text. */
  function forget(uri: vscode.Uri): void {
    collection.delete(uri);
    schedule(uri);
  }

  /** Shown again (a tab, an edit, the preview): its messages come back. */
  function show(uri: vscode.Uri): void {
    closedTabs.delete(uri.toString());
    schedule(uri);
  }

  function closeTabs(event: vscode.TabChangeEvent): void {
    const shown = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs).flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : [])));
    for (const tab of event.closed) {
      if (!(tab.input instanceof vscode.TabInputText) || shown.has(tab.input.uri.toString())) continue;
      closedTabs.add(tab.input.uri.toString());
      forget(tab.input.uri);
    }
    for (const tab of event.opened) if (tab.input instanceof vscode.TabInputText) show(tab.input.uri);
  }

  // The open guides are linted with the glossaries and the store of French texts: saved, changed on disk (a pull), they count again.
  const guidesData = vscode.workspace.createFileSystemWatcher('**/guides/{glossary/*.json,french-sources.json}');
  function dataChanged(uri: vscode.Uri): void {
    const root = path.basename(path.dirname(uri.fsPath)) === 'glossary' ? guidesFolderOf(uri.fsPath) : path.dirname(uri.fsPath);
    if (openGuides(root).length) scheduleRoot(root);
  }
  for (const document of vscode.workspace.textDocuments) schedule(document.uri);
  return [
    collection,
    guidesData,
    guidesData.onDidChange(dataChanged),
    guidesData.onDidCreate(dataChanged),
    guidesData.onDidDelete(dataChanged),
    vscode.workspace.onDidOpenTextDocument((document) => show(document.uri)),
    vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length && show(event.document.uri)),
    vscode.window.tabGroups.onDidChangeTabs(closeTabs),
    vscode.workspace.onDidCloseTextDocument((document) => (closedTabs.delete(document.uri.toString()), forget(document.uri))),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach(forget)),
    vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => (forget(oldUri), schedule(newUri)))),
    onDidChangeLanguage(() => vscode.workspace.textDocuments.forEach((document) => schedule(document.uri))),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  ];
}

/** The whole line the message names (the linter gives lines, not columns). */
function diagnostic(document: vscode.TextDocument, message: LintMessage, text: string): vscode.Diagnostic {
  const line = document.lineAt(Math.min(Math.max(message.line - 1, 0), document.lineCount - 1));
  const result = new vscode.Diagnostic(line.range, text, message.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  result.source = guideDiagnosticSource;
  result.code = message.code;
  return result;
}
