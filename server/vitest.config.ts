// The server's tests: Node, no DOM, one database per file (server/testing/test-app.ts).
// `npm run test:server` runs them on PGlite, then on a throwaway PostgreSQL server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: process.env.TEST_DATABASE_URL ? 'server (PostgreSQL)' : 'server (PGlite)',
    environment: 'node',
    include: ['server/**/*.test.ts'],
    globalSetup: ['server/testing/global-setup.ts'],
    setupFiles: ['server/testing/after-each-file.ts'],
    // Files share workers rather than each starting its own (about a second a file, at
    // 22 files twice a run): nothing in the server keeps state between apps but the render
    // workers, which are meant to be shared, and each file's database is its own
    // (server/testing/after-each-file.ts).
    isolate: false,
    restoreMocks: true,
    // Tests that start real server processes wait for them to listen.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: [
      'default',
      [
        'json',
        {
          outputFile: process.env.TEST_DATABASE_URL
            ? 'test-results/server-postgres.json'
            : 'test-results/server-pglite.json',
        },
      ],
    ],
  },
});
