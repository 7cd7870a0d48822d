// Chromium for the walk: the same one the Playwright suite uses (scripts/find-chromium.mjs),
// driven by puppeteer-core, so the one walk runs in all three engines.
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from '../scripts/find-chromium.mjs';
import { launchWithPuppeteer } from './puppeteer-browser.mjs';

/** Why Chromium cannot run here, or null when it can. */
export function chromiumMissing() {
  return findChromium() ? null : NO_CHROMIUM_MESSAGE;
}

export function launchChromium() {
  return launchWithPuppeteer({
    name: 'chromium',
    launchOptions: {
      browser: 'chrome',
      executablePath: findChromium(),
      headless: true,
      args: CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')),
    },
    clipboardPermissions: true,
  });
}
