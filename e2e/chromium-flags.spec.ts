import { chromium, type Browser } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  findChromium,
  PLAYWRIGHT_DISABLED_FEATURES,
} from '../scripts/find-chromium.mjs';
import { expect, test } from './fixtures';

/**
 * The suite's Chromium flags (scripts/find-chromium.mjs) replace Playwright's own
 * `--disable-features` list (Chromium keeps the last one given): they must repeat it whole,
 * and the features they add must still exist under those names.
 */

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
  const plain = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    const [playwrights = []] = await disabledFeatures(plain);
    expect(playwrights.length).toBeGreaterThan(0);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(expect.arrayContaining(playwrights));
  } finally {
    await plain.close();
  }
});

test('the address bar popup is not started, and the last list is the suite’s', async ({
  browser,
}) => {
  const lists = await disabledFeatures(browser);
  const ours = CHROMIUM_ARGS.find((arg) => arg.startsWith('--disable-features='));
  expect(`--disable-features=${lists.at(-1)?.join(',')}`).toBe(ours);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: { type: string; url: string }[];
  };
  expect(targetInfos.filter((target) => target.url.startsWith('chrome://'))).toEqual([]);
  await context.close();
});
