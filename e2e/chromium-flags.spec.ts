import { chromium, type Browser } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  findChromium,
  findTestChromium,
  PLAYWRIGHT_DISABLED_FEATURES,
} from '../scripts/find-chromium.mjs';
import { expect, test } from './fixtures';
import { WIZARD_ORIGIN } from './origins';

/**
 * The whole browser's flags (scripts/find-chromium.mjs: the benchmarks use it, and the suite
 * where the headless shell is not installed) replace Playwright's own `--disable-features`
 * list (Chromium keeps the last one given): they must repeat it whole, and the features they
 * add must still exist under those names. The headless shell (ADR 58) has no chrome://version
 * page, so each test starts the whole browser itself.
 */
const wholeBrowser = findChromium();
test.skip(!wholeBrowser, 'no whole Chromium here (only a headless shell)');

/** The features the browser was started with, from its own chrome://version page. */
async function disabledFeatures(browser: Browser): Promise<string[][]> {
  const page = await browser.newPage();
  try {
    await page.goto('chrome://version');
    const commandLine = await page.locator('#command_line').innerText();
    return [...commandLine.matchAll(/--disable-features=(\S+)/g)].map((match) =>
      (match[1] ?? '').split(','),
    );
  } finally {
    await page.close();
  }
}

test('the suite keeps every feature Playwright disables', async () => {
  const plain = await chromium.launch({ executablePath: wholeBrowser, args: ['--no-sandbox'] });
  try {
    const [playwrights = []] = await disabledFeatures(plain);
    expect(playwrights.length).toBeGreaterThan(0);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(expect.arrayContaining(playwrights));
  } finally {
    await plain.close();
  }
});

test('the address bar popup is not started, and the last list is the suite’s', async () => {
  const browser = await chromium.launch({ executablePath: wholeBrowser, args: CHROMIUM_ARGS });
  try {
    const lists = await disabledFeatures(browser);
    const ours = CHROMIUM_ARGS.find((arg) => arg.startsWith('--disable-features='));
    expect(`--disable-features=${lists.at(-1)?.join(',')}`).toBe(ours);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${WIZARD_ORIGIN}/`);
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { type: string; url: string }[];
    };
    expect(targetInfos.filter((target) => target.url.startsWith('chrome://'))).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('the suite runs in the headless shell where Debian’s is installed', async ({ browser }) => {
  test.skip(
    Boolean(process.env.CHROME_PATH) || findTestChromium() !== '/usr/bin/chromium-headless-shell',
    'CHROME_PATH is set, or no chromium-headless-shell package here',
  );
  // The shell has no chrome:// pages; the whole browser opens this one (above).
  const page = await browser.newPage();
  await expect(page.goto('chrome://version')).rejects.toThrow(/ERR_INVALID_URL/);
  await page.close();
});
