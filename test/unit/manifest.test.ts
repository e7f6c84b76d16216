import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import manifest from '../../package.json';
import { DEFAULT_VALIDITY_DAYS } from '../../src/sandbox/options';

const root = path.resolve(__dirname, '../..');

/**
 * The categories VS Code accepts (EXTENSION_CATEGORIES in microsoft/vscode,
 * src/vs/platform/extensions/common/extensions.ts; the same list is in code-server 4.139's
 * server-main.js). vsce 4.1 does not check them; the Marketplace drops an unknown one.
 */
const vscodeCategories = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Extension Packs', 'Education', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'Other'];

/** Width and height from a PNG's IHDR chunk, after checking the signature (PNG spec, 5.2 and 11.2.2). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is not a PNG`);
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('extension manifest (package.json)', () => {
  it('has a 128x128 PNG icon (the Marketplace refuses SVG icons)', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    assert.deepEqual(pngSize(path.join(root, manifest.icon)), { width: 128, height: 128 });
  });

  it('names its repository, issues and home page', () => {
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
    assert.equal(manifest.bugs.url, manifest.repository.url.replace(/\.git$/, '/issues'));
    assert.ok(manifest.homepage.startsWith(manifest.repository.url.replace(/\.git$/, '')));
  });

  it('uses only categories VS Code knows', () => {
    assert.ok(manifest.categories.length > 0);
    for (const category of manifest.categories) assert.ok(vscodeCategories.includes(category), `unknown category ${category}`);
  });

  it('has at most 30 keywords (the Marketplace limit), none twice', () => {
    assert.ok(manifest.keywords.length <= 30, `${manifest.keywords.length} keywords`);
    assert.equal(new Set(manifest.keywords.map((keyword) => keyword.toLowerCase())).size, manifest.keywords.length);
  });

  it('prefers the local machine, where the card reader is, and can run remotely', () => {
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
  });

  it('declares it needs real files (no virtual workspaces) and what Restricted Mode withholds', () => {
    assert.equal(manifest.capabilities.virtualWorkspaces, false);
    const { untrustedWorkspaces } = manifest.capabilities;
    assert.equal(untrustedWorkspaces.supported, 'limited');
    const settings = Object.keys(manifest.contributes.configuration.properties);
    for (const key of untrustedWorkspaces.restrictedConfigurations) assert.ok(settings.includes(key), `restricted setting ${key} is not contributed`);
  });

  it("declares the sandbox's certificate validity default the sandbox itself uses", () => {
    assert.equal(manifest.contributes.configuration.properties['ehealth.sandbox.validityDays'].default, DEFAULT_VALIDITY_DAYS);
  });
});
