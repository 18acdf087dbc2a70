import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', '.tmp/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The renderer runs in a page: browser globals, and Node's modules are out of reach.
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'exceljs', 'pdfkit', 'sharp', 'fontkit', 'electron'],
              message: 'The renderer runs in a page.',
            },
            {
              group: ['**/engine/**', '**/service/**'],
              message:
                'The renderer reaches the engine only through the contract (main/api), with type imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // Surfaces are thin adapters: they reach the engine only through the contract and the service,
    // so product policy lives in one place (main/service) and every surface behaves the same.
    files: ['main/cli/**/*.ts', 'main/app/**/*.ts', 'main/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**'],
              message: 'Surfaces import main/api and main/service only, never the engine.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is shared by every surface: it must never reach into a shell, a UI or a surface.
    files: ['main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom'],
              message: 'The engine never imports a UI or Electron.',
            },
            { group: ['**/app/**', '**/server/**', '**/cli/**'], message: 'The engine imports no surface.' },
          ],
        },
      ],
    },
  },
);
