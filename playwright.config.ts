import { defineConfig } from '@playwright/test';
import {
  HOST_ORIGIN,
  LARGE_ORIGIN,
  MANY_TREES_ORIGIN,
  PORT,
  SUBPATH_URL,
  WIZARD_ORIGIN,
} from './e2e/origins';
import { CHROMIUM_ARGS, findTestChromium, NO_CHROMIUM_MESSAGE } from './scripts/find-chromium.mjs';

// Chromium's headless shell where it is installed (ADR 58), else the whole browser.
const executablePath = findTestChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e-artifacts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: WIZARD_ORIGIN,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
    trace: 'off',
  },
  // The production build, served the way an intranet web server would serve it.
  webServer: [
    {
      // Every browser test runs under the strict Content-Security-Policy (a violation is a
      // console error, which fails the test).
      // With E2E_WIZARD_SERVER=external the suite runs against a server already on that
      // port (nginx or Apache set up as docs/deployment.md says); if none is there, it stops
      // rather than quietly testing our own server instead.
      command:
        process.env.E2E_WIZARD_SERVER === 'external'
          ? `node -e "console.error('E2E_WIZARD_SERVER=external: nothing answers on ${WIZARD_ORIGIN}'); process.exit(1)"`
          : `node scripts/serve-static.mjs --root dist --port ${PORT} --csp --frame-ancestors ${HOST_ORIGIN}`,
      url: `${WIZARD_ORIGIN}/`,
      reuseExistingServer: process.env.E2E_WIZARD_SERVER === 'external',
      stdout: 'ignore',
    },
    {
      command: `node scripts/serve-static.mjs --root e2e/host-page --port ${PORT + 1}`,
      url: `${HOST_ORIGIN}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node scripts/serve-static.mjs --root dist-subpath --port ${PORT + 2} --base /helpdesk/troubleshooter/ --csp --frame-ancestors ${HOST_ORIGIN}`,
      url: SUBPATH_URL,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // A list of troubleshooters longer than a page (e2e/many-trees.spec.ts).
      command: `node scripts/serve-static.mjs --root dist-many --port ${PORT + 3} --csp`,
      url: `${MANY_TREES_ORIGIN}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // A tree of 200 questions (e2e/large-tree.spec.ts).
      command: `node scripts/serve-static.mjs --root dist-large --port ${PORT + 4} --csp`,
      url: `${LARGE_ORIGIN}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
});
