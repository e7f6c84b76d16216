// What a release's packages must hold, checked by the release workflow (.github/workflows/release.yml)
// before anything is uploaded or published:
//   node scripts/release-check.mjs vsix FILE --target T  a platform VSIX: marked for T, with T's eID card support and no other native code
//   node scripts/release-check.mjs vsix FILE --universal a universal VSIX: marked for no platform, no native code at all
//   node scripts/release-check.mjs npm FILE              the npm tarball: the card support of every release target
//   node scripts/release-check.mjs tag vX.Y.Z            the tag names package.json's version
// Plain Node (a zip's central directory, a tarball's headers): Windows runners have no unzip, and
// nothing here needs a dependency. Exit code 1 and one line per problem when a check fails.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gunzipSync, inflateRawSync } from 'node:zlib';

/** The vsce targets a release builds, each on its own runner: the workflow's matrix and src/eid/addon.ts's
 * cardSupportTargets (test/unit/release/workflow.test.ts holds the three together). */
export const releaseTargets = ['linux-x64', 'linux-arm64', 'win32-x64', 'darwin-arm64', 'darwin-x64'];

/** The card support of one target, as the build lays it out (scripts/build.mjs, src/eid/addon.ts). */
const addonFiles = (target) => ['index.js', 'package.json', 'build/Release/pkcs11.node'].map((file) => `dist/addons/${target}/pkcs11js/${file}`);

/** Name, compression method, sizes and local header offset of every entry of a zip (a VSIX is one). */
export function zipEntries(bytes) {
  // The end-of-central-directory record: its signature, searched from the end past a comment.
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = bytes.readUInt16LE(end + 10);
  const entries = [];
  for (let at = bytes.readUInt32LE(end + 16), i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`damaged zip: central directory entry ${i}`);
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localHeader: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** The content of one zip entry (stored or deflated, the two methods vsce writes). */
export function zipEntryContent(bytes, entry) {
  const start = entry.localHeader + 30 + bytes.readUInt16LE(entry.localHeader + 26) + bytes.readUInt16LE(entry.localHeader + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`${entry.name}: zip compression method ${entry.method} not read here`);
}

/** The file names in a gzipped tarball (npm pack's), long names from their pax headers included. */
export function tarballEntries(gzipped) {
  const bytes = gunzipSync(gzipped);
  const names = [];
  let paxPath;
  for (let at = 0; at + 512 <= bytes.length; ) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (from, length) => header.toString('utf8', from, from + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const body = bytes.subarray(at + 512, at + 512 + size);
    if (type === 'x') {
      paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    } else {
      const prefix = field(345, 155);
      if (type === '0' || type === '') names.push(paxPath ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100)));
      paxPath = undefined;
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

const nativeCode = (name) => name.endsWith('.node');

/** What is wrong with a VSIX for `target` (undefined: the universal VSIX). */
export function vsixProblems(bytes, target) {
  const entries = zipEntries(bytes);
  const names = entries.map((entry) => entry.name);
  const manifest = entries.find((entry) => entry.name === 'extension.vsixmanifest');
  if (!manifest) return ['no extension.vsixmanifest: not a VSIX'];
  const marked = /TargetPlatform="([^"]*)"/.exec(zipEntryContent(bytes, manifest).toString('utf8'))?.[1];
  const problems = [];
  if (target) {
    if (marked !== target) problems.push(`marked for ${marked ?? 'every platform'}, not ${target}`);
    const wanted = addonFiles(target).map((file) => `extension/${file}`);
    for (const file of wanted) if (!names.includes(file)) problems.push(`${file} is missing: no eID card support for ${target}`);
    for (const name of names.filter(nativeCode)) if (!wanted.includes(name)) problems.push(`${name}: native code that is not ${target}'s card support`);
  } else {
    if (marked) problems.push(`marked for ${marked}: the universal VSIX must be marked for no platform`);
    for (const name of names.filter(nativeCode)) problems.push(`${name}: native code in the universal VSIX`);
  }
  return problems;
}

/** What is wrong with the npm tarball: every release target's card support, no other native code. */
export function npmProblems(gzipped, targets = releaseTargets) {
  const names = tarballEntries(gzipped);
  const wanted = targets.flatMap(addonFiles).map((file) => `package/${file}`);
  return [
    ...wanted.filter((file) => !names.includes(file)).map((file) => `${file} is missing`),
    ...names.filter((name) => nativeCode(name) && !wanted.includes(name)).map((name) => `${name}: native code that is no release target's card support`),
  ];
}

/** A release tag names the version it releases: v0.1.0 for package.json's 0.1.0. */
export function tagProblems(tag, version) {
  return tag === `v${version}` ? [] : [`tag ${tag} does not name package.json's version ${version} (expected v${version})`];
}

function main(args) {
  const [what, subject] = args;
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const problems =
    what === 'vsix' && subject && (option('--target') || args.includes('--universal'))
      ? vsixProblems(readFileSync(subject), option('--target'))
      : what === 'npm' && subject
        ? npmProblems(readFileSync(subject))
        : what === 'tag' && subject
          ? tagProblems(subject, JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version)
          : undefined;
  if (!problems) {
    console.error('usage: node scripts/release-check.mjs vsix FILE (--target T | --universal) | npm FILE | tag vX.Y.Z');
    return 2;
  }
  for (const problem of problems) console.error(`release-check: ${subject}: ${problem}`);
  if (!problems.length) console.log(`release-check: ${subject}: ok`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
