import type { Page, Route } from '@playwright/test';
import {
  answerLink,
  chunkFiles,
  expect,
  heading,
  test,
  waitForChunks,
  waitUntilInteractive,
} from './fixtures';
import { MANY_TREES_ORIGIN } from './origins';

// What a person sees while a page loads or changes, recorded as it changes: every state of
// the document a mutation leaves (a mutation observer's callback runs before the browser can
// paint the change, so no state the screen could show is missed), plus the browser's own
// record of layout shift. These are not timings: a layout shift total is deterministic for a
// given page and width, and a state with an empty main area or a placeholder id is a bug
// however briefly it shows.

type Screen = { heading: string; empty: boolean; status: string; placeholder: string };

declare global {
  interface Window {
    __calm: { shift: number; screens: Screen[] };
  }
}

/** Installed before any of the page's own scripts, in every document the page opens. */
function watchTheScreen() {
  const calm = { shift: 0, screens: [] as Screen[] };
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
  // Ids the app uses inside that must never reach the screen (tree ids are lowercase words).
  const placeholder = /__\w+__|undefined|\[object Object\]/;
  const record = () => {
    // Until the parser has passed the main area there is nothing to judge.
    if (document.readyState === 'loading') return;
    const main = document.querySelector('#main');
    calm.screens.push({
      heading: main?.querySelector('h1')?.textContent?.trim() ?? '',
      empty: !main?.textContent?.trim(),
      status: document.querySelector('.site-status')?.textContent?.trim() ?? '',
      placeholder: placeholder.exec(document.body.textContent ?? '')?.[0] ?? '',
    });
  };
  new MutationObserver(record).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  document.addEventListener('readystatechange', record);
}

async function screenRecord(page: Page) {
  return page.evaluate(() => window.__calm);
}

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
    url: '/q164887/sms-1-2/os-upgrade/repeats/failed/service?v=2',
    heading: /SMS 1\.2 service pack installed/,
  },
  { kind: 'diagnosis', url: `${DIAGNOSIS}?v=2`, heading: /known SMS 1\.2 problem/ },
  {
    kind: 'escalate',
    url: '/q164887/sms-1-2/os-upgrade/repeats/failed/service/service-pack-installed?v=2',
    heading: /fix is already installed/,
  },
  { kind: 'not this problem', url: '/q164887/other-version?v=2', heading: /Not this problem/ },
  {
    kind: 'map',
    url: '/map/q164887?trail=sms-1-2/os-upgrade',
    heading: /^Windows NT upgrade job runs again/,
  },
  {
    kind: 'broken link',
    url: '/q164887/sms-1-2/bogus?v=2',
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
    url: '/q164887/sms-1-2/os-upgrade?v=3',
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
        const { shift, screens } = await screenRecord(browserPage);
        expect(screens.length).toBeGreaterThan(0);
        expect(shift, 'layout shift total').toBe(0);
        expect(screens.filter((screen) => screen.empty)).toEqual([]);
        expect(screens.filter((screen) => screen.placeholder)).toEqual([]);
      });
    }
  });
}

/** Code split off the entry, and the tree, list and config files: fetched on demand. */
const isOnDemand = (url: URL) =>
  (url.pathname.startsWith('/assets/') &&
    url.pathname.endsWith('.js') &&
    !/\/index-[\w-]+\.js$/.test(url.pathname)) ||
  url.pathname.endsWith('.json');

/**
 * The code a step page opens on: the step loader fetches it before the page hydrates
 * (step-loader.ts, main.tsx), so it cannot be held back from the start.
 */
const QUESTION_CODE = ['resume', 'copy-progress'];
const LIST_CODE = ['catalog-route'];

/**
 * Holds back every file fetched on demand, except the code of the screen the page opens
 * on (`opensOn`: it needs that to hydrate), until the test releases them; from then on
 * every file goes through, so a chain of imports arrives one link after another.
 */
