// Where every release's packages are: each system's VSIX with its eID card support, the universal
// one, the npm package. Where a build without card support sends its user.
import * as vscode from 'vscode';
import { homepage } from '../../package.json';

export const releasesPage = (): vscode.Uri => vscode.Uri.parse(`${homepage.replace(/#.*$/, '')}/releases`);
