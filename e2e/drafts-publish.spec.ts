import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, test } from './fixtures';
import { useServer } from './server-fixture';

/**
 * A draft on the real server (`npm start` on a fresh embedded database) once it is published
 * (docs/decisions/0061-a-publish-settles-its-drafts.md): the draft that was published is
 * settled, so the editor opens the new version with nothing to compare; and a draft that is
 * behind, once compared with the deployed version, stays based on it after a reload.
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

const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text });

/** The draft of q164887 as the server has it (the page's cookies). */
async function serverDraft(page: Page) {
  const response = await page.request.get(`${server.origin}/api/drafts/tree%3Aq164887`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { draft: { basedOn: number; tree: unknown } | null }).draft;
}

async function openEditor(page: Page) {
  await page.goto(`${server.origin}/edit/q164887`);
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeVisible();
}

const behindHeading = (page: Page) =>
  page.getByRole('heading', { name: /is deployed since this draft began/ });

test('the draft that was published is settled, and a draft compared with the deployed version stays based on it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });

  // 1–2. The author changes the description, saved on the server, and submits it for review.
  await server.signIn(page, AUTHOR, '/edit/q164887');
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('Why a Windows NT upgrade run as a service is marked failed.');
  await expect(status(page, /^Saved/)).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Impact and publishing' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Impact and publishing' });
  await panel.getByLabel('What you changed, in one line').fill('Shorter description');
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(panel.getByRole('status')).toContainText('Submitted.');

  // 3. The publisher publishes it, in the same browser.
  await server.signIn(page, PUBLISHER, '/admin/reviews');
  await page.getByRole('link', { name: /Windows NT upgrade/ }).click();
  await page.getByRole('button', { name: 'Publish as version 3' }).click();
  await expect(page.getByRole('status')).toContainText('Published as version 3');

  // 4. The author opens the editor again: version 3 with the new description, nothing to
  // compare, and the draft that became version 3 is settled on the server.
  await server.signIn(page, AUTHOR, '/edit/q164887');
  await expect(description).toHaveValue(
    'Why a Windows NT upgrade run as a service is marked failed.',
  );
  await expect(status(page, 'No changes yet')).toBeVisible();
  await expect(behindHeading(page)).toHaveCount(0);
  expect(await serverDraft(page)).toBeNull();
  await page.getByRole('tab', { name: 'Impact and publishing' }).click();
  await expect(
    panel.getByRole('button', { name: /Download q164887\.json \(version 4\)/ }),
  ).toBeVisible();
  await expect(panel).not.toContainText('would undo');

  // A change of the title is saved, based on version 3; then the publisher restores version 2
  // as version 4, so the draft is behind.
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('NT upgrade runs again');
  await expect(status(page, /^Saved/)).toBeVisible({ timeout: 15_000 });
  expect(await serverDraft(page)).toMatchObject({ basedOn: 3 });
  await server.signIn(page, PUBLISHER, '/admin/history/q164887/restore/2');
  await page.getByRole('button', { name: 'Publish version 2 again as version 4' }).click();
  await expect(page.getByRole('status')).toContainText('Published as version 4');

  await server.signIn(page, AUTHOR, '/edit/q164887');
  await expect(behindHeading(page)).toHaveText('Version 4 is deployed since this draft began');
  // Behind, it is neither downloaded nor sent for review: either would undo version 4 unseen.
  await page.getByRole('tab', { name: 'Impact and publishing' }).click();
  await expect(panel).toContainText('No download yet');
  await expect(panel.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Compare with version 4' }).click();
  const conflict = page.getByRole('region', {
    name: 'A newer version is deployed than the one this draft started from',
  });
  await expect(conflict).toBeVisible();
  // The parts to choose are the author's title and the description version 4 put back; the
  // version number is not one of them.
  await expect(conflict.getByRole('group')).toHaveCount(2);
  await expect(
    conflict.getByRole('group', { name: 'Title' }).getByRole('radio', { name: 'Keep yours' }),
  ).toBeChecked();
  await expect(
    conflict
      .getByRole('group', { name: 'Description' })
      .getByRole('radio', { name: 'Keep deployed version' }),
  ).toBeChecked();
  await expect(conflict.getByRole('group', { name: 'Version' })).toHaveCount(0);
  // The outline still shows the troubleshooter beside the comparison.
  await expect(
    page.getByRole('tree', { name: 'Outline' }).getByRole('treeitem').first(),
  ).toBeVisible();
  expect(await wcagViolations(page)).toEqual([]);

  await conflict.getByRole('button', { name: 'Keep these choices' }).click();
  await expect(status(page, /^Saved/)).toBeVisible({ timeout: 15_000 });
  expect(await serverDraft(page)).toMatchObject({ basedOn: 4 });

  // After a reload the draft is based on version 4: no warning, and a download is offered.
  await openEditor(page);
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'NT upgrade runs again',
  );
  await expect(status(page, 'No changes since you opened this draft')).toBeVisible();
  await expect(behindHeading(page)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Impact and publishing' }).click();
  await expect(
    panel.getByRole('button', { name: /Download q164887\.json \(version 5\)/ }),
  ).toBeVisible();
  await expect(panel).not.toContainText('would undo');
  await expect(panel.getByRole('button', { name: 'Submit for review' })).toBeVisible();
});