async function holdOnDemandFiles(page: Page, opensOn: string[]) {
  const needed = new Set(chunkFiles(opensOn).map((file) => `/assets/${file}`));
  const held: Route[] = [];
  let holding = true;
  await page.route(
    (url) => isOnDemand(url) && !needed.has(url.pathname),
    async (route) => {
      if (holding) held.push(route);
      else await route.continue();
    },
  );
  return {
    /** Opens the address and waits until the page has hydrated with the files held. */
    async open(url: string) {
      await page.goto(url);
      // A deadline well inside the test's own, so that a page stuck on a held file fails
      // here, naming the files, rather than as a bare test timeout.
      const interactive = page.locator('html[data-interactive]');
      await interactive.waitFor({ state: 'attached', timeout: 20_000 }).catch((error: unknown) => {
        const files = held.map((route) => new URL(route.request().url()).pathname);
        throw new Error(
          `${url} did not hydrate while ${files.join(', ')} were held: add what it opens on to opensOn`,
          { cause: error },
        );
      });
    },
    async release() {
      holding = false;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

/** Where the screen's record stands now: what a change after this shows starts here. */
const recordLength = (page: Page) => page.evaluate(() => window.__calm.screens.length);

/**
 * A click (or Back) while the next page's files are held: the page it was on stays, the
 * pending status appears; once they are released, the next page replaces the previous one
 * directly, the status gone with it. Every state the screen took in between is checked
 * too: never an empty main area, never a third heading.
 */
async function expectCalmChange(
  page: Page,
  files: { release(): Promise<void> },
  change: () => Promise<unknown>,
  from: RegExp,
  to: RegExp,
) {
  const status = page.locator('.site-status');
  const since = await recordLength(page);
  await change();
  await expect(status, 'the pending status shows while the next page is held back').toHaveText(
    'Loading…',
  );
  await expect(heading(page), 'the previous page stays while the next one is held').toHaveText(
    from,
  );
  await files.release();
  await expect(heading(page)).toHaveText(to);
  await expect(status).toHaveText('');

  const after = (await screenRecord(page)).screens.slice(since);
  expect(after.filter((screen) => screen.empty)).toEqual([]);
  const firstNew = after.findIndex((screen) => to.test(screen.heading));
  expect(firstNew, 'the next page appears').toBeGreaterThan(0);
  expect(
    after
      .slice(0, firstNew)
      .filter((screen) => !from.test(screen.heading))
      .map((screen) => screen.heading),
    'the previous page stays until the next one is ready',
  ).toEqual([]);
  expect(
    after.slice(firstNew).filter((screen) => screen.status !== ''),
    'the status goes with the previous page',
  ).toEqual([]);
}

test.describe('with every file fetched on demand held back until the test releases it', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(watchTheScreen);
  });

  const QUESTION = /^Is the latest SMS 1\.2 service pack installed/;
  const LAST_QUESTION = '/q164887/sms-1-2/os-upgrade/repeats/failed/service?v=2';

  test('a question stays on screen until the map is ready', async ({ page }) => {
    const files = await holdOnDemandFiles(page, QUESTION_CODE);
    await files.open(LAST_QUESTION);
    await expectCalmChange(
      page,
      files,
      () => page.getByRole('link', { name: 'Map of this troubleshooter' }).click(),
      QUESTION,
      /^Windows NT upgrade job runs again/,
    );
  });

  test('a question stays on screen until the list of troubleshooters is ready', async ({
    page,
  }) => {
    const files = await holdOnDemandFiles(page, QUESTION_CODE);
    await files.open(LAST_QUESTION);
    await expectCalmChange(
      page,
      files,
      () => page.getByRole('link', { name: 'Troubleshooter', exact: true }).click(),
      QUESTION,
      /^Troubleshooters$/,
    );
  });

  test('a page of a long list stays on screen until the next page is ready', async ({ page }) => {
    const files = await holdOnDemandFiles(page, LIST_CODE);
    await files.open(`${MANY_TREES_ORIGIN}/`);
    await expectCalmChange(
      page,
      files,
      () =>
        page
          .getByRole('navigation', { name: 'Pages of the list' })
          .getByRole('link', { name: 'Next page' })
          .click(),
      /^Troubleshooters$/,
      /^Troubleshooters: page 2 of 7$/,
    );
  });

  test('an answer given before the tree file is in keeps the question until the next is ready', async ({
    page,
  }) => {
    // The page came with its step alone (ADR 20); the tree file it fetches once interactive
    // is held back, so the answer waits for it.
    const files = await holdOnDemandFiles(page, QUESTION_CODE);
    await files.open('/q164887/sms-1-2/os-upgrade/repeats/failed?v=2');
    await expectCalmChange(
      page,
      files,
      () => answerLink(page, 'Yes, as a service (Pcmsvc32.exe)').click(),
      /^Does Package Command Manager run/,
      QUESTION,
    );
  });

  test('the last question stays on screen until the diagnosis is ready', async ({ page }) => {
    const files = await holdOnDemandFiles(page, QUESTION_CODE);
    await files.open(LAST_QUESTION);
    await expectCalmChange(
      page,
      files,
      () => answerLink(page, 'No, not yet').click(),
      QUESTION,
      /known SMS 1\.2 problem/,
    );
  });

  test('Back to an address that leads to no step keeps the question until it can say so', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/status of 404/);
    const files = await holdOnDemandFiles(page, QUESTION_CODE);
    await files.open(LAST_QUESTION);
    // A history entry for a broken address behind this page, as a bookmark edited by hand
    // and then left would leave: Back goes to it within the app.
    await page.evaluate(() => {
      const here = location.href;
      history.replaceState(history.state, '', '/q164887/sms-1-2/bogus?v=2');
      history.pushState(history.state, '', here);
    });
    await expectCalmChange(
      page,
      files,
      () => page.goBack(),
      QUESTION,
      /^This link does not lead to a step$/,
    );
  });
});
