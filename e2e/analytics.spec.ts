import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { ANSWERS_TO_DIAGNOSIS, answerLink, expect, openInteractive, test } from './fixtures';
import { useServer } from './server-fixture';

/**
 * Walk events and reports (issue 25) with exact numbers, against the real server (`npm start`)
 * on the embedded database and on PostgreSQL (a throwaway cluster from
 * scripts/with-postgres.mjs, or TEST_DATABASE_URL): known walks in fresh browsers, then the
 * same counts on the report, the traffic map and the CSV.
 */
const AUTHOR = 'author@example.com';
const TODAY = new Date().toISOString().slice(0, 10);
const SHOTS = path.join(tmpdir(), 'troubleshooter-analytics-shots');

/** The event batches a page sends, counted as they leave. */
function countEventPosts(page: Page) {
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/events')) posts.push(request.postData() ?? '');
  });
  return posts;
}

/**
 * The event sender is a chunk loaded once a step is on screen (src/data/use-step-events.ts):
 * until it has arrived nothing is queued and hiding the page sends nothing, as for a person
 * who leaves at once. A page hidden to send its batch is hidden after this.
 */
async function senderLoaded(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((entry) => entry.name.includes('/event-sender-')),
      ),
    )
    .toBe(true);
}

/**
 * One walk in a browser of its own (no cookie, nothing shared), from the first question
 * through `answers`, then "Did this solve it?" if given. The page is then hidden (it goes
 * to another address), which is when its events are sent.
 */
