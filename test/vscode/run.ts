// `npm run test:vscode [-- --update-screenshots] [-- --suite main|vsix|universal|restricted] [-- --grep TEXT]`: the real-VS-Code suites.
// Prints each suite's mocha report and a closing "N passed, N failed" line; exits non-zero on failure.
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageVsix } from '../../scripts/package';
import { systemTarget } from '../../src/eid/addon';
import { buildVirtualEid } from '../../tools/virtual-eid/build';
import { bundledSuites, bundleSuites } from './bundle';
import { runSuite, type SuiteSpec } from './harness';
import { ensureHarnessTools } from './tools';

const root = path.resolve(__dirname, '..', '..');

export function screenshotFolder(update: boolean): string {
  return update ? path.join(root, 'docs', 'screenshots') : path.join(artifactsFolder, 'screenshots');
}

export const artifactsFolder = path.join(os.tmpdir(), 'ehealth-vscode-artifacts');

/**
 * Virtual eID cards (SoftHSM2 behind our PKCS#11 shim) in the run folder: an RSA card, as older
 * cards are, for every eID test, and an EC P-384 card, as recent ones are, for the certificate tests.
 */
async function virtualEidForTests(runFolder: string): Promise<NodeJS.ProcessEnv> {
  const [rsa, ec] = await Promise.all((['rsa', 'ec'] as const).map((algorithm) => buildVirtualEid({ algorithm, dir: path.join(runFolder, `virtual-eid-${algorithm}`) })));
  return {
    EHEALTH_TEST_EID_DIR: rsa.dir,
    EHEALTH_TEST_EID_MODULE: rsa.modulePath,
    EHEALTH_TEST_EID_PIN: rsa.pin,
    EHEALTH_TEST_EID_SURNAME: rsa.holder.surname,
    EHEALTH_TEST_EID_SSIN: rsa.holder.nationalNumber,
    EHEALTH_TEST_EC_EID_DIR: ec.dir,
    EHEALTH_TEST_EC_EID_MODULE: ec.modulePath,
    EHEALTH_TEST_EC_EID_PIN: ec.pin,
    EHEALTH_TEST_EC_EID_SSIN: ec.holder.nationalNumber,
  };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const update = args.includes('--update-screenshots') || process.env.EHEALTH_UPDATE_SCREENSHOTS === '1';
  const only = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : undefined;
  const grep = args.includes('--grep') ? args[args.indexOf('--grep') + 1] : undefined;
  const tools = ensureHarnessTools();
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  await bundleSuites();

  const suites: Array<() => Promise<SuiteSpec>> = [
    async () => ({ name: 'main', developmentPaths: [root], testsPath: path.join(bundledSuites, 'suite', 'index.js'), prepare: virtualEidForTests }),
    async () => ({
      name: 'vsix',
      vsix: await packageVsix({ target: systemTarget() }),
      prepare: virtualEidForTests,
      developmentPaths: [path.join(__dirname, 'vsix', 'probe')],
      testsPath: path.join(bundledSuites, 'vsix', 'index.js'),
    }),
    // The universal VSIX, without eID card support: everything else works, the eID says why not.
    async () => ({
      name: 'universal',
      vsix: await packageVsix({}),
      prepare: virtualEidForTests,
      developmentPaths: [path.join(__dirname, 'vsix', 'probe')],
      testsPath: path.join(bundledSuites, 'universal', 'index.js'),
    }),
    // An untrusted folder whose settings point the extension at a keystore folder: ignored.
    async () => ({
      name: 'restricted',
      developmentPaths: [root],
      testsPath: path.join(bundledSuites, 'restricted', 'index.js'),
      settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' },
      workspaceFiles: {
        '.vscode/settings.json': JSON.stringify({ 'ehealth.keystore.folders': ['${workspaceFolder}/keystores', '/tmp'] }),
        'keystores/SSIN=79021802145 20230823-085751.acc-p12': 'a keystore planted by the workspace',
      },
    }),
  ];
  const names = ['main', 'vsix', 'universal', 'restricted'];
  const options = { screenshotFolder: screenshotFolder(update), artifactsFolder, ...(grep ? { grep } : {}) };
  let passed = 0;
  let failed = 0;
  for (const [index, makeSpec] of suites.entries()) {
    if (only && names[index] !== only) continue;
    console.log(`\nvscode suite "${names[index]}" (code-server, headless Chromium)`);
    const outcome = await runSuite(tools, await makeSpec(), options);
    passed += outcome.passed;
    failed += outcome.failed;
  }
  console.log(`\nscreenshots: ${options.screenshotFolder}`);
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`test:vscode: ${error.message}`);
      process.exit(1);
    },
  );
}
