// Which files are guides: guides/<lang>/<id>.md, lang one of the guides' languages. Written once
// for the preview command, the diagnostics and the completions; package.json's `when` clauses of
// the preview write the same expression (a unit test keeps them equal).
import * as path from 'node:path';
import { guideLanguages, guidesFolderOf, type GuideLanguage } from '../../guides/guide';

export const guideFilePattern = new RegExp(String.raw`[\\/]guides[\\/](${guideLanguages.join('|')})[\\/][^\\/]+\.md$`);

export interface GuideFile {
  /** The guides folder: the parent of the language folders. */
  root: string;
  language: GuideLanguage;
  id: string;
}

export function guideFile(fsPath: string): GuideFile | undefined {
  const match = guideFilePattern.exec(fsPath);
  if (!match) return undefined;
  return { root: guidesFolderOf(fsPath), language: match[1] as GuideLanguage, id: path.basename(fsPath, '.md') };
}
