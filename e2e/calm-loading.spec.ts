import type { Page } from '@playwright/test';
import { answerLink, expect, heading, test, waitForChunks, waitUntilInteractive } from './fixtures';
import { MANY_TREES_ORIGIN } from './origins';

// What a person sees while a page loads or changes, sampled as they would see it: every
// 10 ms from the first byte, plus the browser's own record of layout shift. These are
// not timings: a layout shift total is deterministic for a given page and width, and a
// sample of an empty main area or a placeholder id is a bug however briefly it shows.

type Sample = { t: number; heading: string; empty: boolean; status: string; text: string };

declare global {
  interface Window {
    __calm: { shift: number; samples: Sample[] };
  }
}

/** Installed before any of the page's own scripts, in every document the page opens. */
function watchTheScreen() {
  const calm = { shift: 0, samples: [] as Sample[] };
  window.__calm = calm;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[]) {
      // Shifts right after the person's own input are theirs, as the CLS metric counts.
      if (!entry.hadRecentInput) calm.shift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const sample = () => {
    // Until the parser has passed the main area there is nothing to judge.
    if (document.readyState === 'loading') return;
    const main = document.querySelector('#main');
    calm.samples.push({
      t: performance.now(),
      heading: main?.querySelector('h1')?.textContent?.trim() ?? '',
      empty: !main?.textContent?.trim(),
      status: document.querySelector('.site-status')?.textContent?.trim() ?? '',
      text: document.body.textContent ?? '',
    });
  };
  setInterval(sample, 10);
  document.addEventListener('readystatechange', sample);
}

async function screenRecord(page: Page) {
  return page.evaluate(() => window.__calm);
}

/** Ids the app uses inside that must never reach the screen (tree ids are lowercase words). */
const PLACEHOLDER = /__\w+__|undefined|\[object Object\]/;

/** The code every page fetches in the background once it has hydrated. */
const PRELOADED = [
  'outcome-screen',
  'broken-trail-screen',
  'version-changed-screen',
  'copy-progress',
  'resume',
  'tree-error-screen',
  'catalog-route',
  'validate-tree',
];

const DIAGNOSIS = '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack';

const PAGES: {
  kind: string;
  url: string;
  heading: RegExp;
  status?: number;
  /** Set up in the page before its scripts run. */
  before?: () => void;
}[] = [
  { kind: 'list of troubleshooters', url: '/', heading: /^Troubleshooters$/ },
  // dist-many/ (scripts/build-many-trees.mjs): 61 troubleshooters, 10 a page.
  { kind: 'first page of a long list', url: `${MANY_TREES_ORIGIN}/`, heading: /^Troubleshooters$/ },
  {
    kind: 'second page of a long list',
    url: `${MANY_TREES_ORIGIN}/list/2`,
    heading: /^Troubleshooters: page 2 of 7$/,
  },
  { kind: 'first question', url: '/q164887', heading: /Systems Management Server 1\.2/ },
  {
    kind: 'first question with a walk to continue',
    url: '/q164887',
    heading: /Systems Management Server 1\.2/,
    before: () =>
      localStorage.setItem(
        'troubleshooter:progress:q164887',
        JSON.stringify({
          trail: ['sms-1-2', 'os-upgrade'],
          version: 1,
          savedAt: '2026-12-01T09:00:00.000Z',
        }),
      ),
  },
  {
    kind: 'deep question',
    url: '/q164887/sms-1-2/os-upgrade/repeats/failed/service?v=1',
    heading: /SMS 1\.2 service pack installed/,
  },
  { kind: 'diagnosis', url: `${DIAGNOSIS}?v=1`, heading: /known SMS 1\.2 problem/ },
  {
    kind: 'escalate',
    url: '/q164887/sms-1-2/os-upgrade/repeats/failed/service/service-pack-installed?v=1',
    heading: /fix is already installed/,
  },
  { kind: 'not this problem', url: '/q164887/other-version?v=1', heading: /Not this problem/ },
  {
    kind: 'map',
    url: '/map/q164887?trail=sms-1-2/os-upgrade',
    heading: /^Windows NT upgrade job runs again/,
  },
  {
    kind: 'broken link',
    url: '/q164887/sms-1-2/bogus?v=1',
    heading: /^This link does not lead to a step$/,
    status: 404,
  },
  {
    kind: 'past the result',
    url: '/q164887/sms-1-2/os-upgrade/runs-once/failed/service',
    heading: /^This link does not lead to a step$/,
    status: 404,
  },
  {
    kind: 'unknown tree',
    url: '/no-such-tree',
    heading: /^There is no troubleshooter at this address$/,
    status: 404,
  },
  {
    kind: 'version changed',
    url: '/q164887/sms-1-2/os-upgrade?v=2',
    heading: /has changed since the link was made/,
  },
];

