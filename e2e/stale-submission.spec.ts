import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, test } from './fixtures';
import { useServer } from './server-fixture';

/**
 * Two authors submit changes made from the same version (`npm start` on a fresh embedded
 * database); one is published; the other's review brings it up to date with the new
 * version rather than undoing it (docs/decisions/0063-a-submission-brought-up-to-date.md).
 */
const X = 'x@example.com';
const Y = 'y@example.com';
const PUBLISHER = 'publisher@example.com';

const server = useServer({
  accounts: [
    { email: X, role: 'author' },
    { email: Y, role: 'author' },
    { email: PUBLISHER, role: 'publisher' },
  ],
  folders: ['PUBLISH_DIR'],
});

const ORIGINAL_TITLE = 'Windows NT upgrade job runs again at every restart (SMS 1.2)';
const X_TITLE = 'NT upgrade job marked failed and run again at each restart';
const Y_DESCRIPTION = 'For SMS 1.2 sites whose Windows NT upgrade job keeps starting over.';

/** In the editor as `email`: sets the title and description, then submits with `summary`. */
async function submitFromEditor(
  page: Page,
  email: string,
  fields: { title: string; description?: string },
  summary: string,
) {
  await server.signIn(page, email, '/edit/q164887');
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toBeVisible();
  await title.fill(fields.title);
  if (fields.description)
    await page.getByRole('textbox', { name: 'Description' }).fill(fields.description);
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible({
    timeout: 15_000,
  });
  await page.getByRole('tab', { name: 'Impact and publishing' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Impact and publishing' });
  await panel.getByLabel('What you changed, in one line').fill(summary);
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(panel.getByRole('status')).toContainText('Submitted.');
}

async function liveTree(page: Page) {
  const response = await page.request.get(`${server.origin}/trees/q164887.json`);
  return (await response.json()) as { version: number; title: string; description: string };
}

test('a submission made from an older version is published with the newer one’s change kept', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });

  // X changes the title and submits; Y, in the same draft, puts the title back, changes the
  // description and submits: both made from version 2.
  await submitFromEditor(page, X, { title: X_TITLE }, 'Plainer title');
  await submitFromEditor(
    page,
    Y,
    { title: ORIGINAL_TITLE, description: Y_DESCRIPTION },
    'Plainer description',
  );

  // The publisher publishes X as version 3.
  await server.signIn(page, PUBLISHER, '/admin/reviews');
  await expect(page.getByText('Out of date')).toHaveCount(0);
  await page.getByRole('link', { name: X_TITLE }).click();
  await page.getByRole('button', { name: 'Publish as version 3' }).click();
  await expect(page.getByRole('status')).toContainText('Published as version 3');

  // Y's submission is marked on the list, and its review brings it up to date.
  await page.goto(`${server.origin}/admin/reviews`);
  const yEntry = page.getByRole('listitem').filter({ hasText: 'Plainer description' });
  await expect(yEntry).toContainText('Out of date: based on version 2; version 3 is live');
  await yEntry.getByRole('link', { name: ORIGINAL_TITLE }).click();
  const behind = page.getByRole('region', { name: 'Brought up to date with version 3' });
  await expect(behind).toContainText('edited from version 2');
  const changes = page.getByRole('region', { name: 'Changes from version 3' });
  await expect(changes.getByRole('listitem')).toHaveCount(1);
  await expect(changes).toContainText('description');
  await expect(changes).not.toContainText(ORIGINAL_TITLE);
  expect(await wcagViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await wcagViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'Publish as version 4' }).click();
  await expect(page.getByRole('status')).toContainText('Published as version 4');
  // Both changes are live.
  expect(await liveTree(page)).toMatchObject({
    version: 4,
    title: X_TITLE,
    description: Y_DESCRIPTION,
  });
  // The site's list of troubleshooters names it by X's title.
  await page.goto(`${server.origin}/`);
  await expect(page.getByRole('link', { name: X_TITLE, exact: true })).toBeVisible();
});

test('a submission that changed the same part as the newer version is not published, and goes back to its author', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Both made from version 4: X and Y each change the title their own way.
  await submitFromEditor(page, X, { title: 'Upgrade job repeats (SMS 1.2)' }, 'Shorter title');
  await submitFromEditor(
    page,
    Y,
    { title: 'NT upgrade repeats under the PCM service' },
    'Title naming the service',
  );
  await server.signIn(page, PUBLISHER, '/admin/reviews');
  await page.getByRole('link', { name: 'Upgrade job repeats (SMS 1.2)' }).click();
  await page.getByRole('button', { name: 'Publish as version 5' }).click();
  await expect(page.getByRole('status')).toContainText('Published as version 5');

  // Y is told in the editor, beside the submission.
  await server.signIn(page, Y, '/edit/q164887');
  await page.getByRole('tab', { name: 'Impact and publishing' }).click();
  await expect(
    page
      .getByRole('tabpanel', { name: 'Impact and publishing' })
      .getByRole('listitem')
      .filter({ hasText: 'Title naming the service' }),
  ).toContainText('out of date: based on version 4; version 5 is live');

  await server.signIn(page, PUBLISHER, '/admin/reviews');
  const yEntry = page.getByRole('listitem').filter({ hasText: 'Title naming the service' });
  await expect(yEntry).toContainText('Out of date: based on version 4; version 5 is live');
  await yEntry.getByRole('link').click();
  const refused = page.getByRole('region', { name: 'It cannot be published as it is' });
  await expect(refused.getByRole('listitem')).toHaveText([
    'Title: this submission has “NT upgrade repeats under the PCM service”, version 5 has “Upgrade job repeats (SMS 1.2)”',
  ]);
  await expect(page.getByRole('button', { name: /Publish/ })).toHaveCount(0);
  expect(await wcagViolations(page)).toEqual([]);

  await page
    .getByLabel('Comment for the author')
    .fill('Version 5 changed the title too: compare your draft with it.');
  await page.getByRole('button', { name: 'Send back' }).click();
  await expect(page.getByRole('status')).toContainText('Sent back to the author');
  expect(await liveTree(page)).toMatchObject({
    version: 5,
    title: 'Upgrade job repeats (SMS 1.2)',
  });
});

test('the history’s Compare takes focus to its result, and says when a version is not one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Versions 1 to 5 are published by the tests above.
  await server.signIn(page, PUBLISHER, '/admin/history/q164887');
  await page.getByLabel('From').selectOption('3');
  await page.getByLabel('To').selectOption('4');
  await page.getByRole('button', { name: 'Compare' }).click();
  const result = page.getByRole('heading', { name: 'Changes from version 3 to version 4' });
  await expect(result).toBeFocused();
  await expect(
    page.getByRole('region', { name: 'Changes from version 3 to version 4' }),
  ).toContainText(/\d+ changes?:/);
  expect(await wcagViolations(page)).toEqual([]);

  await page.goto(`${server.origin}/admin/history/q164887?from=99&to=4`);
  const alert = page.getByRole('alert');
  await expect(alert).toBeFocused();
  await expect(alert).toContainText('There is no version 99 of this troubleshooter');
  await expect(page).toHaveTitle(/^Error: /);
  expect(await wcagViolations(page)).toEqual([]);

  await page.goto(`${server.origin}/admin/history/q164887?from=4&to=4`);
  await expect(page.getByText('No changes: you compared version 4 with itself.')).toBeVisible();
});
