// The walk's browser adapter for the engines puppeteer-core drives: Firefox over WebDriver
// BiDi (Playwright 1.65's BiDi Firefox needs a newer Firefox than ESR 153: see ADR 14) and
// Chromium over CDP.
import puppeteer from 'puppeteer-core';
import { reportCspViolations } from './page-helpers.mjs';

/**
 * A walk adapter over puppeteer-core: Firefox over WebDriver BiDi, Chromium over CDP. One
 * adapter, so the walk meets both engines through the same calls.
 * @param {{ name: string, launchOptions: import('puppeteer-core').LaunchOptions,
 *   clipboardPermissions?: boolean }} options
 * @returns {Promise<import('./walk.mjs').BrowserAdapter>}
 */
export async function launchWithPuppeteer({ name, launchOptions, clipboardPermissions = false }) {
  const browser = await puppeteer.launch(launchOptions);
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
    name,
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
          // Chromium names a failed load without its address: add where it came from.
          const where = message.location()?.url;
          // Headless Chromium under puppeteer also asks for /favicon.ico now and then, beside
          // the page's own <link rel="icon"> (favicon.svg): not the page's doing.
          if (where?.endsWith('/favicon.ico')) return;
          problems.push(
            `console.${message.type() === 'warn' ? 'warning' : 'error'}: ${message.text()}${
              where && /^Failed to load resource/.test(message.text()) ? ` (${where})` : ''
            }`,
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
      // Chromium asks for permission to read the clipboard; granted here, as a person would.
      if (clipboardPermissions) {
        await context?.overridePermissions(new URL(page.url()).origin, [
          'clipboard-read',
          'clipboard-write',
        ]);
      }
      return { text: await page.evaluate(() => navigator.clipboard.readText()) };
    },
    async close() {
      if (reloadsAborted)
        console.log(`  (${name} reported ${reloadsAborted} reload(s) as NS_BINDING_ABORTED)`);
      await browser.close();
    },
  };
  await adapter.reset();
  return adapter;
}
