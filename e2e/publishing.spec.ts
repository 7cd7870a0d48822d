import type { Browser, Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, test, waitUntilInteractive } from './fixtures';
import { useServer } from './server-fixture';

/**
 * Review, publishing, history and restore in a real browser against the real server
 * (`npm start` on a fresh embedded database; docs/decisions/0030-review-and-publish.md):
 * an author changes q164887 in the editor and submits it, a publisher reviews and publishes
 * it, a visitor sees the new version and an old link's notice, and the version before is restored.
 */
const AUTHOR = 'author@example.com';
const PUBLISHER = 'publisher@example.com';

const server = useServer({
  accounts: [
    { email: AUTHOR, role: 'author' },
    { email: PUBLISHER, role: 'publisher' },
  ],
  folders: ['PUBLISH_DIR'],
});

/** axe clean, and nothing wider than the screen, at 320 and 1280 px. */
async function expectAccessible(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await wcagViolations(page), `${name} at ${width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  }
}

/** Selects an outline item by keyboard, as e2e/editor.spec.ts does, and opens it. */
async function openOutlineItem(page: Page, name: RegExp) {
  // The outline has one tab stop (a roving tabindex): the item selected last.
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

async function typeInto(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).first().focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test('an author submits a change, a publisher publishes it, a visitor sees it, and the version before is restored', async ({
  page,
  browser,
  consoleGuard,
}) => {
  test.setTimeout(300_000);
  // The author: changes q164887 in the editor and submits it.
  await server.signIn(page, AUTHOR, '/edit/q164887');
  await waitUntilInteractive(page);
  await expect(page.getByRole('tree', { name: 'Outline' })).toBeVisible();
  await openOutlineItem(page, /^Question: Does the same job start again/);
  await typeInto(page, 'Question', 'Does the job run again every time the client starts?');
  await openOutlineItem(page, /^Question: Does Package Command Manager run/);
  await page.getByLabel('Leads to').first().selectOption('diagnosis');
  await openOutlineItem(
    page,
    /^Question, first question: Is the client managed by Systems Management Server/,
  );
  await typeInto(page, 'Slug', 'sms-one-two');
  await page.getByRole('tab', { name: 'Impact and publishing' }).press('Enter');
  const panel = page.getByRole('tabpanel', { name: 'Impact and publishing' });
  // Without a summary: refused where it is typed, the field taking focus with its error.
  const summary = panel.getByLabel('What you changed, in one line');
  await panel.getByRole('button', { name: 'Submit for review' }).press('Enter');
  await expect(summary).toBeFocused();
  await expect(summary).toHaveAttribute('aria-invalid', 'true');
  await summary.fill('Clearer repeat question');
  await panel.getByRole('button', { name: 'Submit for review' }).press('Enter');
  await expect(panel.getByRole('status')).toContainText('Submitted.');
  // The keyboard's place is kept: the button was never disabled under it.
  await expect(panel.getByRole('button', { name: 'Submit for review' })).toBeFocused();

  // The publisher: reads the changes, the checks and the impact, and publishes.
  const publisher = await newPage(browser);
  consoleGuard.watch(publisher);
  await server.signIn(publisher, PUBLISHER, '/admin/reviews');
  await expectAccessible(publisher, 'reviews');
  await publisher.getByRole('link', { name: /Windows NT upgrade/ }).click();
  const changes = publisher.getByRole('region', { name: /Changes from version 2/ });
  await expect(changes).toContainText(
    /Reworded\s+“Does the same job start again each time the client starts\?” → “Does the job run again every time/,
  );
  await expect(changes).toContainText(
    /Re-pointed\s+the answer “Yes, as a service \(Pcmsvc32\.exe\)”/,
  );
  await expect(changes).toContainText('sms-1-2 → sms-one-two');
  await expect(publisher.getByRole('region', { name: 'Checks' })).toContainText(
    'passes every check',
  );
  const impact = publisher.getByRole('region', { name: 'Links already shared' });
  await expect(impact).toContainText(
    /now leads elsewhere:\s+\d+ shared links?\s+end somewhere else/,
  );
  await expect(impact).toContainText(
    /changed from sms-1-2 to sms-one-two:\s+\d+ shared links\s+still work/,
  );
  await expectAccessible(publisher, 'review');
  await publisher.getByRole('button', { name: 'Publish as version 3' }).click();
  await expect(publisher.getByRole('status')).toContainText('Published as version 3');
  await expectAccessible(publisher, 'history');

  // A visitor in a fresh browser: the new version, and an old link's notice.
  const visitor = await newPage(browser);
  consoleGuard.watch(visitor);
  await visitor.goto(`${server.origin}/q164887/sms-one-two/os-upgrade?v=3`);
  await waitUntilInteractive(visitor);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
    'Does the job run again every time the client starts?',
  );
  // An old link is the not-found page on the server (404) until the app reads it.
  consoleGuard.allow(/Failed to load resource: the server responded with a status of 404/);
  await visitor.goto(`${server.origin}/q164887/sms-1-2/os-upgrade?v=2`);
  await waitUntilInteractive(visitor);
  await expect(
    visitor.getByRole('region', { name: 'What changed for your answers' }),
  ).toContainText('only the answer’s address changed, from “sms-1-2” to “sms-one-two”');

  // The publisher restores version 2 (the shipped one; version 1 is its archived predecessor):
  // a fourth version, with its own impact report.
  await publisher.getByRole('link', { name: 'Restore version 2' }).click();
  await expect(publisher.getByRole('region', { name: 'Links already shared' })).toBeVisible();
  await expectAccessible(publisher, 'restore');
  await publisher.getByRole('button', { name: 'Publish version 2 again as version 4' }).click();
  await expect(publisher.getByRole('status')).toContainText('Published as version 4');
  const rows = publisher.getByRole('region', { name: 'Published versions' }).getByRole('row');
  // The header and four versions: the shipped 1 and 2, the published 3, the restored 4.
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('Restored version 2');
  await expect(rows.nth(2)).toContainText('Clearer repeat question');

  // The visitor's next page is version 4, whose first answer has its old address again.
  await visitor.goto(`${server.origin}/q164887/sms-1-2`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(/Windows NT upgrade/);
});
