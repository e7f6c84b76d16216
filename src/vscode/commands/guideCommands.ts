// Commands that open guides: pick one of the shipped guides, or preview the guide file being edited
// (for writers: same renderer, updated as they type; its buttons stay off in an untrusted folder).
// The checklist view and the guide parser (markdown-it) load on first use, not at activation.
import * as vscode from 'vscode';
import { translator } from '../../i18n';
import type { GuideLanguage } from '../../guides/guide';
import type { GuideServices } from '../panels/checklistPanel';
import { currentLanguage } from '../language';
import { guideFile } from '../guides/guideFile';

export function registerGuideCommands(services: GuideServices): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('ehealth.guides.open', async (id?: string) => {
      let guideId = typeof id === 'string' ? id : undefined;
      const [{ ChecklistPanel }, { loadGuides, pickGuide }] = await Promise.all([import('../panels/checklistPanel'), import('../../guides/guideLoader')]);
      if (!guideId) {
        const language = currentLanguage() as GuideLanguage;
        const guides = await loadGuides(vscode.Uri.joinPath(services.context.extensionUri, 'guides').fsPath);
        const ids = [...new Set(guides.map((guide) => guide.id))];
        const picked = await vscode.window.showQuickPick(
          ids.map((candidate) => ({ label: pickGuide(guides, candidate, language)?.title ?? candidate, id: candidate })),
          { title: translator(currentLanguage())('guide.open.pick') },
        );
        guideId = picked?.id;
      }
      if (!guideId) return undefined;
      const panel = ChecklistPanel.show(services, { kind: 'shipped', id: guideId });
      await panel.update();
      return guideId;
    }),
    vscode.commands.registerCommand('ehealth.guides.preview', async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      const file = document && guideFile(document.uri.fsPath);
      if (!document || !file) return undefined;
      const { ChecklistPanel } = await import('../panels/checklistPanel');
      const panel = ChecklistPanel.show(services, { kind: 'preview', document, language: file.language });
      await panel.update();
      return file.id;
    }),
  ];
}
