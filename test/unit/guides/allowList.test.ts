// A guide button can only run what the extension really offers: every allow-listed action is a
// command the manifest contributes (or a view's focus command), and every contributed command is
// registered by the extension's code.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { actionIds } from '../../../src/guides/allowList';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string }>; views: Record<string, Array<{ id: string }>> };
};
const contributed = new Set(manifest.contributes.commands.map((entry) => entry.command));
const views = Object.values(manifest.contributes.views).flat().map((view) => view.id);

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(folder, entry.name)) : entry.name.endsWith('.ts') ? [readFileSync(path.join(folder, entry.name), 'utf8')] : [],
  );
}

describe('guide actions and commands', () => {
  it('allows only commands the extension contributes', () => {
    const unknown = actionIds.filter((id) => !contributed.has(id) && !views.some((view) => id === `${view}.focus`));
    assert.deepEqual(unknown, []);
  });

  it('registers every command it contributes', () => {
    const code = sources(path.join(root, 'src')).join('\n');
    const registered = new Set([...code.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((match) => match[1]));
    assert.deepEqual([...contributed].filter((id) => !registered.has(id)), []);
  });
});
