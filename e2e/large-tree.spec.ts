import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, heading, test, waitUntilInteractive } from './fixtures';
import { LARGE_ORIGIN } from './origins';
import { LARGE_TREE } from '../scripts/build-large.mjs';

// A generated troubleshooter of 200 questions in a line, built with the shipped ones into
// dist-large/ (scripts/build-large.mjs): each step page carries its step, not the tree
// (docs/decisions/0020), and the map's diagram is drawn by the browser. Opened at a deep
// step, as a shared link would be.

const DEPTH = 150;
const deepUrl = `${LARGE_ORIGIN}/${LARGE_TREE.id}/${Array(DEPTH).fill('yes').join('/')}`;
const caption = (number: number) => `Question ${number} of at most ${LARGE_TREE.questions}`;

/** "Question N of at most 200", above the heading. */
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
