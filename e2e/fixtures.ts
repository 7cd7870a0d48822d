import { test as base, expect, type Frame, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
 * Opens the list of troubleshooters and waits until it has hydrated: its filter box appears
 * only then (catalog-page.tsx). A click on a link before that is a plain page load.
 */
export async function openCatalog(page: Page, url = '/') {
  await page.goto(url);
  await waitUntilInteractive(page);
  await expect(page.getByRole('searchbox', { name: 'Filter troubleshooters' })).toBeVisible();
  await expect(heading(page)).toHaveText(/^Troubleshooters(: page \d+ of \d+)?$/);
}

/**
 * Prerendered pages carry their tree, so a tree file is only fetched when the app
 * navigates to a tree it does not have yet: from the catalog, once it has hydrated.
 */
export async function openTreeFromCatalog(page: Page) {
  await openCatalog(page);
  await page
    .getByRole('link', {
      name: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
      exact: true,
    })
    .click();
}

const ASSETS = path.resolve(import.meta.dirname, '..', 'dist', 'assets');

/** The built chunks of these modules and every chunk they import, as named in dist/assets. */
export function chunkFiles(modules: string[]): string[] {
  const built = readdirSync(ASSETS).filter((file) => file.endsWith('.js'));
  const files = new Set<string>();
  const add = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(path.join(ASSETS, file), 'utf8');
    for (const [, imported] of code.matchAll(/\bfrom\s*"\.\/([\w-]+\.js)"/g)) {
      if (imported) add(imported);
    }
  };
  for (const module of modules) {
    const file = built.find((name) => new RegExp(`^${module}-[\\w-]{8}\\.js$`).test(name));
    if (!file) throw new Error(`dist/assets has no chunk for ${module}`);
    add(file);
  }
  return [...files];
}

/**
 * Waits until the page (or frame) has fetched the code of these modules loaded on demand
 * (src/app/routes.tsx, src/features/wizard/step-loader.ts) and the chunks they import: the
 * app fetches them in the background after hydration, and a test that needs one at once
 * (offline, or while it counts on focus) waits for it here rather than for a quiet network.
 */
export async function waitForChunks(target: Page | Frame, modules: string[]) {
  const files = chunkFiles(modules);
  // The page's own record of what it fetched, as each entry arrives (buffered: those
  // before too), rather than polling it.
  await target.evaluate(
    (wanted) =>
      new Promise<void>((resolve) => {
        const missing = new Set(wanted.map((file) => `/assets/${file}`));
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            missing.delete(new URL(entry.name).pathname.replace(/^.*(\/assets\/)/, '$1'));
          }
          if (missing.size === 0) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe({ type: 'resource', buffered: true });
      }),
    files,
  );
}
