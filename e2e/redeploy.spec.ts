import type { Page } from '@playwright/test';
import {
  answerLink,
  expect,
  heading,
  openInteractive,
  openTreeFromCatalog,
  test,
} from './fixtures';

// The last question of Q164887; its "No, not yet" answer is the diagnosis, whose screen
// is a chunk of its own (src/features/wizard/step-loader.ts).
const LAST_QUESTION = '/q164887/sms-1-2/os-upgrade/repeats/failed/service';
const DIAGNOSIS = `${LAST_QUESTION}/no-service-pack`;
const OUTCOME_CHUNK = '**/assets/outcome-screen-*.js';
const CHUNK_404 = /Failed to load resource: the server responded with a status of 404/;

/**
 * Whether the page holds the marker of a reload for itself: its address and its build's
 * entry script, in sessionStorage (src/lib/chunk.ts). With it, code that will not load shows
 * the error screen instead of reloading again.
 */
function hasReloadMarker(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      sessionStorage.getItem('troubleshooter:reloaded-for') ===
      `${location.href} ${document.querySelector<HTMLScriptElement>('script[type="module"]')?.src}`,
  );
}

/** Counts the documents the tab loads: the first visit, then each reload. */
function countDocuments(page: Page): () => number {
  let documents = 0;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documents += 1;
  });
  return () => documents;
}

/**
 * Opens the last question with the outcome chunk answered by `serveChunk` (or 404 for good),
 * and answers it, which needs that chunk. Returns the tab's document count.
 */
async function answerIntoOutcome(
  page: Page,
  serveChunk?: (documents: number) => 'missing' | 'there',
): Promise<() => number> {
  const documents = countDocuments(page);
  await page.route(OUTCOME_CHUNK, (route) =>
    (serveChunk?.(documents()) ?? 'missing') === 'missing'
      ? route.fulfill({ status: 404, body: 'gone' })
      : route.continue(),
  );
  await openInteractive(page, LAST_QUESTION);
  await answerLink(page, 'No, not yet').click();
  return documents;
}

test('after a redeploy, a chunk of the old build reloads the page once and the step works', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(CHUNK_404);
  // The page the person has open is from the old build: its outcome chunk is gone from
  // the server. The page after the reload is the new build, whose chunks are there.
  const documents = await answerIntoOutcome(page, (count) => (count === 1 ? 'missing' : 'there'));

  await expect(page).toHaveURL(`${DIAGNOSIS}?v=2`);
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);
  // Hydrated (the copy button needs JavaScript), after exactly one reload.
  await expect(page.getByRole('button', { name: 'Copy for ticket' })).toBeVisible();
  expect(documents()).toBe(2);
});

test('a chunk missing for good reloads once, then keeps the prerendered page instead of looping', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(CHUNK_404);
  consoleGuard.allow(/dynamically imported module|outcome-screen/);
  const documents = await answerIntoOutcome(page);

  await expect(page.getByRole('status')).toContainText(
    'Part of this page could not be loaded from the server.',
  );
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);
  // No sleep to let a loop show itself: the app has settled where it cannot loop. This is
  // the page the one reload opened, and it holds that reload's marker; the notice is what
  // main.tsx shows once the router has seen the marker and decided not to reload, and
  // nothing else on this page reloads (without the app, nothing preloads).
  expect(documents()).toBe(2);
  expect(await hasReloadMarker(page)).toBe(true);
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);
});

test('with storage refused, a missing chunk never reloads (nowhere to remember it)', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(CHUNK_404);
  consoleGuard.allow(/dynamically imported module|outcome-screen/);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('storage is disabled', 'SecurityError');
      },
    });
  });
  const documents = await answerIntoOutcome(page);

  // No page was built for an address reached in the app: the error screen says what failed.
  await expect(heading(page)).toHaveText('Part of the troubleshooter could not be loaded');
  await expect(page.getByText(/Reloading the page usually helps/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute(
    'href',
    `${DIAGNOSIS}?v=2`,
  );
  // No sleep to let a late reload show itself: the error screen is what the app shows once
  // it has decided not to reload, which it always decides here, as reading sessionStorage
  // throws (src/lib/chunk.ts); nothing else on the page reloads.
  await expect(page.evaluate(() => window.sessionStorage.length)).rejects.toThrow(/disabled/);
  expect(documents()).toBe(1);
});

test('a chunk a route needs before the address changes reloads at the address being opened', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(CHUNK_404);
  const documents = countDocuments(page);
  // The old build's validator is gone: opening a tree from the catalog needs it first.
  await page.route('**/assets/validate-tree-*.js', (route) =>
    documents() === 1 ? route.fulfill({ status: 404, body: 'gone' }) : route.continue(),
  );
  await openTreeFromCatalog(page);

  // The click is not lost: the page opened afresh is the tree, not the catalog again.
  await expect(page).toHaveURL('/q164887');
  await expect(heading(page)).toHaveText(/Systems Management Server 1\.2/);
  expect(documents()).toBe(2);
});

test("a route module of the old build (the map's) reloads at the address being opened", async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(CHUNK_404);
  const documents = countDocuments(page);
  // The map's route module (its screen and its loader) is loaded on demand, with the route.
  await page.route('**/assets/map-route-*.js', (route) =>
    documents() === 1 ? route.fulfill({ status: 404, body: 'gone' }) : route.continue(),
  );
  await openInteractive(page, '/q164887/sms-1-2');
  await page.getByRole('link', { name: 'Map of this troubleshooter' }).click();

  await expect(page).toHaveURL('/map/q164887?trail=sms-1-2');
  await expect(heading(page)).toHaveText(/Windows NT upgrade job runs again at every restart/);
  expect(documents()).toBe(2);
});
