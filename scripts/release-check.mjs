// What a release's packages must hold, checked by the release workflow (.github/workflows/release.yml)
// before anything is uploaded or published:
//   node scripts/release-check.mjs vsix FILE --target T  a platform VSIX: marked for T, with T's eID card support and no other native code
//   node scripts/release-check.mjs vsix FILE --universal a universal VSIX: marked for no platform, no native code at all
//   node scripts/release-check.mjs npm FILE              the npm tarball: the card support of every release target
//   node scripts/release-check.mjs tag vX.Y.Z            the tag names package.json's version
// Read with yauzl (the zip reader vsce itself uses) and tar (npm's own tarball reader and writer), in
// Node: Windows runners have no unzip. Exit code 1 and one line per problem when a check fails.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Parser } from 'tar';
import yauzl from 'yauzl';

/** The vsce targets a release builds, each on its own runner: the workflow's matrix and src/eid/addon.ts's
 * cardSupportTargets (test/unit/release/workflow.test.ts holds the three together). */
export const releaseTargets = ['linux-x64', 'linux-arm64', 'win32-x64', 'darwin-arm64', 'darwin-x64'];

/** The card support of one target, as the build lays it out (scripts/build.mjs, src/eid/addon.ts). */
const addonFiles = (target) => ['index.js', 'package.json', 'build/Release/pkcs11.node'].map((file) => `dist/addons/${target}/pkcs11js/${file}`);

/** The names of a zip's entries (a VSIX is one), and the text of the entry named `wanted`, if there is one. */
export function readZip(bytes, wanted) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (opening, zip) => {
      if (opening) return reject(opening);
      const names = [];
      let text;
      zip.on('error', reject);
      zip.on('end', () => resolve({ names, text }));
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        if (entry.fileName !== wanted) return zip.readEntry();
        zip.openReadStream(entry, (failed, stream) => {
          if (failed) return reject(failed);
          const chunks = [];
          stream.on('data', (chunk) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            text = Buffer.concat(chunks).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The file names in a gzipped tarball (npm pack's). */
export function tarballEntries(gzipped) {
  const names = [];
  const parser = new Parser({
    onReadEntry: (entry) => {
      if (entry.type === 'File') names.push(entry.path);
      entry.resume();
    },
  });
  parser.end(gzipped);
  return names;
}

const nativeCode = (name) => name.endsWith('.node');

/** What is wrong with a VSIX for `target` (undefined: the universal VSIX). */
export async function vsixProblems(bytes, target) {
  const { names, text: manifest } = await readZip(bytes, 'extension.vsixmanifest');
  if (manifest === undefined) return ['no extension.vsixmanifest: not a VSIX'];
  const marked = /TargetPlatform="([^"]*)"/.exec(manifest)?.[1];
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

async function main(args) {
  const [what, subject] = args;
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const problems =
    what === 'vsix' && subject && (option('--target') || args.includes('--universal'))
      ? await vsixProblems(readFileSync(subject), option('--target'))
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
  process.exitCode = await main(process.argv.slice(2));
}
