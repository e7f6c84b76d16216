// Lint rules: typescript-eslint's recommended set plus the project's architecture rule
// (the engine never imports vscode).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const engineFolders = ['src/eid/**', 'src/keystore/**', 'src/ra/**', 'src/sandbox/**', 'src/procedures/**', 'src/i18n/**', 'src/cli/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', '*.vsix'] },
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
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The engine must not depend on VS Code: keep it in src/views or src/extension.ts.' }] }],
    },
  },
);
