import path from 'node:path';
import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import {
  expect,
  heading,
  openCatalog,
  openTreeFromCatalog,
  test,
  waitForChunks,
  waitUntilInteractive,
} from './fixtures';

/**
 * Every kind of screen, in both colour schemes, at the narrowest and a desktop width:
 * axe must find no WCAG 2.1 A/AA violation. Some screens are also saved as screenshots
 * in e2e-screenshots/ (ignored by git) for a person to look at.
 */
type ScreenKind = {
  name: string;
  url: string;
  heading: string | RegExp;
  screenshot?: boolean;
  /** Arrange the page before it loads (e.g. make a file fail). */
  arrange?: (page: Page) => Promise<unknown>;
  /** Reach the screen some other way than opening its URL. */
  open?: (page: Page) => Promise<void>;
  /** Console errors this screen causes on purpose. */
  allow?: RegExp;
  /** Interact after it loads (e.g. open a disclosure) so hidden content is checked too. */
  act?: (page: Page) => Promise<void>;
};

const openHelp = async (page: Page) => {
  await page.locator('details > summary').first().click();
};

const SCREENS: ScreenKind[] = [
  { name: 'catalog', url: '/', heading: 'Troubleshooters' },
  { name: 'start', url: '/q164887', heading: /Systems Management Server 1\.2/, screenshot: true },
  {
    name: 'question',
    url: '/q164887/sms-1-2/job-unsure/repeats/failed',
    heading: /Package Command Manager run/,
    act: openHelp,
    screenshot: true,
  },
  {
    name: 'diagnosis',
    url: '/q164887/sms-1-2/os-upgrade/repeats/failed/pcm-unsure/no-service-pack?v=2',
    heading: /known SMS 1\.2 problem/,
    screenshot: true,
    // With the escalation and the copy controls open too.
    act: (page) => page.getByRole('button', { name: 'No', exact: true }).click(),
  },
  {
    name: 'version-changed',
    url: '/printer/power-unsure/paper?v=1',
    heading: 'This troubleshooter has changed since the link was made',
    arrange: (page) =>
      page.route('**/trees/printer*.json', (route) =>
        route.fulfill({
          path: path.join(
            import.meta.dirname,
            '..',
            'src/testing/fixtures/trees',
            new URL(route.request().url()).pathname.split('/').pop() ?? '',
          ),
        }),
      ),
    allow: /status of 404/,
  },
  {
    name: 'escalate',
    url: '/q164887/sms-1-2/os-upgrade/repeats/failed/service/service-pack-installed',
    heading: /fix is already installed/,
  },
  {
    name: 'map',
    url: '/map/q164887?trail=sms-1-2/os-upgrade',
    heading: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
    // e2e/map.spec.ts writes its screenshots, at 768 px too.
  },
  { name: 'ruled-out', url: '/q164887/other-version', heading: /Not this problem/ },
  {
    name: 'broken-link',
    url: '/q164887/sms-1-2/perhaps',
    heading: 'This link does not lead to a step',
    screenshot: true,
    allow: /status of 404/,
  },
  {
    name: 'not-found',
    url: '/no-such-tree',
    heading: 'There is no troubleshooter at this address',
    allow: /status of 404/,
  },
  {
    name: 'invalid-tree',
    url: '/',
    open: openTreeFromCatalog,
    heading: 'This troubleshooter cannot be used right now',
    arrange: (page) =>
      page.route('**/trees/q164887.json', (route) => route.fulfill({ json: { id: 'q164887' } })),
    act: openHelp,
  },
  {
    name: 'load-failed',
    url: '/',
    open: openTreeFromCatalog,
    heading: 'The troubleshooter could not be loaded',
    arrange: (page) =>
      page.route('**/trees/q164887.json', (route) => route.fulfill({ status: 500, body: '' })),
    allow: /status of 500/,
  },
  {
    name: 'offline',
    url: '/',
    heading: 'You are offline',
    open: async (page) => {
      await openCatalog(page);
      // Opening a tree offline needs the validator and the offline screen, fetched in the
      // background after hydration.
      await waitForChunks(page, ['validate-tree', 'tree-error-screen']);
      await page.context().setOffline(true);
      await page
        .getByRole('link', {
          name: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
          exact: true,
        })
        .click();
    },
    allow: /ERR_INTERNET_DISCONNECTED/,
  },
];

const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
];
const SCHEMES = ['light', 'dark'] as const;

for (const screen of SCREENS) {
  test(`${screen.name}: no WCAG 2.1 AA violations, light and dark, 320 and 1280 px`, async ({
    browser,
    consoleGuard,
  }) => {
    if (screen.allow) consoleGuard.allow(screen.allow);
    // A context of its own: the offline screen switches the network off for it.
    const context = await browser.newContext();
    const page = await context.newPage();
    consoleGuard.watch(page);
    await screen.arrange?.(page);
    await (screen.open ? screen.open(page) : page.goto(screen.url));
    await expect(heading(page)).toHaveText(screen.heading, { timeout: 10_000 });
    // The controls that need JavaScript are on screen too when axe looks.
    await waitUntilInteractive(page);
    await screen.act?.(page);

    // Scheme and width change in place: the same screen, four ways.
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        const where = `${screen.name}, ${colorScheme}, ${viewport.width}px`;
        const violations = await wcagViolations(page);
        expect(violations, where).toEqual([]);

        // Nothing spills sideways (WCAG 1.4.10 reflow).
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `horizontal overflow: ${where}`).toBeLessThanOrEqual(0);

        if (screen.screenshot) {
          await page.screenshot({
            path: `e2e-screenshots/${screen.name}-${viewport.width}-${colorScheme}.png`,
            fullPage: true,
          });
        }
      }
    }
    await context.close();
  });
}

test('the error page screenshot', async ({ browser, consoleGuard }) => {
  consoleGuard.allow(/status of 404/);
  const page = await browser.newPage();
  consoleGuard.watch(page);
  await page.goto('/no-such-tree');
  await expect(heading(page)).toHaveText('There is no troubleshooter at this address');
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.screenshot({
        path: `e2e-screenshots/error-${viewport.width}-${colorScheme}.png`,
        fullPage: true,
      });
    }
  }
  await page.close();
});
