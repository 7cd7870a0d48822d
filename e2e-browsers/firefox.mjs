// Firefox for the walk: Debian's firefox-esr, driven over WebDriver BiDi (ADR 14).
import { existsSync } from 'node:fs';
import { launchWithPuppeteer } from './puppeteer-browser.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Why Firefox cannot run here, or null when it can. */
export function firefoxMissing() {
  return existsSync(FIREFOX_PATH)
    ? null
    : `no Firefox at ${FIREFOX_PATH} (on Debian: apt-get install firefox-esr; or set FIREFOX_PATH)`;
}

export function launchFirefox() {
  return launchWithPuppeteer({
    name: 'firefox',
    launchOptions: {
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // Lets navigator.clipboard.readText() answer without the paste prompt, so the walk can
      // read back what "Copy for ticket" wrote.
      extraPrefsFirefox: { 'dom.events.testing.asyncClipboard': true },
    },
  });
}
