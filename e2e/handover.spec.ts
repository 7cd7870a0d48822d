import path from 'node:path';
import {
  answerLink,
  ANSWERS_TO_DIAGNOSIS,
  expect,
  heading,
  openInteractive,
  test,
} from './fixtures';
import { WIZARD_ORIGIN } from './origins';

const DIAGNOSIS_URL = '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack';

test('copying at the diagnosis gives a summary with every answer, the article, the fix and a working link', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: WIZARD_ORIGIN });
  await openInteractive(page, '/q164887');
  for (const answer of ANSWERS_TO_DIAGNOSIS) await answerLink(page, answer).click();
  await expect(heading(page)).toHaveText(
    'Diagnosis: This is the known SMS 1.2 problem in article Q164887',
  );

  await page.getByRole('button', { name: 'Copy for ticket' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Copied the summary as plain text.' }),
  ).toBeVisible();
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  expect(summary).toContain('Windows NT upgrade job runs again at every restart (SMS 1.2)');
  for (const answer of ANSWERS_TO_DIAGNOSIS) expect(summary).toContain(answer);
  expect(summary).toContain('Is the latest SMS 1.2 service pack installed yet?');
  expect(summary).toContain(
    'Article: Q164887, SMS: Upgrading Windows NT with PCM Service May Constantly Repeat',
  );
  expect(summary).toContain('SERVPACK');
  const link = /\nLink\n(\S+)\n/.exec(summary)?.[1];
  expect(link).toBe(`${WIZARD_ORIGIN}${DIAGNOSIS_URL}?v=2`);

  // The link works for a colleague.
  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await other.goto(link ?? 'missing link');
  await expect(heading(other)).toHaveText(
    'Diagnosis: This is the known SMS 1.2 problem in article Q164887',
  );
  await colleague.close();
});

test('"No" shows the escalation configured in config.json', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: {
        embed: { allowedOrigins: [] },
        escalation: { label: 'SMS support', email: 'sms-team@example.com' },
      },
    }),
  );
  await page.goto(DIAGNOSIS_URL);
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await expect(page.getByRole('link', { name: 'SMS support' })).toHaveAttribute(
    'href',
    'mailto:sms-team@example.com',
  );
  await expect(
    page.getByText(/The summary under “For the ticket” now says the fix was tried/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toHaveCount(1);
});

test('printing an outcome shows the result, the answers and the link, without the site chrome', async ({
  page,
}) => {
  await openInteractive(page, DIAGNOSIS_URL);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy for ticket' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Start again' })).toBeHidden();
  await expect(heading(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your answers' })).toBeVisible();
  await expect(
    page.getByText(`Link to this result: ${WIZARD_ORIGIN}${DIAGNOSIS_URL}?v=2`),
  ).toBeVisible();
  // And the same page on screen hides that line.
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByText(/Link to this result/)).toBeHidden();
});

test('copy buttons need JavaScript, so they appear only when it runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(DIAGNOSIS_URL);
  await expect(heading(page)).toHaveText(
    'Diagnosis: This is the known SMS 1.2 problem in article Q164887',
  );
  await expect(page.getByRole('button')).toHaveCount(0);
  await context.close();
});

test('an old-version link is replayed with a clear notice, and the walk goes on', async ({
  page,
  consoleGuard,
}) => {
  // The fixture tree in two versions, served as if deployed (it is not shipped).
  const fixtures = path.resolve(import.meta.dirname, '..', 'src', 'testing', 'fixtures', 'trees');
  await page.route('**/trees/printer*.json', (route) =>
    route.fulfill({
      path: path.join(fixtures, new URL(route.request().url()).pathname.split('/').pop() ?? ''),
    }),
  );
  // Not prerendered (not shipped): the host's 404.html renders it in the browser.
  consoleGuard.allow(/status of 404/);
  await page.goto('/printer/power-unsure/paper?v=1');
  await expect(heading(page)).toHaveText('This troubleshooter has changed since the link was made');
  const changes = page.getByRole('region', { name: 'What changed for your answers' });
  await expect(changes).toContainText('the answer “Not sure” is no longer offered');
  await expect(changes).toContainText('it is now question 1 instead of 2');
  await page.getByRole('link', { name: 'Go on from here' }).click();
  await expect(page).toHaveURL('/printer/paper?v=2');
  await expect(heading(page)).toHaveText('Is the printer switched on?');
});

test('the start page offers to continue an unfinished walk, and to forget it', async ({ page }) => {
  await openInteractive(page, '/q164887');
  await answerLink(page, 'Yes, SMS 1.2').click();
  // Both questions have a "Not sure": click it on the second one.
  await expect(heading(page)).toHaveText(/Windows NT upgrade that restarts/);
  await answerLink(page, 'Not sure').click();
  await expect(heading(page)).toHaveText(/start again each time/);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('troubleshooter:progress:q164887')))
    .toContain('job-unsure');

  await page.goto('/q164887');
  const offer = page.getByRole('region', { name: 'Continue where you left off?' });
  await expect(offer).toContainText(
    'You were at question 3: Does the same job start again each time the client starts?',
  );
  await offer.getByRole('link', { name: 'Continue where you left off' }).click();
  await expect(page).toHaveURL('/q164887/sms-1-2/job-unsure?v=2');

  await page.goto('/q164887');
  await page.getByRole('button', { name: 'Forget it' }).click();
  await expect(page.getByText(/^Forgotten\./)).toBeVisible();
  expect(
    await page.evaluate(() => localStorage.getItem('troubleshooter:progress:q164887')),
  ).toBeNull();
});
