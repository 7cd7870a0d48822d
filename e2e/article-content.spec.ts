import { expect, heading, openInteractive, test } from './fixtures';

// The Q164887 tree says only what the article supports (issue 28): no step to send the job
// again, no claim about why a completed job runs again, no tool the article does not name.
const UNSUPPORTED = [/send the upgrade job/i, /being sent again/i, /Task Manager/, /Control Panel/];

for (const [name, url] of [
  ['the diagnosis', '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack?v=2'],
  ['the result for a job not marked failed', '/q164887/sms-1-2/os-upgrade/repeats/not-failed?v=2'],
  ['the question about the PCM service', '/q164887/sms-1-2/os-upgrade/repeats/failed?v=2'],
] as const) {
  test(`${name} says nothing the article does not support`, async ({ page }) => {
    await openInteractive(page, url);
    await expect(heading(page)).toBeVisible();
    const details = page.locator('details');
    for (const disclosure of await details.all())
      await disclosure.evaluate((d) => d.setAttribute('open', ''));
    const text = (await page.getByRole('main').textContent()) ?? '';
    for (const phrase of UNSUPPORTED) expect(text).not.toMatch(phrase);
  });
}

test('a link made with version 1 opens its step on version 2, which changed only words', async ({
  page,
}) => {
  await openInteractive(
    page,
    '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack?v=1',
  );
  // The archived version 1 reads the link: it leads where it did, so no notice (ADR 62).
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem in article Q164887/);
  await expect(page.getByText(/changed since the link was made/)).toHaveCount(0);
});
