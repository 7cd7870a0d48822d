import {
  ANSWERS_TO_DIAGNOSIS,
  answerLink,
  expect,
  heading,
  openCatalog,
  openInteractive,
  test,
  waitForChunks,
} from './fixtures';

const DIAGNOSIS = 'Diagnosis: This is the known SMS 1.2 problem in article Q164887';

test('Back and Forward move between steps, and the heading of each new step takes focus', async ({
  page,
}) => {
  await openInteractive(page, '/q164887');
  await expect(heading(page)).toHaveText(/Systems Management Server 1\.2/);
  // A fresh page does not grab focus, even once the app has taken over.
  await expect(heading(page)).not.toBeFocused();

  await answerLink(page, 'Yes, SMS 1.2').click();
  await expect(heading(page)).toHaveText(/Windows NT upgrade that restarts/);
  await expect(heading(page)).toBeFocused();
  await answerLink(page, 'Not sure').click();
  await expect(page).toHaveURL('/q164887/sms-1-2/job-unsure?v=2');
  await expect(heading(page)).toBeFocused();

  await page.goBack();
  await expect(page).toHaveURL('/q164887/sms-1-2?v=2');
  await expect(heading(page)).toHaveText(/Windows NT upgrade that restarts/);
  await expect(heading(page)).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL('/q164887');
  await expect(heading(page)).toHaveText(/Systems Management Server 1\.2/);
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL('/q164887/sms-1-2/job-unsure?v=2');
  await expect(page.getByRole('region', { name: 'Your answers' })).toContainText('Not sure');
});

test('a Change link returns to that question with the earlier answers kept', async ({ page }) => {
  await openInteractive(page, '/q164887/sms-1-2/os-upgrade/repeats/failed');
  await page
    .getByRole('link', {
      name: 'Change your answer to: Is the job a Windows NT upgrade that restarts the client?',
    })
    .click();
  // The link carries the walk, so the question can keep the later answers that still fit.
  await expect(page).toHaveURL('/q164887/sms-1-2?v=2&was=sms-1-2/os-upgrade/repeats/failed');
  await expect(heading(page)).toHaveText(
    'Is the job a Windows NT upgrade that restarts the client?',
  );
  await expect(heading(page)).toBeFocused();
  const summary = page.getByRole('region', { name: 'Your answers' });
  await expect(summary.getByRole('term')).toHaveText([
    'Is the client managed by Systems Management Server 1.2?',
  ]);

  // Answer differently: that answer leads to a result, and the two later answers no longer apply.
  await answerLink(page, 'No, another kind of job').click();
  await expect(heading(page)).toHaveText(/The job is not a restarting Windows NT upgrade/);
  await expect(page.getByRole('region', { name: '2 later answers no longer apply' })).toBeVisible();
});

test('Start again goes back to the first question from an outcome', async ({ page }) => {
  await openInteractive(page, '/q164887/other-version');
  await page.getByRole('link', { name: 'Start again' }).click();
  await expect(page).toHaveURL('/q164887');
  await expect(heading(page)).toHaveText(/Systems Management Server 1\.2/);
  await expect(heading(page)).toBeFocused();
});

test('keyboard only: Tab and Enter walk from the home page to the Q164887 diagnosis', async ({
  page,
}) => {
  // Hydrated, so Enter navigates in place; and the parts loaded on demand that this walk
  // shows are in (the questions' progress tools, the outcome), as this test is about the
  // keyboard. (Once, under load, the heading was not focused after an Enter given while they
  // were still arriving; not reproduced since: see the session note.)
  await openCatalog(page);
  await waitForChunks(page, ['copy-progress', 'resume', 'outcome-screen']);

  const pressTabUntil = async (name: string) => {
    for (let presses = 0; presses < 30; presses += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (focused === name) return;
    }
    throw new Error(`Tab never reached “${name}”`);
  };

  await pressTabUntil('Windows NT upgrade job runs again at every restart (SMS 1.2)');
  await page.keyboard.press('Enter');
  for (const answer of ANSWERS_TO_DIAGNOSIS) {
    await expect(heading(page)).toBeFocused();
    await expect(page.locator(':focus')).toHaveAttribute('tabindex', '-1');
    await pressTabUntil(answer);
    // The focused control is visibly marked.
    const outline = await page.evaluate(() =>
      document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none',
    );
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
  }
  await expect(heading(page)).toHaveText(DIAGNOSIS);
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveURL(
    '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack?v=2',
  );
});

test('"How do I check?" opens and closes from the keyboard', async ({ page }) => {
  await page.goto('/q164887/sms-1-2/os-upgrade/repeats/failed');
  const help = page.getByText(/check whether the program Pcmsvc32\.exe is running/);
  await expect(help).toBeHidden();
  await page.getByText('How do I check?').focus();
  await page.keyboard.press('Enter');
  await expect(help).toBeVisible();
});

test('the page title names each step', async ({ page }) => {
  await openInteractive(page, '/q164887/sms-1-2');
  await expect(page).toHaveTitle(
    'Question 2: Is the job a Windows NT upgrade that restarts the client? – Troubleshooter',
  );
  await answerLink(page, 'No, another kind of job').click();
  await expect(page).toHaveTitle(/^Not this problem: .* – Troubleshooter$/);
});

test('the map opens from a step, shows the path, and its boxes lead to steps', async ({ page }) => {
  await openInteractive(page, '/q164887/sms-1-2/os-upgrade?v=2');
  await page.getByRole('link', { name: 'Map of this troubleshooter' }).click();
  await expect(page).toHaveURL('/map/q164887?trail=sms-1-2/os-upgrade');
  await expect(heading(page)).toBeFocused();
  const diagram = page.getByRole('group', { name: /^Diagram of/ });
  await expect(diagram.getByRole('link', { name: /, on your path\)$/ })).toHaveCount(2);
  await expect(diagram.getByRole('link', { name: /, you are here\)$/ })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await diagram.getByRole('link', { name: 'The job does not repeat (result)' }).click();
  await expect(heading(page)).toHaveText('Not this problem: The job does not repeat');
});

test('answering within a loaded tree never shows or announces "Loading…"', async ({ page }) => {
  await openInteractive(page, '/q164887');
  // Every text the status region (aria-live) ever shows, from here on.
  await page.evaluate(() => {
    const status = document.querySelector('[role="status"][aria-live]');
    if (!status) throw new Error('no status region on the page');
    const shown: string[] = [];
    Object.assign(window, { statusTexts: shown });
    new MutationObserver(() => shown.push(status.textContent ?? '')).observe(status, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  for (const answer of ANSWERS_TO_DIAGNOSIS.slice(0, 3)) {
    await answerLink(page, answer).click();
  }
  await expect(heading(page)).toHaveText('Is the job recorded as failed rather than completed?');
  const shown = await page.evaluate(
    () => (window as unknown as { statusTexts: string[] }).statusTexts,
  );
  expect(shown.filter((text) => text.includes('Loading'))).toEqual([]);
});

test('a new step starts at the top, and Back returns to where the page was scrolled', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 480 });
  await openInteractive(page, '/q164887/sms-1-2/os-upgrade');
  const answer = answerLink(page, 'Yes, it starts again at every restart');
  await answer.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);

  await answer.click();
  await expect(heading(page)).toHaveText(/recorded as failed/);
  await expect(heading(page)).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await page.goBack();
  await expect(heading(page)).toHaveText(/start again each time/);
  // ScrollRestoration puts the page back; the heading takes focus without scrolling to it.
  await expect(heading(page)).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
});
