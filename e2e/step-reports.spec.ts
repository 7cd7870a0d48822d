import { wcagViolations } from './axe';
import { expect, test } from './fixtures';
import { useServer } from './server-fixture';

/**
 * "Report a problem with this step" against the real server (`npm start` on a fresh embedded
 * database): sent without an account, found by an author beside the node in the editor and on
 * the map, and triaged there.
 */
const AUTHOR = 'author@example.com';
const STEP = 'Is the latest SMS 1.2 service pack installed yet?';

const server = useServer({ accounts: [{ email: AUTHOR, role: 'author' }] });

test('a step reported anonymously is found by an author beside the node in the editor and on the map', async ({
  page,
  browser,
}) => {
  // Someone walking, with no account: reports the service pack question as out of date.
  const walker = await browser.newContext();
  const walking = await walker.newPage();
  await walking.goto(`${server.origin}/q164887/sms-1-2/os-upgrade/repeats/failed/service?v=2`);
  await expect(walking.getByRole('heading', { level: 1 })).toHaveText(STEP);
  await walking.locator('html[data-interactive]').waitFor({ state: 'attached' });
  await walking.getByText('Report a problem with this step').click();
  await walking.getByRole('button', { name: 'Send report' }).click();
  await expect(walking.getByText('Choose what is wrong.')).toBeVisible();
  // Focus goes to the first choice, described by the error, so that it is read out.
  const first = walking.getByRole('radio', { name: 'It is wrong' });
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleDescription('Choose what is wrong.');
  for (const width of [320, 1280]) {
    await walking.setViewportSize({ width, height: 900 });
    await walking.screenshot({ path: `/tmp/tickets-report-missing-${width}.png`, fullPage: true });
    expect(await wcagViolations(walking)).toEqual([]);
  }
  await walking.getByRole('radio', { name: 'It is out of date' }).check();
  await walking
    .getByLabel(/^Tell the authors more/)
    .fill('Service pack 3 is out; the question should name it.');
  for (const width of [320, 1280]) {
    await walking.setViewportSize({ width, height: 900 });
    await walking.screenshot({ path: `/tmp/tickets-report-${width}.png`, fullPage: true });
    expect(await wcagViolations(walking)).toEqual([]);
  }
  // By keyboard: the thanks take the focus the form had (it is gone), not the page's top.
  await walking.getByRole('button', { name: 'Send report' }).press('Enter');
  const thanks = walking.getByText(
    'Thank you: the authors of this troubleshooter will see your report.',
  );
  await expect(thanks).toBeVisible();
  await expect(thanks).toBeFocused();
  expect(await walker.cookies()).toEqual([]);
  await walker.close();

  // An author signs in and opens the editor at that question.
  await server.signIn(page, AUTHOR, '/edit/q164887');
  await page
    .locator('.editor-outline__label')
    .getByText(`Question: ${STEP}`, { exact: true })
    .click();
  const beside = page.getByRole('region', { name: 'Reports about this step' });
  await expect(beside).toContainText(
    'It is out of date: Service pack 3 is out; the question should name it.',
  );
  await beside.getByLabel('Status').selectOption('accepted');

  // The map lists it under its step, with the status set in the editor.
  await page.goto(`${server.origin}/map/q164887`);
  const onMap = page.getByRole('region', { name: 'Reports about its steps' });
  await expect(onMap.getByRole('heading', { name: STEP })).toBeVisible();
  await expect(onMap.getByLabel('Status')).toHaveValue('accepted');
  await onMap.getByLabel('Status').selectOption('done');
  await page.reload();
  await expect(onMap.getByLabel('Status')).toHaveValue('done');
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/tickets-map-reports-${width}.png`, fullPage: true });
    expect(await wcagViolations(page)).toEqual([]);
  }
});
