import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, heading, test, waitUntilInteractive } from './fixtures';
import { LARGE_ORIGIN } from './origins';
import { FULL_TREE, LARGE_TREE } from '../scripts/build-large.mjs';

// A generated troubleshooter of 60 questions in a line (about the longest line of ordinary
// questions the rulebook's walk limit allows), built with the shipped ones into
// dist-large/ (scripts/build-large.mjs): each step page carries its step, not the tree
// (docs/decisions/0020), and the map's diagram is drawn by the browser. Opened at a deep
// step, as a shared link would be. And a full tree of 511 questions, whose map's list comes
// in parts, a page each (docs/decisions/0024).

const DEPTH = 45;
const deepUrl = `${LARGE_ORIGIN}/${LARGE_TREE.id}/${Array(DEPTH).fill('yes').join('/')}`;
const caption = (number: number) => `Question ${number} of at most ${LARGE_TREE.questions}`;

/** "Question N of at most 60", above the heading. */
const atQuestion = (page: Page, number: number) =>
  expect(page.getByText(caption(number), { exact: true })).toBeVisible();

/** The generated answers: "Yes, the … is …" on to the next question, "No, another …" to an outcome. */
const answer = (page: Page, which: 'Yes' | 'No') =>
  page
    .getByRole('list', { name: 'Answers' })
    .getByRole('link', { name: new RegExp(`^${which}, `) });

function treeRequests(page: Page) {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/trees/')) requests.push(new URL(request.url()).pathname);
  });
  return requests;
}

test('with JavaScript on, a deep step of a large tree hydrates from its page and walks on from the tree file', async ({
  page,
}) => {
  const requests = treeRequests(page);
  const response = await page.goto(deepUrl);
  expect(response?.status()).toBe(200);
  await atQuestion(page, DEPTH + 1);
  await waitUntilInteractive(page);
  const answers = page.getByRole('region', { name: 'Your answers' });
  await expect(answers.getByRole('term')).toHaveCount(DEPTH);
  expect(await wcagViolations(page)).toEqual([]);

  await page.evaluate(() => Object.assign(window, { sameWindow: true }));
  await answer(page, 'Yes').click();
  await atQuestion(page, DEPTH + 2);
  await answer(page, 'Yes').click();
  await atQuestion(page, DEPTH + 3);
  await answer(page, 'No').click();
  await expect(heading(page)).toContainText(/^Not this problem:/);
  // Answered in place, from one fetch of the whole tree made behind the first page.
  expect(await page.evaluate(() => 'sameWindow' in window)).toBe(true);
  expect(requests).toEqual([`/trees/${LARGE_TREE.id}.json`]);
});

test('with JavaScript off, a deep step of a large tree is a page of its own, and its links walk on', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(deepUrl);
  await atQuestion(page, DEPTH + 1);
  await answer(page, 'Yes').click();
  await atQuestion(page, DEPTH + 2);
  await expect(page).toHaveURL(new RegExp(`/${LARGE_TREE.id}(/yes){${DEPTH + 1}}\\?v=1$`));
  await answer(page, 'No').click();
  await expect(heading(page)).toContainText(/^Not this problem:/);
  await context.close();
});

test('the map of a large tree: drawn by the browser with JavaScript on, a list without it', async ({
  browser,
  page,
}) => {
  const nodes = 2 * LARGE_TREE.questions + 1;
  await page.goto(`${LARGE_ORIGIN}/map/${LARGE_TREE.id}`);
  await waitUntilInteractive(page);
  await expect(page.getByRole('group', { name: /^Diagram of/ }).getByRole('link')).toHaveCount(
    nodes,
    { timeout: 20_000 },
  );

  const context = await browser.newContext({ javaScriptEnabled: false });
  const offline = await context.newPage();
  await offline.goto(`${LARGE_ORIGIN}/map/${LARGE_TREE.id}`);
  await expect(offline.getByRole('region', { name: 'Diagram' })).toBeHidden();
  await expect(
    offline.getByText(/too large for its diagram to be stored with the page/),
  ).toBeVisible();
  const list = offline.getByRole('region', { name: 'The same map as a list' });
  await list
    .getByRole('link', { name: /^Not this problem: / })
    .first()
    .click();
  await expect(heading(offline)).toContainText(/^Not this problem:/);
  await context.close();
});

const fullMap = `${LARGE_ORIGIN}/map/${FULL_TREE.id}`;
const FULL_NODES = 2 ** (FULL_TREE.depth + 1) - 1;

test('without JavaScript, the map of a tree of 511 questions comes in parts, and its links reach every step', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const seen = new Set<string>();
  const steps = new Set<string>();
  const queue = [fullMap];
  let parts = 0;
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(heading(page)).toHaveText(/^Full tree of 511 questions: /);
    const list = page.getByRole('region', { name: 'The same map as a list' });
    const note = await list.getByText(/^Part \d+ of \d+\./).textContent();
    parts = Number(/ of (\d+)\./.exec(note ?? '')?.[1]);
    // Plain links only: to the other parts, and to the steps.
    for (const href of await list
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))) {
      if (href === fullMap || href.startsWith(`${fullMap}/part/`)) queue.push(href);
      else steps.add(new URL(href).pathname);
    }
  }
  expect(parts).toBeGreaterThan(1);
  expect(seen.size).toBe(parts);
  expect(steps.size).toBe(FULL_NODES);

  // Next walks the parts in order; a step link from a later part opens its step.
  await page.goto(fullMap);
  const partsNav = page.getByRole('navigation', { name: 'Parts of the list' });
  await partsNav.getByRole('link', { name: 'Next part' }).click();
  await expect(page).toHaveURL(`${fullMap}/part/2`);
  await expect(page).toHaveTitle(/^Map: Full tree of 511 questions: .* \(list, part 2 of \d+\)/);
  const diagnosis = page
    .getByRole('region', { name: 'The same map as a list' })
    .getByRole('link', { name: /^Diagnosis: / })
    .first();
  const name = (await diagnosis.textContent()) ?? '';
  await diagnosis.click();
  await expect(heading(page)).toHaveText(name);
  await context.close();
});

test('a part of the large map, as prerendered: headings, landmarks and axe at 320 and 1280 px', async ({
  page,
}) => {
  // The app's scripts answered empty: the page stays as the prerender wrote it.
  await page.route('**/assets/*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '' }),
  );
  await page.goto(`${fullMap}/part/2`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'The same map as a list' }),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Parts of the list' })).toBeVisible();
  await expect(page.getByText(/^Part 2 of \d+\. It goes on from “/)).toBeVisible();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await wcagViolations(page), `${width} px`).toEqual([]);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
      `the page scrolls sideways at ${width} px`,
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `e2e-screenshots/map-part-${width}.png`, fullPage: false });
  }
});

test('with JavaScript on, a part’s address shows the whole map: every box drawn and the whole list', async ({
  page,
}) => {
  await page.goto(`${fullMap}/part/3`);
  await waitUntilInteractive(page);
  await expect(page.getByRole('group', { name: /^Diagram of/ }).getByRole('link')).toHaveCount(
    FULL_NODES,
    { timeout: 30_000 },
  );
  const list = page.getByRole('region', { name: 'The same map as a list' });
  await expect(list.getByRole('link')).toHaveCount(FULL_NODES);
  await expect(page.getByRole('navigation', { name: 'Parts of the list' })).toHaveCount(0);
});