for (const width of [412, 1280]) {
  test.describe(`opened fresh at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const page of PAGES) {
      test(`the ${page.kind} does not move, flash empty or show a placeholder`, async ({
        page: browserPage,
        consoleGuard,
      }) => {
        consoleGuard.allow(/status of 404/);
        await browserPage.addInitScript(watchTheScreen);
        if (page.before) await browserPage.addInitScript(page.before);
        const response = await browserPage.goto(page.url);
        expect(response?.status()).toBe(page.status ?? 200);
        await waitUntilInteractive(browserPage);
        await expect(heading(browserPage)).toHaveText(page.heading);
        // What the page fetches after hydrating (routes.tsx, preloadOnDemandCode) has
        // arrived, and the browser has painted what it changed.
        await waitForChunks(browserPage, PRELOADED);
        await browserPage.evaluate(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        );

        if (page.before) {
          await expect(
            browserPage.getByRole('region', { name: 'Continue where you left off?' }),
          ).toBeVisible();
        }
        const { shift, samples } = await screenRecord(browserPage);
        expect(samples.length).toBeGreaterThan(0);
        expect(shift, 'layout shift total').toBe(0);
        expect(samples.filter((sample) => sample.empty).map((sample) => sample.t)).toEqual([]);
        expect(samples.filter((sample) => PLACEHOLDER.test(sample.text)).map((s) => s.t)).toEqual(
          [],
        );
      });
    }
  });
}

/** Holds back every file fetched on demand (code split off the entry, tree and config files). */
async function delayOnDemandFiles(page: Page, ms: number) {
  await page.route(
    (url) =>
      (url.pathname.startsWith('/assets/') &&
        url.pathname.endsWith('.js') &&
        !/\/index-[\w-]+\.js$/.test(url.pathname)) ||
      url.pathname.endsWith('.json'),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    },
  );
}

/**
 * After a click, the screen shows the page it was on (never an empty main area), the
 * pending status appears while the next page's code and data are held back, and then the
 * next page replaces the previous one directly.
 */
function expectCalmChange(samples: Sample[], since: number, from: RegExp, to: RegExp) {
  const after = samples.filter((sample) => sample.t >= since);
  expect(after.filter((sample) => sample.empty).map((sample) => sample.t)).toEqual([]);
  const firstNew = after.findIndex((sample) => to.test(sample.heading));
  expect(firstNew, 'the next page appears').toBeGreaterThan(0);
  const before = after.slice(0, firstNew);
  expect(
    before.filter((sample) => !from.test(sample.heading)).map((sample) => sample.heading),
    'the previous page stays until the next one is ready',
  ).toEqual([]);
  expect(
    before.some((sample) => sample.status === 'Loading…'),
    'the pending status shows while the next page is held back',
  ).toBe(true);
  expect(after.slice(firstNew).some((sample) => sample.status !== '')).toBe(false);
}

test.describe('with every on-demand file held back by a second', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(watchTheScreen);
    await delayOnDemandFiles(page, 1000);
  });

  const QUESTION = /^Is the latest SMS 1\.2 service pack installed/;

  test('a question stays on screen until the map is ready', async ({ page }) => {
    await page.goto('/q164887/sms-1-2/os-upgrade/repeats/failed/service?v=1');
    await waitUntilInteractive(page);
    const since = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Map of this troubleshooter' }).click();
    await expect(heading(page)).toHaveText(/^Windows NT upgrade job runs again/);
    expectCalmChange((await screenRecord(page)).samples, since, QUESTION, /^Windows NT upgrade/);
  });

  test('a question stays on screen until the list of troubleshooters is ready', async ({
    page,
  }) => {
    await page.goto('/q164887/sms-1-2/os-upgrade/repeats/failed/service?v=1');
    await waitUntilInteractive(page);
    const since = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Troubleshooter', exact: true }).click();
    // Its code, the files it imports and the list each wait their second, one after another.
    await expect(heading(page)).toHaveText('Troubleshooters', { timeout: 15_000 });
    expectCalmChange((await screenRecord(page)).samples, since, QUESTION, /^Troubleshooters$/);
  });

  test('a page of a long list stays on screen until the next page is ready', async ({ page }) => {
    await page.goto(`${MANY_TREES_ORIGIN}/`);
    await waitUntilInteractive(page);
    const since = await page.evaluate(() => performance.now());
    await page
      .getByRole('navigation', { name: 'Pages of the list' })
      .getByRole('link', { name: 'Next page' })
      .click();
    await expect(heading(page)).toHaveText('Troubleshooters: page 2 of 7');
    expectCalmChange(
      (await screenRecord(page)).samples,
      since,
      /^Troubleshooters$/,
      /^Troubleshooters: page 2 of 7$/,
    );
  });

  test('an answer given before the tree file is in keeps the question until the next is ready', async ({
    page,
  }) => {
    // The page came with its step alone (ADR 20); the tree file it fetched once interactive
    // is held back, so the answer waits for it.
    await page.goto('/q164887/sms-1-2/os-upgrade/repeats/failed?v=1');
    await waitUntilInteractive(page);
    const since = await page.evaluate(() => performance.now());
    await answerLink(page, 'Yes, as a service (Pcmsvc32.exe)').click();
    await expect(heading(page)).toHaveText(QUESTION);
    expectCalmChange(
      (await screenRecord(page)).samples,
      since,
      /^Does Package Command Manager run/,
      QUESTION,
    );
  });

  test('the last question stays on screen until the diagnosis is ready', async ({ page }) => {
    await page.goto('/q164887/sms-1-2/os-upgrade/repeats/failed/service?v=1');
    await waitUntilInteractive(page);
    const since = await page.evaluate(() => performance.now());
    await answerLink(page, 'No, not yet').click();
    await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);
    expectCalmChange((await screenRecord(page)).samples, since, QUESTION, /known SMS 1\.2 problem/);
  });

  test('Back to an address that leads to no step keeps the question until it can say so', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/status of 404/);
    await page.goto('/q164887/sms-1-2/os-upgrade/repeats/failed/service?v=1');
    await waitUntilInteractive(page);
    // A history entry for a broken address behind this page, as a bookmark edited by hand
    // and then left would leave: Back goes to it within the app.
    await page.evaluate(() => {
      const here = location.href;
      history.replaceState(history.state, '', '/q164887/sms-1-2/bogus?v=1');
      history.pushState(history.state, '', here);
    });
    const since = await page.evaluate(() => performance.now());
    await page.goBack();
    await expect(heading(page)).toHaveText('This link does not lead to a step');
    expectCalmChange(
      (await screenRecord(page)).samples,
      since,
      QUESTION,
      /^This link does not lead to a step$/,
    );
  });
});
