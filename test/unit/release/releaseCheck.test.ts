// scripts/release-check.mjs, which the release workflow runs on each package before it is published:
// zips written by yazl (the zip writer vsce packs VSIX files with), tarballs laid out as npm pack does.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { create } from 'tar';

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'scripts', 'release-check.mjs');

interface ReleaseCheck {
  releaseTargets: string[];
  vsixProblems(bytes: Buffer, target?: string): Promise<string[]>;
  npmProblems(gzipped: Buffer): string[];
  tagProblems(tag: string, version: string): string[];
}
const load = async () => (await import(pathToFileURL(script).href)) as ReleaseCheck;

interface ZipFile {
  addBuffer(data: Buffer, name: string, options?: { compress: boolean }): void;
  end(): void;
  outputStream: NodeJS.ReadableStream;
}
const yazl = createRequire(require.resolve('@vscode/vsce/package.json'))('yazl') as { ZipFile: new () => ZipFile };

/** A zip of these entries (text or bytes), deflated as vsce does. */
async function zip(entries: Record<string, string>): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) file.addBuffer(Buffer.from(content), name, { compress: true });
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const manifest = (target?: string) => `<PackageManifest><Metadata><Identity Id="ehealth-certificates" Version="0.1.0" Publisher="ehealthcerts"${target ? ` TargetPlatform="${target}"` : ''}/></Metadata></PackageManifest>`;
const addon = (prefix: string, target: string) =>
  Object.fromEntries(['index.js', 'package.json', 'build/Release/pkcs11.node'].map((file) => [`${prefix}dist/addons/${target}/pkcs11js/${file}`, 'addon']));

/** A gzipped tarball of these files, written by tar (npm's own writer; a pax header for a long name). */
function tarball(files: string[]): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'ehealth-tarball-'));
  try {
    for (const name of files) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), 'bytes');
    }
    const file = path.join(dir, 'package.tgz');
    create({ gzip: true, sync: true, cwd: dir, file, portable: true }, files);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('release check', () => {
  it('a platform VSIX: marked for its target, with that target card support and no other native code', async () => {
    const { vsixProblems } = await load();
    const good = { 'extension.vsixmanifest': manifest('darwin-arm64'), 'extension/package.json': '{}', ...addon('extension/', 'darwin-arm64') };
    assert.deepEqual(await vsixProblems(await zip(good), 'darwin-arm64'), []);

    const wrongMark = await zip({ ...good, 'extension.vsixmanifest': manifest('darwin-x64') });
    assert.deepEqual(await vsixProblems(wrongMark, 'darwin-arm64'), ['marked for darwin-x64, not darwin-arm64']);
    const withoutAddon = await zip({ 'extension.vsixmanifest': manifest('linux-x64'), ...addon('extension/', 'linux-arm64') });
    const problems = await vsixProblems(withoutAddon, 'linux-x64');
    assert.ok(problems.includes('extension/dist/addons/linux-x64/pkcs11js/build/Release/pkcs11.node is missing: no eID card support for linux-x64'), problems.join('\n'));
    assert.ok(problems.includes("extension/dist/addons/linux-arm64/pkcs11js/build/Release/pkcs11.node: native code that is not linux-x64's card support"), problems.join('\n'));
    assert.deepEqual(await vsixProblems(await zip({ 'extension/package.json': '{}' }), 'linux-x64'), ['no extension.vsixmanifest: not a VSIX']);
  });

  it('the universal VSIX: marked for no platform, no native code', async () => {
    const { vsixProblems } = await load();
    assert.deepEqual(await vsixProblems(await zip({ 'extension.vsixmanifest': manifest(), 'extension/dist/extension.js': '' })), []);
    assert.deepEqual(await vsixProblems(await zip({ 'extension.vsixmanifest': manifest('win32-x64'), 'extension/dist/other.node': '' })), [
      'marked for win32-x64: the universal VSIX must be marked for no platform',
      'extension/dist/other.node: native code in the universal VSIX',
    ]);
  });

  it('the npm package: every release target card support, read through long names too, and no other native code', async () => {
    const { npmProblems, releaseTargets } = await load();
    const everyTarget = releaseTargets.flatMap((target) => Object.keys(addon('package/', target)));
    assert.deepEqual(npmProblems(tarball(['package/bin/ehealth.js', ...everyTarget])), []);
    const long = `package/dist/cli/${'a'.repeat(100)}.node`;
    const missing = everyTarget.filter((file) => !file.includes('/darwin-x64/'));
    assert.deepEqual(npmProblems(tarball([...missing, long])), [
      'package/dist/addons/darwin-x64/pkcs11js/index.js is missing',
      'package/dist/addons/darwin-x64/pkcs11js/package.json is missing',
      'package/dist/addons/darwin-x64/pkcs11js/build/Release/pkcs11.node is missing',
      `${long}: native code that is no release target's card support`,
    ]);
  });

  it('a tag names the version it releases', async () => {
    const { tagProblems } = await load();
    assert.deepEqual(tagProblems('v1.2.3', '1.2.3'), []);
    assert.deepEqual(tagProblems('v1.2', '1.2.3'), ["tag v1.2 does not name package.json's version 1.2.3 (expected v1.2.3)"]);
  });

  it('from the command line: exit 0 on a good package, 1 with the problems on a bad one, 2 on a wrong call', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ehealth-release-check-'));
    try {
      const file = path.join(dir, 'universal.vsix');
      writeFileSync(file, await zip({ 'extension.vsixmanifest': manifest() }));
      const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
      assert.equal(run('vsix', file, '--universal').status, 0);
      const wrong = run('vsix', file, '--target', 'linux-x64');
      assert.equal(wrong.status, 1);
      assert.match(wrong.stderr, /universal\.vsix: marked for every platform, not linux-x64/);
      assert.equal(run('vsix', file).status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
