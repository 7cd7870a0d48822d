import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Report } from '../src/data/report-query';
import type { Tree } from '../src/engine/tree-schema';
import { wcagViolations } from './axe';
import { expect, openInteractive, test } from './fixtures';

/**
 * The report page's layout and its refusals, on the static build with the server's answers
 * given by the test (config.json `server: true`, the analytics API): the counts are
 * e2e/analytics.spec.ts's business; this is how they read at 320 and 1280 px.
 */
const TREE = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../public/trees/q164887.json'), 'utf8'),
) as Tree;
const SHOTS = path.join(tmpdir(), 'troubleshooter-report-layout');

/** A report of q164887 as the server would send it, every node reached a few times. */
function report(): Report {
  return {
    treeId: TREE.id,
    title: TREE.title,
    from: '2026-11-08',
    to: '2026-12-07',
    published: [TREE.version],
    versions: [
      {
        version: TREE.version,
        walks: 120,
        restarts: 4,
        copies: 9,
        prints: 2,
        nodes: TREE.nodes.map((node, index) =>
          node.kind === 'question'
            ? {
                kind: 'question',
                id: node.id,
                label: node.prompt,
                reached: 100 - index * 10,
                left: index,
                answers: node.answers.map((answer, at) => ({
                  slug: answer.slug,
                  label: answer.label,
                  unsure: false,
                  count: 30 - at * 5,
                })),
                notSureFrequent: index === 1,
              }
            : {
                kind: 'outcome',
                id: node.id,
                label: node.title,
                type: node.type,
                reached: 12,
                solved: 7,
                unsolved: 3,
              },
        ),
      },
    ],
  };
}

async function withServer(page: Page, analytics: () => { status: number; json: unknown }) {
  // The static server answers an address it has no page for with the app and a 404; the
  // Troubleshooter server answers the report's address with the app and a 200.
  await page.route('**/map/*/report*', async (route) =>
    route.fulfill({ response: await route.fetch(), status: 200 }),
  );
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { embed: { allowedOrigins: [] }, server: true } }),
  );
  await page.route('**/api/analytics/**', (route) => route.fulfill(analytics()));
}

/** Words of the report's tables drawn across two lines or more (none should be). */
function brokenWords(page: Page) {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll(
      '.report-table caption, .report-table th, .report-table td',
    )) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

test('at 320 px the report’s tables wrap whole words, a table wider than the screen scrolls in a focusable region, and the page does not', async ({
  page,
}) => {
  await withServer(page, () => ({ status: 200, json: report() }));
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await openInteractive(page, `/map/${TREE.id}/report`);
    await expect(page.getByRole('heading', { name: `Version ${TREE.version}` })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Reached' }).first()).toBeVisible();
    expect(await brokenWords(page), `words broken at ${width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    // Every box is a labelled region in the tab order (one whose table is wider than it
    // scrolls with the arrow keys).
    const boxes = await page.locator('.report-table').evaluateAll((elements) =>
      elements.map((element) => ({
        scrolls: element.scrollWidth > element.clientWidth + 1,
        role: element.getAttribute('role'),
        label: element.getAttribute('aria-label'),
        tabIndex: element.getAttribute('tabindex'),
      })),
    );
    for (const box of boxes) {
      expect(box).toEqual({
        scrolls: box.scrolls,
        role: 'region',
        label: expect.any(String),
        tabIndex: '0',
      });
    }
    // …and a line above it says so.
    await expect(
      page.getByText('Wider than the screen: scroll the table sideways for more columns.'),
    ).toHaveCount(boxes.filter((box) => box.scrolls).length);
    if (width === 320) expect(boxes.some((box) => box.scrolls)).toBe(true);
    expect(await wcagViolations(page), `axe at ${width} px`).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `report-${width}.png`), fullPage: true });
  }
});

test('a From after To is said plainly, with the dates to correct, and nothing is asked of the API', async ({
  page,
}) => {
  let asked = 0;
  await withServer(page, () => {
    asked += 1;
    return { status: 200, json: report() };
  });
  await page.setViewportSize({ width: 320, height: 900 });
  await openInteractive(page, `/map/${TREE.id}/report?from=2026-12-31&to=2026-01-01`);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(
    'The dates are the wrong way round: From (2026-12-31) is after To (2026-01-01). Choose a From date on or before the To date.',
  );
  await expect(page.getByLabel('From')).toHaveAttribute('aria-invalid', 'true');
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'reversed-320.png'), fullPage: true });

  // Put right in the form: the report.
  await page.getByLabel('From').fill('2026-11-08');
  await page.getByLabel('To').fill('2026-12-07');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { name: `Version ${TREE.version}` })).toBeVisible();
  expect(asked).toBe(1);
});

test('a 400 from the analytics API shows its message, not "try again"', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 400/);
  await withServer(page, () => ({
    status: 400,
    json: { statusCode: 400, message: '2026-02-30 is not a day of the calendar.' },
  }));
  await page.setViewportSize({ width: 1280, height: 900 });
  await openInteractive(page, `/map/${TREE.id}/report?from=2026-02-30&to=2026-03-10`);
  await expect(page.getByRole('alert')).toHaveText(
    'No report for this range: 2026-02-30 is not a day of the calendar.',
  );
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'refused-1280.png'), fullPage: true });
});
