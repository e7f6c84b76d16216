// Lint rules: typescript-eslint's recommended set plus the project's architecture rules: the engine
// never imports vscode; the sandbox, an oracle for the client, shares no logic with it (only the
// protocol's data in src/protocol), and no client layer reaches into the sandbox.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noVscode = { name: 'vscode', message: 'The engine must not depend on VS Code: keep it in src/vscode or src/extension.ts.' };
const oracleApart = 'The sandbox is an oracle for the client: it may share the protocol\'s data (src/protocol), never the client\'s logic.';
const sandboxApart = 'The sandbox stands apart: only the faces (src/cli, src/vscode) start it.';

const wordsInFaces = 'Engines and procedures speak in codes (DomainError): the faces word them (src/faces/errors.ts).';

const engineFolders = ['src/core/**', 'src/platform/**', 'src/pki/**', 'src/eid/**', 'src/keystore/**', 'src/ra/**', 'src/sandbox/**', 'src/procedures/**', 'src/i18n/**', 'src/cli/**'];

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
  {
    files: engineFolders,
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode] }],
    },
  },
  {
    files: ['src/ra/**', 'src/procedures/**', 'src/keystore/**', 'src/eid/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            { group: ['**/sandbox', '**/sandbox/**'], message: sandboxApart },
            { group: ['**/i18n', '**/i18n/**', '**/faces/**'], message: wordsInFaces },
          ],
        },
      ],
    },
  },
  {
    // Node plumbing under the engines (durable files, worker requests): Node's built-ins only.
    files: ['src/platform/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [{ regex: '^\\.\\./', message: 'src/platform imports only Node built-ins.' }] }],
    },
  },
  {
    // The client's certificate helpers sit below the procedures: the domain core and npm packages only.
    files: ['src/pki/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [{ regex: '^\\.\\./(?!core/)', message: 'src/pki imports only src/core and npm packages.' }] }],
    },
  },
  {
    files: ['src/sandbox/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [{ regex: '^\\.\\./(?!protocol/)', message: oracleApart }] }],
    },
  },
  {
    files: ['src/sandbox/*/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [{ regex: '^\\.\\./\\.\\./(?!protocol/)', message: oracleApart }] }],
    },
  },
);
