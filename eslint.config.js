import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-*',
    'node_modules',
    'test-results',
    'playwright-report',
    'e2e-screenshots',
  ]),
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.strict],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // `const { a, ...rest } = x` drops `a` on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      reactHooks.configs.flat['recommended-latest'],
      jsxA11y.flatConfigs.strict,
      pluginQuery.configs['flat/recommended'],
    ],
  },
  {
    // The engine is pure TypeScript: no React, no router, no app code, no browser globals.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react/*',
                'react-dom',
                'react-dom/*',
                'react-router',
                'react-router/*',
              ],
              message: 'The engine must not depend on React: keep it pure.',
            },
            {
              group: ['@tanstack/*'],
              message: 'The engine must not depend on data-fetching libraries.',
            },
            {
              group: ['../*', '!./*'],
              message: 'The engine must not import app code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'fetch',
      ],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    extends: [testingLibrary.configs['flat/react']],
    rules: {
      // A failed lookup in a test should fail the test: `!` says so briefly.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Prerendering "renders" HTML files, not components: Testing Library's naming rules misfire.
    files: ['src/prerender/**/*.test.ts'],
    rules: { 'testing-library/render-result-naming-convention': 'off' },
  },
  {
    // Vitest runs without globals, so Testing Library cannot register its own cleanup.
    files: ['src/testing/setup-tests.ts'],
    rules: { 'testing-library/no-manual-cleanup': 'off' },
  },
  {
    // Config files are loaded by tools that expect a default export.
    files: ['*.config.{ts,js}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
]);
