// Writing a guide in a real workbench: the linter's messages appear as the writer types (Problems
// panel, squiggles, and the preview at the step they concern) and go once fixed; a translation is
// linted against its French original open beside it; completions offer the allow-listed checks.
// The guides are copies in the test workspace, never the shipped ones.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { click, pressKey, renderedTexts, screenshot, typeText, waitFor, webviewTexts } from './harnessClient';

const guideId = 'change-keystore-password';
const shipped = path.resolve(__dirname, '..', '..', '..', '..', 'guides');

/** The guide's diagnostics of one code, once the linter (300 ms after the last keystroke) has spoken. */
const diagnosticsOf = (uri: vscode.Uri, code: string) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'ehealth guides' && diagnostic.code === code);
const waitForDiagnostic = (uri: vscode.Uri, code: string) => waitFor(`a ${code} diagnostic on ${path.basename(path.dirname(uri.fsPath))}/${path.basename(uri.fsPath)}`, async () => diagnosticsOf(uri, code)[0]);
const waitForNone = (uri: vscode.Uri, code: string) => waitFor(`no ${code} diagnostic any more`, async () => diagnosticsOf(uri, code).length === 0);
/** The text area of the editor in the editor group (not the Source Control's input, also an editor). */
const editorLines = '.editor-group-container .monaco-editor .view-lines';

/**
 * The keyboard in the French editor, its cursor at `line`, `column`: a click gives the page's focus
 * to the editor, then the cursor is moved, and the status bar says where it is before typing (the
 * workbench, not only the extension host, has it there).
 */
async function typeAt(editor: vscode.TextEditor, line: number, column: number, text: string): Promise<void> {
  await click(editorLines);
  await moveCursor(editor, line, column);
  await typeText(text);
  await waitFor(`"${text}" typed`, async () => editor.document.lineAt(line).text.slice(column).startsWith(text));
}

async function moveCursor(editor: vscode.TextEditor, line: number, column: number): Promise<void> {
  const where = `Ln ${line + 1}, Col ${column + 1}`;
  await waitFor(`the cursor at ${where}`, async () => {
    editor.selection = new vscode.Selection(line, column, line, column);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    return (await renderedTexts('.statusbar-item', 500)).some((text) => text.trim() === where);
  });
}

const lineOf = (document: vscode.TextDocument, text: string) => document.getText().split('\n').findIndex((line) => line.startsWith(text));

