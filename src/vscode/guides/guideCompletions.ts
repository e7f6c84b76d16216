// Completions in guide files: step attributes and their allow-listed values, variants, and the front
// matter's keys and values (completionChoices says which), each with a line saying what it is.
import * as vscode from 'vscode';
import { currentTranslator } from '../language';
import type { Choice } from './completionChoices';
import { guideFilePattern } from './guideFile';

const kinds: Record<Choice['kind'], vscode.CompletionItemKind> = { attribute: vscode.CompletionItemKind.Property, key: vscode.CompletionItemKind.Property, value: vscode.CompletionItemKind.EnumMember };

export function registerGuideCompletions(): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(document, position) {
      if (!guideFilePattern.test(document.uri.fsPath)) return undefined;
      // With the front matter's keys comes the YAML library: loaded on the first completion, not at activation.
      const { completionChoices } = await import('./completionChoices');
      const lines = Array.from({ length: document.lineCount }, (_, index) => document.lineAt(index).text);
      const found = completionChoices(lines, position.line, position.character);
      if (!found) return undefined;
      const t = currentTranslator();
      const range = new vscode.Range(position.line, found.from, position.line, position.character);
      return found.choices.map((choice) => {
        const item = new vscode.CompletionItem(choice.label, kinds[choice.kind]);
        item.range = range;
        if (choice.insert) item.insertText = choice.insert;
        if (choice.documentation) item.detail = t(choice.documentation);
        if (choice.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: '' };
        return item;
      });
    },
  };
  return vscode.languages.registerCompletionItemProvider({ language: 'markdown', scheme: 'file' }, provider, ' ', '=', ',', ':', '-');
}
