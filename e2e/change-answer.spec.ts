import {
  answerLink,
  expect,
  heading,
  openInteractive,
  test,
  waitForChunks,
  waitUntilInteractive,
} from './fixtures';

const DIAGNOSIS = '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack';
const QUESTION_3 = 'Does the same job start again each time the client starts?';

test('at the diagnosis, Change question 3 and pick the same answer: the diagnosis again, every answer kept', async ({
  page,
}) => {
  await openInteractive(page, `${DIAGNOSIS}?v=2`);
  await page.getByRole('link', { name: `Change your answer to: ${QUESTION_3}` }).click();
  await expect(heading(page)).toHaveText(QUESTION_3);
  await expect(heading(page)).toBeFocused();
  // The Change link is far down the page: the new heading is wholly in view all the same.
  expect(
    await heading(page).evaluate((h1) => {
      const box = h1.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }),
  ).toBe(true);
  // The answer given is marked, and there is a way back without choosing.
  const given = answerLink(page, 'Yes, it starts again at every restart Your answer');
  await expect(given).toBeVisible();
  await expect(page.getByRole('link', { name: /go back to where you were/ })).toHaveAttribute(
    'href',
    `${DIAGNOSIS}?v=2`,
  );
  await given.click();
  await expect(page).toHaveURL(`${DIAGNOSIS}?v=2`);
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);
  await expect(page.getByRole('region', { name: 'Your answers' }).getByRole('term')).toHaveCount(6);
});

test('changing an answer names what no longer applies; Back and Forward go step by step', async ({
  page,
}) => {
  await openInteractive(page, `${DIAGNOSIS}?v=2`);
  await waitForChunks(page, ['outcome-screen']);
  await page.getByRole('link', { name: `Change your answer to: ${QUESTION_3}` }).click();
  await expect(heading(page)).toHaveText(QUESTION_3);
  await answerLink(page, 'No, it ran once').click();
  await expect(heading(page)).toHaveText(/Not this problem/);
  await expect(page.getByRole('region', { name: '3 later answers no longer apply' })).toBeVisible();

  await page.goBack();
  await expect(heading(page)).toHaveText(QUESTION_3);
  await expect(answerLink(page, 'Yes, it starts again at every restart Your answer')).toBeVisible();
  await page.goBack();
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);
  await page.goForward();
  await page.goForward();
  await expect(heading(page)).toHaveText(/Not this problem/);

  // The page landed on is the same when its address is opened fresh (shared, or reloaded).
  await page.reload();
  await waitUntilInteractive(page);
  await expect(page.getByRole('region', { name: '3 later answers no longer apply' })).toBeVisible();
});

test('a Change link opened fresh marks the answer given', async ({ page }) => {
  await openInteractive(
    page,
    '/q164887/sms-1-2/os-upgrade?v=2&was=sms-1-2/os-upgrade/repeats/failed/service/no-service-pack',
  );
  await expect(heading(page)).toHaveText(QUESTION_3);
  await expect(answerLink(page, 'Yes, it starts again at every restart Your answer')).toBeVisible();
  await expect(page.locator('title')).toHaveCount(1);
});

test('Space on a focused answer chooses it', async ({ page }) => {
  await openInteractive(page, '/q164887');
  await answerLink(page, 'Yes, SMS 1.2').focus();
  await page.keyboard.press('Space');
  await expect(heading(page)).toHaveText(
    'Is the job a Windows NT upgrade that restarts the client?',
  );
  await expect(page).toHaveURL('/q164887/sms-1-2?v=2');
});

test('a question prints with its answers and its help open; the help closes again after', async ({
  page,
}) => {
  await openInteractive(page, '/q164887/sms-1-2/os-upgrade/repeats?v=2');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('list', { name: 'Answers' }).getByRole('listitem')).toHaveCount(3);
  await expect(answerLink(page, 'Yes, it is recorded as failed')).toBeVisible();
  const help = page.locator('details.help');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(help).toHaveAttribute('open', '');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(help).not.toHaveAttribute('open');
});

test('with JavaScript off, Change offers the other answers in place and keeps what still fits', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${DIAGNOSIS}?v=2`);
  // Each row's Change is a disclosure (a group) of the other answers.
  const change = page.getByRole('group').filter({
    hasText: 'your answer to: Is the job recorded as failed rather than completed?',
  });
  await expect(change).toHaveCount(1);
  await change.locator('summary').click();
  await expect(change.getByRole('link', { name: /No, it is recorded as completed/ })).toBeVisible();
  await expect(change).toContainText('(2 later answers no longer apply)');
  // "Not sure" still leads through the same later questions: straight to the diagnosis.
  await change.getByRole('link', { name: 'Not sure' }).click();
  await expect(page).toHaveURL(
    '/q164887/sms-1-2/os-upgrade/repeats/status-unsure/service/no-service-pack?v=2',
  );
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);
  await expect(page.getByRole('region', { name: 'Not confirmed yet' })).toBeVisible();
  await context.close();
});

test('Change to another result and back again: the walk it came from returns, until something new is answered', async ({
  page,
}) => {
  await openInteractive(page, `${DIAGNOSIS}?v=2`);
  const changeQuestion3 = page.getByRole('link', { name: `Change your answer to: ${QUESTION_3}` });
  await changeQuestion3.click();
  await expect(heading(page)).toHaveText(QUESTION_3);
  await answerLink(page, 'No, it ran once').click();
  await expect(heading(page)).toHaveText('Not this problem: The job does not repeat');
  // Changed back from the result: the later answers of the walk before return.
  await changeQuestion3.click();
  await expect(heading(page)).toHaveText(QUESTION_3);
  await answerLink(page, 'Yes, it starts again at every restart').click();
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);
  await expect(page).toHaveURL(new RegExp(`^[^?]*${DIAGNOSIS}\\?v=2`));
  await expect(page.getByRole('region', { name: 'Your answers' }).getByRole('term')).toHaveCount(6);

  // Answering something new forgets it: from question 3's other answer, on to question 4
  // by a fresh walk, and question 4 asks again.
  await openInteractive(page, `/q164887/sms-1-2/os-upgrade?v=2`);
  await answerLink(page, 'No, it ran once').click();
  await expect(heading(page)).toHaveText('Not this problem: The job does not repeat');
  await changeQuestion3.click();
  await answerLink(page, 'Yes, it starts again at every restart').click();
  await expect(heading(page)).toHaveText('Is the job recorded as failed rather than completed?');
});
