import type { Browser, Page } from '@playwright/test';
import { expect, heading, test, waitUntilInteractive } from './fixtures';
import { useServer } from './server-fixture';

/**
 * Old step links whose path did not change (docs/decisions/0062-old-links-that-lead-where-they-did.md).
 * The new-user review found that every old link opened "This troubleshooter has changed since
 * the link was made" after any publish, though the editor and the review promised that links
 * which still lead where they did are told of no change. Such a link now opens its step at
 * once, and no notice is ever painted on the way.
 */

const NOTICE = /changed since the link was made/;

/**
 * Records the text of every level-1 heading the page paints, from the prerendered page's
 * first one on, so that a notice shown for a moment is caught too.
 */
function recordHeadings() {
  const seen: string[] = [];
  (window as unknown as { headingsSeen: string[] }).headingsSeen = seen;
  const note = () => {
    for (const h1 of document.querySelectorAll('h1')) {
      const text = h1.textContent ?? '';
      if (seen.at(-1) !== text) seen.push(text);
    }
  };
  new MutationObserver(note).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}

async function headingsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { headingsSeen: string[] }).headingsSeen);
}

/** Opens an old link fresh, as from a ticket, and checks it shows `title` with no notice. */
async function expectOpensAtOnce(page: Page, url: string, title: string | RegExp) {
  await page.addInitScript(recordHeadings);
  await page.goto(url);
  await waitUntilInteractive(page);
  await expect(heading(page)).toHaveText(title);
  await expect(page.getByRole('link', { name: 'Go on from here' })).toHaveCount(0);
  const seen = await headingsSeen(page);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((text) => NOTICE.test(text))).toEqual([]);
  // The address stays the link's; the page is the current version's.
  expect(new URL(page.url()).search).toBe(new URL(url, 'http://x').search);
}

test.describe('on the static site (version 2 changed only words of version 1)', () => {
  test('a version 1 link to a result opens the result, never the notice', async ({ page }) => {
    await expectOpensAtOnce(page, '/q164887/other-version?v=1', /The client is not on SMS 1\.2/);
  });

  test('a version 1 link to a question opens the question, and answering goes on in version 2', async ({
    page,
  }) => {
    await expectOpensAtOnce(
      page,
      '/q164887/sms-1-2/os-upgrade?v=1',
      'Does the same job start again each time the client starts?',
    );
    await page.getByRole('list', { name: 'Answers' }).getByRole('link').first().click();
    await expect(page).toHaveURL(/\/q164887\/sms-1-2\/os-upgrade\/repeats\?v=2$/);
  });
});

const AUTHOR = 'author@example.com';
const PUBLISHER = 'publisher@example.com';
const REWORDED = 'Is the job an upgrade of Windows NT that restarts the client?';

/** Selects an outline item by keyboard, as e2e/publishing.spec.ts does, and opens it. */
async function openOutlineItem(page: Page, name: RegExp) {
  await page.locator('[role="treeitem"][tabindex="0"]').focus();
  await page.keyboard.press('Home');
  for (let step = 0; step < 40; step += 1) {
    const focused = page.locator('[role="treeitem"]:focus > .editor-outline__label');
    if (name.test((await focused.textContent()) ?? '')) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no outline item ${name}`);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test.describe('after a publish that changed only question 2’s wording', () => {
  const server = useServer({
    accounts: [
      { email: AUTHOR, role: 'author' },
      { email: PUBLISHER, role: 'publisher' },
    ],
    folders: ['PUBLISH_DIR'],
  });

  test('the editor and the review promise no change, and the old link keeps that promise', async ({
    page,
    browser,
    consoleGuard,
  }) => {
    test.setTimeout(240_000);
    // The author rewords question 2 and nothing else.
    await server.signIn(page, AUTHOR, '/edit/q164887');
    await waitUntilInteractive(page);
    await expect(page.getByRole('tree', { name: 'Outline' })).toBeVisible();
    await openOutlineItem(page, /^Question: Is the job a Windows NT upgrade/);
    await page.getByLabel('Question', { exact: true }).first().focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(REWORDED);
    await page.getByRole('tab', { name: 'Impact and publishing' }).press('Enter');
    const panel = page.getByRole('tabpanel', { name: 'Impact and publishing' });
    await expect(panel).toContainText(
      /All (\d+) step links of version 2 still lead where they did: a person who opens one is told of no change when this is published as version 3\./,
    );
    const total = /All (\d+) step links/.exec((await panel.textContent()) ?? '')?.[1];
    expect(Number(total)).toBeGreaterThan(50);
    await panel.getByLabel('What you changed, in one line').fill('Question 2 in other words');
    await panel.getByRole('button', { name: 'Submit for review' }).press('Enter');
    await expect(panel.getByRole('status')).toContainText('Submitted.');

    // The publisher's review says the same, and publishes version 3.
    const publisher = await newPage(browser);
    consoleGuard.watch(publisher);
    await server.signIn(publisher, PUBLISHER, '/admin/reviews');
    await publisher.getByRole('link', { name: /Windows NT upgrade/ }).click();
    await expect(publisher.getByRole('region', { name: 'Links already shared' })).toContainText(
      `All ${total} step links of version 2 still lead where they did.`,
    );
    await publisher.getByRole('button', { name: 'Publish as version 3' }).click();
    await expect(publisher.getByRole('status')).toContainText('Published as version 3');

    // A visitor opens version 2 links from a ticket: each shows its step, with no notice.
    const visitor = await newPage(browser);
    consoleGuard.watch(visitor);
    await expectOpensAtOnce(
      visitor,
      `${server.origin}/q164887/other-version?v=2`,
      /The client is not on SMS 1\.2/,
    );
    // Through the reworded question too: the step in its new words.
    const next = await newPage(browser);
    consoleGuard.watch(next);
    await expectOpensAtOnce(next, `${server.origin}/q164887/sms-1-2?v=2`, REWORDED);
    await next.getByRole('list', { name: 'Answers' }).getByRole('link').first().click();
    await expect(next).toHaveURL(/\/q164887\/sms-1-2\/os-upgrade\?v=3$/);
  });
});
