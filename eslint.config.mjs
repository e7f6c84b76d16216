// Lint rules: typescript-eslint's recommended set plus the project's layers: each folder of src/
// imports only the layers below it (as GitLens does with its import rules), only the VS Code face
// imports vscode, and the sandbox, an oracle for the client, shares only the protocol's data with it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const noVscode = { name: 'vscode', message: 'Only the VS Code face (src/vscode, src/extension.ts) imports vscode.' };

// The layers, each importing only those below it (docs/ARCHITECTURE.md). A folder of src/ may import
// the folders listed here and nothing else of ours; a new folder fails lint until it is placed.
const engines = ['eid', 'keystore', 'ra'];
const layers = {
  core: [],
  protocol: ['core'],
  platform: [],
  pki: ['core'],
  eid: ['core', 'protocol', 'platform', 'pki'],
  keystore: ['core', 'protocol', 'platform', 'pki'],
  ra: ['core', 'protocol', 'platform', 'pki'],
  procedures: ['core', 'protocol', 'platform', 'pki', ...engines],
  guides: ['core', 'protocol', ...engines, 'procedures'],
  i18n: ['core', ...engines, 'procedures'],
  faces: ['core', 'protocol', ...engines, 'procedures', 'i18n'],
  cli: ['core', 'protocol', 'platform', 'pki', ...engines, 'procedures', 'guides', 'i18n', 'faces', 'sandbox'],
  vscode: ['core', 'protocol', 'platform', 'pki', ...engines, 'procedures', 'guides', 'i18n', 'faces', 'sandbox'],
  // The checklist webview's browser script shares only the guides' message shapes.
  webview: ['guides'],
  // The sandbox is an oracle for the client: it may share the protocol's data, never the client's logic.
  sandbox: ['protocol'],
};
const why = {
  core: 'src/core is the domain core: it imports nothing of ours and no package.',
  platform: 'src/platform is Node plumbing under the engines: Node built-ins only.',
  sandbox: "The sandbox is an oracle for the client: it may share the protocol's data (src/protocol), never the client's logic.",
};
// A folder of src/ missing from the table would be checked by no rule: refuse it until it is placed.
for (const entry of readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })) {
  if (entry.isDirectory() && !(entry.name in layers)) throw new Error(`src/${entry.name} is not placed in the layers of eslint.config.mjs`);
}
// The core and the platform stand on nothing: nothing of ours, no package (Node's built-ins for the platform).
const standsAlone = { core: '^(?!\\./)', platform: '^(?!\\./|node:)' };
const layerRules = Object.entries(layers).map(([layer, allowed]) => {
  const forbidden = Object.keys(layers).filter((other) => other !== layer && !allowed.includes(other)).concat('extension');
  const patterns = [
    layer in standsAlone
      ? { regex: standsAlone[layer], message: why[layer] }
      : {
          regex: `^(\\.\\./)+(?:${forbidden.join('|')})(?:/|\\.ts$|$)`,
          message: why[layer] ?? `src/${layer} may import only ${allowed.map((name) => `src/${name}`).join(', ')} (docs/ARCHITECTURE.md).`,
        },
  ];
  return {
    files: [`src/${layer}/**`],
    rules: { 'no-restricted-imports': ['error', { paths: layer === 'vscode' ? [] : [noVscode], patterns }] },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', '.scratch/**', 'node_modules/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    // CommonJS launchers, and suites that load modules at run time (after mocha's globals exist,
    // or from the harness cache) use require() on purpose.
    files: ['**/*.js', 'test/vscode/**/*.ts'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerRules,
);
