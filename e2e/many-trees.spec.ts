import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, heading, openCatalog, test } from './fixtures';
import { MANY_TREES_ORIGIN } from './origins';

// Against dist-many/ (scripts/build-many-trees.mjs): 60 generated troubleshooters and the
// shipped one last, 10 a page, so the list has 7 pages and Q164887 is alone on the last.
test.use({ baseURL: MANY_TREES_ORIGIN });

const SHIPPED = 'Windows NT upgrade job runs again at every restart (SMS 1.2)';

/** The titles listed, in order. */
function titles(page: Page) {
  return page.getByRole('main').getByRole('heading', { level: 2 });
}

function listPages(page: Page) {
  return page.getByRole('navigation', { name: 'Pages of the list' });
}

function requests(page: Page) {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

test('a list longer than a page goes page by page, with Back and Forward', async ({ page }) => {
  const requested = requests(page);
  await openCatalog(page);
  await expect(page.getByText('61 troubleshooters, 1 to 10 on this page')).toBeVisible();
  await expect(titles(page)).toHaveCount(10);
  await expect(titles(page).first()).toHaveText(/^Generated 1: /);
  // The first page arrived with its entries: nothing more was fetched for them.
  expect(requested.filter((path) => path.startsWith('/trees/'))).toEqual([]);

  await listPages(page).getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(`${MANY_TREES_ORIGIN}/list/2`);
  await expect(heading(page)).toHaveText('Troubleshooters: page 2 of 7');
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveTitle('Troubleshooters: page 2 of 7 – Troubleshooter');
  await expect(titles(page).first()).toHaveText(/^Generated 11: /);
  await expect(page.getByText('61 troubleshooters, 11 to 20 on this page')).toBeVisible();
  // Only that page's entries, not the whole list.
  expect(requested).toContain('/trees/list/2.json');
  expect(requested).not.toContain('/trees/index.json');

  await page.goBack();
  await expect(page).toHaveURL(`${MANY_TREES_ORIGIN}/`);
  await expect(heading(page)).toHaveText('Troubleshooters');
  await expect(titles(page).first()).toHaveText(/^Generated 1: /);
  await page.goForward();
  await expect(heading(page)).toHaveText('Troubleshooters: page 2 of 7');
  await expect(titles(page).first()).toHaveText(/^Generated 11: /);

  await listPages(page).getByRole('link', { name: 'Page 7' }).click();
  await expect(heading(page)).toHaveText('Troubleshooters: page 7 of 7');
  await expect(titles(page)).toHaveText([SHIPPED]);
  await expect(listPages(page).getByRole('link', { name: 'Page 7' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(listPages(page).getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await page.getByRole('link', { name: SHIPPED, exact: true }).click();
  await expect(heading(page)).toHaveText(/Systems Management Server 1\.2/);
});

test('the filter looks through every page, and inside the troubleshooters', async ({ page }) => {
  await openCatalog(page);
  const box = page.getByRole('searchbox', { name: 'Filter troubleshooters' });
  const count = page.getByRole('status').filter({ hasText: 'shown' });
  // A word of a question of the tree on the last page.
  await box.fill('Pcmsvc32');
  await expect(count).toHaveText('1 of 61 shown');
  await expect(titles(page)).toHaveText([SHIPPED]);
  await expect(page.getByText(/^Matches a question: /)).toBeVisible();
  await expect(listPages(page)).toHaveCount(0);
  // An id in a description, from the fifth page.
  await box.fill('generated-45');
  await expect(count).toHaveText('1 of 61 shown');
  await expect(titles(page)).toHaveText([/^Generated 45: /]);
  // What is typed is in the address, replaced as it changes: Back from the match comes back to it.
  await expect(page).toHaveURL(`${MANY_TREES_ORIGIN}/?q=generated-45`);
  await expect(box).toBeFocused();
  await titles(page).getByRole('link').click();
  await expect(heading(page)).toHaveText(/^Does the client server show the job/);
  await page.goBack();
  await expect(box).toHaveValue('generated-45');
  await expect(titles(page)).toHaveText([/^Generated 45: /]);
  await box.fill('');
  await expect(titles(page)).toHaveCount(10);
  await expect(titles(page).first()).toHaveText(/^Generated 1: /);
  await expect(listPages(page)).toBeVisible();
});

test('a filtered list opened fresh shows its matches once it has hydrated', async ({ page }) => {
  await openCatalog(page, '/?q=Pcmsvc32');
  await expect(page.getByRole('searchbox', { name: 'Filter troubleshooters' })).toHaveValue(
    'Pcmsvc32',
  );
  await expect(titles(page)).toHaveText([SHIPPED]);
});

test('without JavaScript every page of the list is a page of its own', async ({ browser }) => {
  const context = await browser.newContext({
    baseURL: MANY_TREES_ORIGIN,
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(heading(page)).toHaveText('Troubleshooters');
  await expect(page.getByRole('searchbox', { name: 'Filter troubleshooters' })).toBeHidden();
  await listPages(page).getByRole('link', { name: 'Next page' }).click();
  await expect(heading(page)).toHaveText('Troubleshooters: page 2 of 7');
  await expect(titles(page)).toHaveCount(10);
  await expect(titles(page).first()).toHaveText(/^Generated 11: /);
  await listPages(page).getByRole('link', { name: 'Page 7' }).click();
  await expect(heading(page)).toHaveText('Troubleshooters: page 7 of 7');
  await page.getByRole('link', { name: SHIPPED, exact: true }).click();
  await expect(heading(page)).toHaveText(/Systems Management Server 1\.2/);
  await page.goBack();
  await listPages(page).getByRole('link', { name: 'Previous page' }).click();
  await expect(heading(page)).toHaveText('Troubleshooters: page 6 of 7');
  await context.close();
});

for (const [width, colorScheme] of [
  [320, 'light'],
  [1280, 'dark'],
] as const) {
  test(`a page of the list passes the WCAG 2.1 A and AA checks at ${width} px, ${colorScheme}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme });
    await openCatalog(page, '/list/4');
    await expect(heading(page)).toHaveText('Troubleshooters: page 4 of 7');
    expect(await wcagViolations(page)).toEqual([]);
  });
}

test('an address past the last page says the list has no such page', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 404/);
  const response = await page.goto('/list/8');
  expect(response?.status()).toBe(404);
  await expect(heading(page)).toHaveText('The list of troubleshooters has no such page');
  await page.getByRole('link', { name: 'See all troubleshooters' }).click();
  await expect(heading(page)).toHaveText('Troubleshooters');
});
