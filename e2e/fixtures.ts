import { test as base, expect, type Page } from '@playwright/test';

type ConsoleGuard = {
  /** Console errors matching this are expected in the current test (e.g. a 503 on purpose). */
  allow(pattern: RegExp): void;
};

/**
 * Every test fails on a console error or an uncaught exception in the page, unless
 * it declared that error expected. Applies to pages the test opens itself too,
 * through `watch(page)`.
 */
export const test = base.extend<{ consoleGuard: ConsoleGuard & { watch(page: Page): void } }>({
  consoleGuard: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      const watch = (target: Page) => {
        target.on('console', (message) => {
          if (message.type() !== 'error' && message.type() !== 'warning') return;
          const text = message.text();
          if (!allowed.some((pattern) => pattern.test(text))) {
            problems.push(`console.${message.type()}: ${text}`);
          }
        });
        target.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      };
      watch(page);
      await use({ allow: (pattern) => allowed.push(pattern), watch });
      expect(problems, 'console errors or uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Waits until the app has hydrated. Before that, a prerendered page is plain HTML: a click
 * on a link is a full page load, not the app's navigation, and focus is not managed yet.
 */
export async function waitUntilInteractive(page: Page) {
  await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
}

/** Opens an address and waits until the app has hydrated there. */
export async function openInteractive(page: Page, url: string) {
  const response = await page.goto(url);
  await waitUntilInteractive(page);
  return response;
}

export function heading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

export function answerLink(page: Page, label: string) {
  return page
    .getByRole('list', { name: 'Answers' })
    .getByRole('link', { name: label, exact: true });
}

/** The answers from the first question of Q164887 to its diagnosis, all confirmed. */
export const ANSWERS_TO_DIAGNOSIS = [
  'Yes, SMS 1.2',
  'Yes, an NT upgrade that restarts the client',
  'Yes, it starts again at every restart',
  'Yes, it is recorded as failed',
  'Yes, as a service (Pcmsvc32.exe)',
  'No, not yet',
];

/**
 * Prerendered pages carry their tree, so a tree file is only fetched when the app
 * navigates to a tree it does not have yet: from the catalog. Waits until the catalog has
 * hydrated first: a click before that is a plain page load, which fetches nothing.
 */
export async function openTreeFromCatalog(page: Page) {
  await page.goto('/', { waitUntil: 'networkidle' });
  await expect(heading(page)).toHaveText('Troubleshooters');
  await page
    .getByRole('link', {
      name: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
      exact: true,
    })
    .click();
}
