import { expect, heading, openInteractive, test } from './fixtures';

const DIAGNOSIS = '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack?v=2';

test.use({ viewport: { width: 320, height: 640 } });

test('on a phone the diagnosis leads with the fix, and Copy for ticket is a link away', async ({
  page,
}) => {
  await openInteractive(page, DIAGNOSIS);
  await expect(heading(page)).toHaveText(/known SMS 1\.2 problem/);
  const fix = page.getByRole('region', { name: 'How to fix it' });
  const why = page.getByRole('region', { name: 'Why it happens' });
  const top = async (locator: typeof fix) => (await locator.boundingBox())?.y ?? Infinity;
  const whyTop = await top(why);
  // The fix starts on the first screen, before the explanation.
  expect(await top(fix)).toBeLessThan(640);
  expect(await top(fix)).toBeLessThan(whyTop);
  // Its links lead down to the details and to Copy for ticket without scrolling past them.
  const copyLink = page.getByRole('link', { name: 'Copy for ticket' });
  expect(await top(copyLink)).toBeLessThan(whyTop);
  await copyLink.click();
  const copy = page.getByRole('button', { name: /Copy for ticket/ });
  await expect(copy).toBeInViewport();
  await page.getByRole('link', { name: 'Why it happens, and what to expect' }).click();
  await expect(why).toBeInViewport();
});
