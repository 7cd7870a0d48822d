// Finds an installed Chromium or Chrome for the browser tests: npm cannot download
// browsers on our machines, so Playwright is pointed at one that is already there.
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

function onPath(command) {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** A browser in Playwright's own download cache: folders named `<prefix><revision>`, newest first. */
function playwrightCache(prefix, files) {
  const cache = path.join(os.homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return undefined;
  for (const dir of readdirSync(cache)
    .filter((name) => name.startsWith(prefix))
    .sort()
    .reverse()) {
    for (const file of files) {
      const candidate = path.join(cache, dir, file);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The first of these paths (each worked out when its turn comes) that exists. */
function firstThere(candidates) {
  for (const candidate of candidates) {
    const file = candidate();
    if (file && existsSync(file)) return file;
  }
  return undefined;
}

/** In order: $CHROME_PATH, Debian's chromium, chromium-browser, google-chrome, macOS Chrome, Playwright's cache. */
export function findChromium() {
  return firstThere([
    () => process.env.CHROME_PATH,
    () => '/usr/bin/chromium',
    () => '/usr/bin/chromium-browser',
    () => onPath('google-chrome') ?? onPath('google-chrome-stable'),
    () => '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    () => playwrightCache('chromium-', ['chrome-linux/chrome', 'chrome-linux64/chrome']),
  ]);
}

/**
 * The browser for the browser tests: Chromium's headless shell where it is installed (Debian's
 * `chromium-headless-shell`, or Playwright's download), as Playwright itself uses for headless
 * runs, else the browser findChromium() finds. The shell is the rendering engine without the
 * browser around it (no address bar, profile services or WebUI pages), and the suite takes
 * about 30% less time in it on a machine of 2 cores (docs/decisions/0058-tests-in-the-headless-shell.md).
 * The benchmarks keep the whole browser, the one people use (findChromium()).
 */
export function findTestChromium() {
  return firstThere([
    () => process.env.CHROME_PATH,
    () => '/usr/bin/chromium-headless-shell',
    () =>
      playwrightCache('chromium_headless_shell-', [
        'chrome-headless-shell-linux64/chrome-headless-shell',
        'chrome-linux/headless_shell',
      ]),
    findChromium,
  ]);
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium or Chrome found for the browser tests: install one (on Debian: `apt-get install chromium chromium-headless-shell`) or set CHROME_PATH to its binary.';

/**
 * The features Playwright itself disables in Chromium (playwright-core's Chromium launcher).
 * Chromium keeps only the last `--disable-features` it is given, and Playwright puts the
 * caller's flags after its own: a list of ours must repeat these, or they come back on.
 * e2e/chromium-flags.spec.ts fails when an upgrade of Playwright disables one more.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The address bar's suggestion popup, drawn by two WebUI pages that the whole browser, headless,
 * still starts in a renderer of their own for every browser context, none of which ever
 * shows it. Each test opens a context or more: without them the browser tests took about
 * 30% less time in the whole browser on a machine of 2 cores (docs/decisions/0057-ci-time.md).
 * The headless shell has no address bar; the list does nothing there.
 */
const UNUSED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** Flags for a headless Chromium as root on a machine without a network (quiet, no sandbox). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_FEATURES].join(',')}`,
];
