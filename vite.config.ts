/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// BASE_PATH deploys the app under a sub-path, e.g. BASE_PATH=/helpdesk/troubleshooter/.
const base = process.env.BASE_PATH ?? '/';

export default defineConfig(({ isSsrBuild }) => ({
  base,
  plugins: [react()],
  build: {
    sourcemap: !isSsrBuild,
    // The server build only renders pages at build time; it needs no copy of public/.
    copyPublicDir: !isSsrBuild,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // The JSON report feeds the `N passed, N failed` line that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
}));