describe('Writing guides in VS Code', () => {
  let root: string;
  let french: vscode.TextEditor;
  let original: string;
  const file = (language: string) => vscode.Uri.file(path.join(root, language, `${guideId}.md`));
  /** The French copy as it was, saved (a copy in the test workspace): nothing left to ask when closed. */
  const restore = async () => {
    const document = await vscode.workspace.openTextDocument(file('fr'));
    await change((edit) => edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), original));
    await document.save();
  };
  /** An edit of the document, whether its editor is in sight or behind the preview. */
  const change = async (make: (edit: vscode.WorkspaceEdit) => void) => {
    const edit = new vscode.WorkspaceEdit();
    make(edit);
    assert.ok(await vscode.workspace.applyEdit(edit));
  };

  before(async () => {
    root = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'writing', 'guides');
    for (const language of ['fr', 'nl', 'en', 'de']) {
      mkdirSync(path.join(root, language), { recursive: true });
      copyFileSync(path.join(shipped, language, `${guideId}.md`), path.join(root, language, `${guideId}.md`));
    }
    await vscode.workspace.getConfiguration('ehealth').update('language', 'en', vscode.ConfigurationTarget.Global);
    // A writer's checkout activates the extension (workspaceContains:guides/fr/*.md); this workspace
    // got its guides after start-up, so it is activated here.
    await vscode.extensions.getExtension('ehealthcerts.ehealth-certificates')!.activate();
    french = await vscode.window.showTextDocument(file('fr'));
    original = french.document.getText();
  });

  // Each test starts from the guide as shipped.
  afterEach(() => restore());

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('ehealth').update('language', undefined, vscode.ConfigurationTarget.Global);
    rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('shows an unknown check as the writer types it, in the Problems panel and as a squiggle at its line, and in the translation open beside it; fixed, it goes', async () => {
    const translation = await vscode.workspace.openTextDocument(file('nl'));
    const line = lineOf(french.document, '::: step #choose-keystore');
    const value = french.document.lineAt(line).text.indexOf('keystore.found');
    // The writer misspells the check: the cursor after "keystore.found", one letter more.
    await typeAt(french, line, value + 'keystore.found'.length, 'x');
    const unknown = await waitForDiagnostic(french.document.uri, 'check-unknown');
    assert.ok(unknown.message.startsWith('Unknown check (see docs/WRITING-GUIDES.md). (keystore.foundx'), unknown.message);
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([unknown.range.start.line, unknown.range.start.character, unknown.range.end.line, unknown.range.end.character], [line, 0, line, french.document.lineAt(line).text.length]);
    // The Dutch translation, open in the background, no longer does what its French original does.
    const differs = await waitForDiagnostic(translation.uri, 'step-attributes-differ');
    assert.equal(differs.range.start.line, lineOf(translation, '::: step #choose-keystore'));

    await waitFor('a squiggle under the line', async () => (await renderedTexts('.monaco-editor .squiggly-error')).length > 0);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const rows = await waitFor('the message in the Problems panel', async () => (await renderedTexts('.markers-panel .monaco-list-row', 3000)).find((text) => text.includes('Unknown check') && text.includes('keystore.foundx')));
    assert.match(rows, new RegExp(`\\[Ln ${line + 1}, Col 1\\]`));
    french.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    await screenshot('guide-writing-diagnostics');

    await click(editorLines);
    await moveCursor(french, line, value + 'keystore.found'.length + 1);
    await pressKey('Backspace');
    await waitForNone(french.document.uri, 'check-unknown');
    await waitForNone(translation.uri, 'step-attributes-differ');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await waitFor('no squiggle any more', async () => (await renderedTexts('.monaco-editor .squiggly-error')).length === 0);
  });

  it('reports a step whose closing ::: is missing at the step that opens it', async () => {
    const close = lineOf(french.document, '::: step #when-to-change') + french.document.getText().split('\n').slice(lineOf(french.document, '::: step #when-to-change')).findIndex((text) => text.trim() === ':::');
    const removed = french.document.lineAt(close).rangeIncludingLineBreak;
    await change((edit) => edit.delete(french.document.uri, removed));
    const opening = lineOf(french.document, '::: step #when-to-change');
    const errors = await waitFor('a structure error', async () => {
      const found = vscode.languages.getDiagnostics(french.document.uri).filter((diagnostic) => diagnostic.source === 'ehealth guides' && diagnostic.severity === vscode.DiagnosticSeverity.Error);
      return found.length > 0 && found;
    });
    // Once, at the step left open, saying what to write: not a cascade further down.
    assert.deepEqual(errors.map((error) => error.range.start.line), [opening]);
    assert.match(errors[0].message, /":::"/);
    await restore();
    await waitFor('no error once the fence is back', async () => !vscode.languages.getDiagnostics(french.document.uri).some((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error));
  });

  it('offers the allow-listed checks after check=, each with what it checks', async () => {
    const line = lineOf(french.document, '::: step #new-password');
    const end = french.document.lineAt(line).text.length;
    await typeAt(french, line, end, ' check=');
    const offered = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', french.document.uri, new vscode.Position(line, end + ' check='.length));
    const card = offered.items.find((item) => item.label === 'eid.card');
    assert.equal(card?.detail, 'eID card');
    const rows = await waitFor('the suggestions', async () => {
      const texts = await renderedTexts('.suggest-widget .monaco-list-row', 3000);
      return texts.some((text) => text.includes('eid.card')) && texts;
    });
    assert.ok(rows.some((text) => text.includes('eid.reader')));
    await screenshot('guide-writing-completions');
    await pressKey('Escape');
    await restore();
  });

  it('shows the messages in the preview at the step they concern, and the guide-level ones at the top', async () => {
    await vscode.commands.executeCommand('ehealth.guides.preview', french.document.uri);
    await webviewTexts('section[data-step="choose-keystore"]', 15_000);
    const line = lineOf(french.document, '::: step #choose-keystore');
    const value = french.document.lineAt(line).text.indexOf('keystore.found');
    await change((edit) => {
      edit.insert(french.document.uri, new vscode.Position(line, value + 'keystore.found'.length), 'x');
      edit.replace(french.document.uri, french.document.lineAt(lineOf(french.document, 'audience:')).range, 'audience: [health-professional, nobody]');
    });
    const atStep = await waitFor('the message at its step', async () => (await webviewTexts('section[data-step="choose-keystore"] ul.problems li', 3000))[0]);
    assert.ok(atStep.includes(`Error, line ${line + 1}: Unknown check (see docs/WRITING-GUIDES.md). (keystore.foundx`), atStep);
    const atTop = await waitFor('the guide-level message at the top', async () => (await webviewTexts('#app > ul.problems li', 3000))[0]);
    assert.ok(atTop.includes(`Error, line ${lineOf(french.document, 'audience:') + 1}: Unknown audience. (nobody`), atTop);
    await screenshot('guide-writing-preview');
    await restore();
    await waitFor('no message once fixed', async () => (await webviewTexts('ul.problems li', 3000)).length === 0);
  });

  it('clears the messages of a file once it is closed', async () => {
    const line = lineOf(french.document, '::: step #choose-keystore');
    // The step already checks keystore.found: misspell it (a second check= would be a repeated attribute).
    const end = french.document.lineAt(line).text.indexOf('keystore.found') + 'keystore.found'.length;
    await change((edit) => edit.insert(french.document.uri, new vscode.Position(line, end), 'x'));
    await waitForDiagnostic(french.document.uri, 'check-unknown');
    await vscode.window.showTextDocument(french.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('no message on the closed file', async () => vscode.languages.getDiagnostics(file('fr')).length === 0, 30_000);
  });
});
