import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first: each may import only from the layers before it
 * (docs/decisions/0012-layers.md). The engine has its own, stricter rule below.
 */
const LAYERS = ['engine', 'lib', 'data', 'components', 'features', 'app', 'prerender'];

/** The app, its build and its tests depend on nothing in server/ (docs/decisions/0026-server.md). */
const SERVER_IS_NOT_IMPORTED = {
  regex: '(^|/)server/',
  message: 'src/ imports nothing from server/.',
};

function layerRules() {
  return LAYERS.slice(1, -1).map((layer, index) => {
    const higher = LAYERS.slice(index + 2);
    return {
      files: [`src/${layer}/**/*.{ts,tsx}`],
      ignores: ['src/**/*.test.{ts,tsx}'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: higher.map((name) => `**/${name}/*`),
                message: `src/${layer}/ may import only from ${LAYERS.slice(0, index + 1).join(', ')} and itself: move the shared code down a layer.`,
              },
              ...(layer === 'features'
                ? [
                    {
                      regex: '^\\.\\./(?!\\.\\./)',
                      message:
                        'A feature does not import another feature: what two features share lives in components/, data/ or lib/.',
                    },
                  ]
                : []),
              { group: ['**/scripts/*'], message: 'src/ imports nothing from scripts/.' },
              SERVER_IS_NOT_IMPORTED,
            ],
          },
        ],
      },
    };
  });
}

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
  ...layerRules(),
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
    // A failed lookup in a server test should fail the test too.
    files: ['server/**/*.test.ts', 'server/testing/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The server (docs/decisions/0026-server.md) sits beside the app: it may use the pure
    // engine and the one URL builder, and the build scripts it runs; nothing else of src/.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!engine/|lib/paths$|lib/origins$)',
              message:
                'server/ may import only src/engine/, src/lib/paths and src/lib/origins from the app: move shared code into the engine.',
            },
            {
              regex: '^(\\.\\./)+scripts/(?!fresh-build\\.mjs$|serve-static\\.mjs$)',
              message: 'server/ uses only scripts/fresh-build.mjs and scripts/serve-static.mjs.',
            },
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-router'],
              message: 'The server renders no React.',
            },
          ],
        },
      ],
    },
  },
  {
    // The same for the parts of src/ that have no layer rule above (the engine's own rule
    // already forbids every import from outside it), and the browser tests.
    files: [
      'src/prerender/**/*.{ts,tsx}',
      'src/authoring/**/*.ts',
      'e2e/**/*.ts',
      'e2e-browsers/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [SERVER_IS_NOT_IMPORTED] }] },
  },
  {
    // The browser tests' real server (e2e/server-fixture.ts) is started the one way the
    // server's own process tests start it: that module, and nothing else of server/.
    files: ['e2e/server-fixture.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/(?!testing/server-process$)',
              message: 'e2e/ imports nothing from server/ but server/testing/server-process.',
            },
          ],
        },
      ],
    },
  },
  {
    // Config files are loaded by tools that expect a default export.
    files: ['*.config.{ts,js}', 'server/vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
]);
