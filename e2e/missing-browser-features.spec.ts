import {
  answerLink,
  ANSWERS_TO_DIAGNOSIS,
  expect,
  heading,
  openInteractive,
  test,
} from './fixtures';

// Locked-down intranet browsers: storage refused by policy (saved progress, the stale-chunk
// marker), no Clipboard API (a plain-http intranet site is not a secure context). Only the
// embedded frame uses ResizeObserver; a frame without it is tested in embed.spec.ts.
test('a whole walk works with storage refused and no Clipboard API', async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('storage is disabled by policy', 'SecurityError');
        },
      });
    }
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await openInteractive(page, '/q164887');
  expect(await page.evaluate(() => typeof navigator.clipboard)).toBe('undefined');

  for (const answer of ANSWERS_TO_DIAGNOSIS) await answerLink(page, answer).click();
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);

  await page.getByRole('button', { name: 'Copy for ticket' }).click();
  await expect(page.getByText(/Copying was not allowed here/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Summary to copy' })).toHaveValue(/How to fix it/);

  await page.goBack();
  await expect(heading(page)).toHaveText('Is the latest SMS 1.2 service pack installed yet?');
});
