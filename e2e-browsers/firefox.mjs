// The walk's browser adapter for Firefox: puppeteer-core over WebDriver BiDi.
// (Playwright 1.65's BiDi Firefox needs a newer Firefox than ESR 153: see ADR 14.)
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { reportCspViolations } from './page-helpers.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Why Firefox cannot run here, or null when it can. */
export function firefoxMissing() {
  return existsSync(FIREFOX_PATH)
    ? null
    : `no Firefox at ${FIREFOX_PATH} (on Debian: apt-get install firefox-esr; or set FIREFOX_PATH)`;
}

/** @returns {Promise<import('./walk.mjs').BrowserAdapter>} */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Lets navigator.clipboard.readText() answer without the paste prompt, so the walk can
    // read back what "Copy for ticket" wrote.
    extraPrefsFirefox: { 'dom.events.testing.asyncClipboard': true },
  });
  const version = await browser.version();
  /** @type {string[]} */
  let problems = [];
  let viewport = { width: 1280, height: 800 };
  let reloadsAborted = 0;
  /** @type {import('puppeteer-core').BrowserContext | undefined} */
  let context;
  /** @type {import('puppeteer-core').Page} */
  let page;

  async function frameOf(selector) {
    const element = await page.waitForSelector(selector, { timeout: 10_000 });
    const frame = await element?.contentFrame();
    if (!frame) throw new Error(`no frame at ${selector}`);
    return frame;
  }

  const adapter = {
    name: 'firefox',
    version,
    // Listeners are attached before the first navigation and BiDi preload scripts run
    // before the page's own: nothing a page logs is missed, in frames too.
    collectsFromStart: true,
    async reset() {
      await context?.close();
      problems = [];
      context = await browser.createBrowserContext();
      page = await context.newPage();
      await page.setViewport(viewport);
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warn') {
          problems.push(
            `console.${message.type() === 'warn' ? 'warning' : 'error'}: ${message.text()}`,
          );
        }
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message ?? error}`));
      await page.evaluateOnNewDocument(reportCspViolations);
    },
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async evaluate(fn, args = [], options = {}) {
      const target = options.frame ? await frameOf(options.frame) : page;
      return target.evaluate(fn, ...args);
    },
    async clickAt(x, y) {
      await page.mouse.click(Math.round(x), Math.round(y));
    },
    async back() {
      await page.goBack({ waitUntil: 'load' });
    },
    async forward() {
      await page.goForward({ waitUntil: 'load' });
    },
    async reload() {
      try {
        await page.reload({ waitUntil: 'load' });
      } catch (error) {
        // Now and then Firefox reports the reload's own document load as aborted
        // (NS_BINDING_ABORTED) while the new document loads fine: wait for it instead.
        if (!/NS_BINDING_ABORTED/.test(error.message)) throw error;
        reloadsAborted += 1;
        await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 });
      }
    },
    async setViewport(width, height) {
      viewport = { width, height };
      await page.setViewport(viewport);
    },
    async takeProblems() {
      const taken = problems;
      problems = [];
      return taken;
    },
    async readClipboard() {
      return { text: await page.evaluate(() => navigator.clipboard.readText()) };
    },
    async close() {
      if (reloadsAborted)
        console.log(`  (Firefox reported ${reloadsAborted} reload(s) as NS_BINDING_ABORTED)`);
      await browser.close();
    },
  };
  await adapter.reset();
  return adapter;
}