async function walk(
  browser: Browser,
  origin: string,
  answers: readonly string[],
  solved?: 'Yes' | 'No',
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const posts = countEventPosts(page);
  await openInteractive(page, `${origin}/q164887`);
  for (const answer of answers) {
    // Two answers in a row may have the same label ("Not sure"): each click waits for the
    // next step's address, so the next one is not the same link clicked again.
    const before = page.url();
    await answerLink(page, answer).click();
    await expect(page).not.toHaveURL(before);
    // The new step's heading takes focus in the same commit's effects as the step is
    // reported in: once it has focus, the step is in the queue, and hiding the page sends it.
    await expect(page.locator('#main h1')).toBeFocused();
  }
  if (solved) {
    await page.getByRole('button', { name: solved, exact: true }).click();
    await expect(page.getByRole('button', { name: solved, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  }
  // Hidden (another address): its batch goes as a beacon, which the server's counts show.
  await senderLoaded(page);
  await page.goto('about:blank');
  expect(await context.cookies(), 'no cookie for a walker').toEqual([]);
  await context.close();
  return posts;
}

async function expectAccessible(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    for (const forcedColors of ['none', 'active'] as const) {
      await page.emulateMedia({ colorScheme: scheme, forcedColors });
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await wcagViolations(page), `${name} ${scheme} ${forcedColors} ${width}`).toEqual(
          [],
        );
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width,
        );
        await page.screenshot({
          path: path.join(SHOTS, `${name}-${scheme}-${forcedColors}-${width}.png`),
          fullPage: true,
        });
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
}

const NOT_SURE = 'Not sure';

for (const database of ['embedded', 'postgres'] as const) {
  test.describe(`walk events on the ${database} database`, () => {
    const server = useServer({ database, accounts: [{ email: AUTHOR, role: 'author' }] });

    test('known walks give exactly their counts on the report, the traffic map and the CSV', async ({
      browser,
      page,
      consoleGuard,
    }) => {
      test.setTimeout(420_000);
      const origin = server.origin;
      // With Global Privacy Control on, nothing is sent.
      const gpc = await browser.newContext({ extraHTTPHeaders: { 'Sec-GPC': '1' } });
      await gpc.addInitScript(() =>
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
      );
      const gpcPage = await gpc.newPage();
      const gpcPosts = countEventPosts(gpcPage);
      await openInteractive(gpcPage, `${origin}/q164887`);
      for (const answer of ANSWERS_TO_DIAGNOSIS) {
        const before = gpcPage.url();
        await answerLink(gpcPage, answer).click();
        await expect(gpcPage).not.toHaveURL(before);
      }
      await gpcPage.getByRole('button', { name: 'Yes', exact: true }).click();
      await gpcPage.goto('about:blank');

      // An embedding host that switches events off: nothing from its frame either.
      const host = await browser.newContext();
      const hostPage = await host.newPage();
      const hostPosts = countEventPosts(hostPage);
      await openInteractive(
        hostPage,
        `${origin}/q164887?embed=1&parentOrigin=${encodeURIComponent(origin)}&frameId=t1&analytics=0`,
      );
      await answerLink(hostPage, ANSWERS_TO_DIAGNOSIS[0] ?? '').click();
      await hostPage.goto('about:blank');

      // The editor's preview: walked to the diagnosis and answered, nothing sent.
      const editor = await browser.newContext();
      const editorPage = await editor.newPage();
      const editorPosts = countEventPosts(editorPage);
      await editorPage.goto(`${origin}/edit/q164887`);
      const preview = editorPage.locator('.editor-preview');
      await preview.getByRole('link', { name: ANSWERS_TO_DIAGNOSIS[0] }).click();
      await expect(preview.getByRole('heading', { name: /upgrade/i })).toBeVisible();
      await editorPage.goto('about:blank');

      // A: to the diagnosis, solved. B: the same, not solved. C: through three "Not sure"
      // answers to the diagnosis, no answer to "Did this solve it?". D: "Not sure", then
      // ruled out. E: left at the third question (the page hidden mid-walk).
      await walk(browser, origin, ANSWERS_TO_DIAGNOSIS, 'Yes');
      await walk(browser, origin, ANSWERS_TO_DIAGNOSIS, 'No');
      await walk(browser, origin, [
        NOT_SURE,
        NOT_SURE,
        'Yes, it starts again at every restart',
        NOT_SURE,
        'Yes, as a service (Pcmsvc32.exe)',
        'No, not yet',
      ]);
      await walk(browser, origin, [NOT_SURE, 'No, another kind of job']);
      await walk(browser, origin, ANSWERS_TO_DIAGNOSIS.slice(0, 2));

      await server.signIn(page, AUTHOR, '/');
      // The author's own walk: its beacon carries the session cookie, and the server accepts
      // it and stores none of it. Every batch the page sends is read and counted.
      const ownPosts = countEventPosts(page);
      const ownBatches: Promise<unknown>[] = [];
      page.on('response', (response) => {
        if (response.url().endsWith('/api/events')) ownBatches.push(response.json());
      });
      await openInteractive(page, `${origin}/q164887`);
      await answerLink(page, ANSWERS_TO_DIAGNOSIS[0] ?? '').click();
      await expect(page.locator('#main h1')).toBeFocused();
      // Hidden until its batch goes: a CI run at load 12 hid it once before the sender had
      // loaded, and nothing was sent. What is polled says whether a batch went out at all.
      await senderLoaded(page);
      await expect
        .poll(async () => {
          if (ownPosts.length === 0) {
            await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
          }
          return `sent ${ownPosts.length}, answered ${ownBatches.length}`;
        })
        .toMatch(/answered [1-9]/);
      for (const batch of await Promise.all(ownBatches)) expect(batch).toEqual({ stored: 0 });
      const reportApi = `${origin}/api/analytics/q164887?v=2&from=${TODAY}&to=${TODAY}`;
      await expect
        .poll(async () => (await (await page.request.get(reportApi)).json()).versions[0].walks, {
          timeout: 30_000,
        })
        .toBe(5);
      // Sent before the five walks, anything from these would have been counted first.
      expect(gpcPosts).toEqual([]);
      expect(hostPosts).toEqual([]);
      expect(editorPosts).toEqual([]);
      await Promise.all([gpc.close(), host.close(), editor.close()]);

      // The report page.
      consoleGuard.allow(/status of 404/);
      await page.goto(`${origin}/map/q164887/report?v=2&from=${TODAY}&to=${TODAY}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Windows NT upgrade');
      const totals = page.locator('.report-totals');
      await expect(totals.getByText('Walks started').locator('..')).toContainText('5');
      const dropOff = page.getByRole('table', { name: /Reached and left, per question/ });
      const expectRow = async (node: string, cells: string[]) =>
        expect(dropOff.locator(`tr[data-node="${node}"] td`)).toHaveText(cells);
      await expectRow('sms-version', ['5', '0']);
      await expectRow('upgrade-job', ['5', '0']);
      await expectRow('repeats', ['4', '1']);
      await expectRow('job-status', ['3', '0']);
      await expectRow('pcm-service', ['3', '0']);
      await expectRow('service-pack', ['3', '0']);
      const first = page.locator('table[data-node="sms-version"]');
      await expect(first.locator('caption')).toContainText('“Not sure” is frequent');
      await expect(first.locator('tr[data-answer="sms-1-2"] td')).toHaveText(['3', '60%']);
      await expect(first.locator('tr[data-answer="version-unsure"] td')).toHaveText(['2', '40%']);
      await expect(page.locator('table[data-node="upgrade-job"] caption')).not.toContainText(
        'frequent',
      );
      await expect(
        page.locator('table[data-node="upgrade-job"] tr[data-answer="other-job"] td'),
      ).toHaveText(['1', '20%']);
      const outcomes = page.getByRole('table', { name: /Outcomes, version 2/ });
      await expect(outcomes.locator('tr[data-node="diagnosis"] td')).toHaveText([
        'Diagnosis',
        '3',
        '1',
        '1',
      ]);
      await expect(outcomes.locator('tr[data-node="ruled-out-job"] td')).toHaveText([
        'Not this problem',
        '1',
        '0',
        '0',
      ]);
      await expect(page.locator('.report-chart canvas')).toHaveCount(2);
      // The pages are the same whichever database counted: their axe sweep (eight schemes and
      // widths each) once, on the embedded one.
      if (database === 'embedded') await expectAccessible(page, 'report');

      // Two versions side by side (version 1 had no walks); the form keeps the range.
      await page.getByLabel('Compare with').selectOption('1');
      await page.getByRole('button', { name: 'Show' }).click();
      await expect(page).toHaveURL(/[?&]compare=1(&|$)/);
      await expect(page).toHaveURL(/[?&]v=2(&|$)/);

      // The CSV: one row per node.
      const csv = await (
        await page.request.get(`${origin}/api/analytics/q164887/csv?v=2&from=${TODAY}&to=${TODAY}`)
      ).text();
      const rows = csv.trim().split('\r\n');
      expect(rows).toHaveLength(1 + 13);
      expect(rows).toContain(
        'q164887,2,sms-version,question,Is the client managed by Systems Management Server 1.2?,5,0,sms-1-2=3 version-unsure=2 other-version=0,yes,,',
      );
      expect(rows.find((row) => row.startsWith('q164887,2,diagnosis,'))).toMatch(/,3,,,,1,1$/);
      expect(rows.find((row) => row.startsWith('q164887,2,repeats,'))).toMatch(
        /,4,1,repeats=3 runs-once=0,no,,$/,
      );

      // The traffic map: counts on the boxes, drop-off marked, lines by walks.
      await page.goto(`${origin}/map/q164887?traffic&v=2&from=${TODAY}&to=${TODAY}`);
      const layer = page.getByTestId('traffic-layer');
      await expect(layer.locator('[data-node="sms-version"] text')).toHaveText('5');
      await expect(layer.locator('[data-node="repeats"] text')).toHaveText('4 · 1 left');
      await expect(layer.locator('[data-node="diagnosis"] text')).toHaveText('3');
      await expect(layer.locator('[data-edge="sms-version>upgrade-job"]')).toHaveAttribute(
        'data-count',
        '5',
      );
      await expect(layer.locator('[data-edge="upgrade-job>ruled-out-job"]')).toHaveAttribute(
        'data-count',
        '1',
      );
      await expect(page.getByRole('status').filter({ hasText: '5 walks started' })).toBeVisible();
      if (database === 'embedded') await expectAccessible(page, 'traffic-map');
    });
  });
}

test('the static build sends nothing', async ({ page }) => {
  const posts = countEventPosts(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await openInteractive(page, '/q164887');
  for (const answer of ANSWERS_TO_DIAGNOSIS) await answerLink(page, answer).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.goto('about:blank');
  expect(posts).toEqual([]);
  expect(requests.filter((url) => url.includes('/api/'))).toEqual([]);
});
