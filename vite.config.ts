/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// BASE_PATH deploys the app under a sub-path, e.g. BASE_PATH=/helpdesk/troubleshooter/.
const base = process.env.BASE_PATH ?? '/';

// Modules only ever reached through import(): kept out of the first-paint chunk. A module
// listed here but imported statically by first-paint code would still load up front, and
// check-budgets.mjs would say so.
const LOADED_ON_DEMAND =
  /[\\/](not-found-screen|load-failed-screen|use-online-status|broken-trail-screen|invalid-tree-screen|outcome-screen|outcome-captions|catalog-page|filter-catalog|map-page|tree-layout|embed-bridge|config-query|protocol|copy-progress|version-changed-screen|migrate-trail|resume|saved-progress|copy-summary|solved-question|ticket-summary|feedback-event|validate-tree|tree-schema|graph-checks|tree-walks|json-path)\.tsx?$|[\\/]node_modules[\\/](valibot|@dagrejs)[\\/]/;

export default defineConfig(({ isSsrBuild }) => ({
  base,
  plugins: [react()],
  build: {
    // DIST_DIR builds a second copy elsewhere (the browser tests' sub-path build).
    outDir: isSsrBuild ? 'dist-ssr' : (process.env.DIST_DIR ?? 'dist'),
    sourcemap: !isSsrBuild,
    // Every chunk loaded on demand depends only on the entry, which is already loaded: no
    // dependency lists to preload. (Vite still bundles its preload helper, vitejs/vite#18551.)
    modulePreload: false,
    // The server build only renders pages at build time; it needs no copy of public/.
    copyPublicDir: !isSsrBuild,
    rolldownOptions: isSsrBuild
      ? {}
      : {
          output: {
            // One chunk for everything a step needs at first paint; only the screens and
            // the validator loaded on demand get chunks of their own. Left alone, the
            // bundler splits a shared chunk off the entry, which costs bytes (gzip works
            // less well on two files) and a second request.
            codeSplitting: {
              groups: [{ name: 'app', test: (id: string) => !LOADED_ON_DEMAND.test(id) }],
            },
          },
        },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    restoreMocks: true,
    // Each test renders a fresh app with a fresh QueryClient; module state is read-only
    // caches, so files can share workers (several seconds faster on two cores).
    isolate: false,
    // The JSON report feeds the `N passed, N failed` line that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
}));
