import {
  answerLink,
  expect,
  heading,
  openCatalog,
  openInteractive,
  openTreeFromCatalog,
  test,
  waitForChunks,
} from './fixtures';

// Addresses that are not prerendered steps get the host's 404.html (status 404, which
// Chromium logs), and the app then renders the right page for the address.
const DOCUMENT_404 = /Failed to load resource: the server responded with a status of 404/;

test('an unknown tree id shows not found, with a way to the list', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(DOCUMENT_404);
  await page.goto('/no-such-tree/yes/no');
  await expect(heading(page)).toHaveText('There is no troubleshooter at this address');
  await page.getByRole('link', { name: 'See all troubleshooters' }).click();
  await expect(heading(page)).toHaveText('Troubleshooters');
});

test('an address that cannot be a troubleshooter shows not found', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(DOCUMENT_404);
  await page.goto('/Some%20Page.aspx');
  await expect(heading(page)).toHaveText('There is no troubleshooter at this address');
});

test('an answer that does not exist keeps the valid part and goes on from there', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(DOCUMENT_404);
  await page.goto('/q164887/sms-1-2/os-upgrade/sometimes/failed');
  await expect(heading(page)).toHaveText('This link does not lead to a step');
  await expect(page.getByText(/“sometimes” is not one of the answers/)).toBeVisible();
  // 404.html's own title gives way to the screen's: one title, the right one.
  await expect(page).toHaveTitle(/^Broken link: /);
  await expect(page.locator('title')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Your answers' }).getByRole('term')).toHaveCount(2);
  await page.getByRole('link', { name: 'Go on from the last step that fits' }).click();
  await expect(page).toHaveURL('/q164887/sms-1-2/os-upgrade?v=2');
  await expect(heading(page)).toHaveText(/start again each time the client starts/);
});

test('a trail that goes past the outcome is reported', async ({ page, consoleGuard }) => {
  consoleGuard.allow(DOCUMENT_404);
  await page.goto('/q164887/sms-1-2/os-upgrade/runs-once/failed/service');
  await expect(heading(page)).toHaveText('This link does not lead to a step');
  await expect(page.getByText(/goes on after the result was already reached/)).toBeVisible();
  await page.getByRole('link', { name: 'Go on from the last step that fits' }).click();
  await expect(heading(page)).toHaveText('Not this problem: The job does not repeat');
});

test('a tree file that fails validation shows a plain message and the author’s details', async ({
  page,
}) => {
  await page.route('**/trees/q164887.json', (route) =>
    route.fulfill({
      json: { id: 'q164887', version: 1, title: 'T', description: 'D', start: 'x', nodes: [] },
    }),
  );
  await openTreeFromCatalog(page);
  await expect(heading(page)).toHaveText('This troubleshooter cannot be used right now');
  await page.getByText('Details for the author').click();
  await expect(page.getByText('must have at least one node')).toBeVisible();
});

test('a tree file that fails to load is retried, then Try again recovers', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 503/);
  let requests = 0;
  await page.route('**/trees/q164887.json', (route) => {
    requests += 1;
    return route.fulfill({ status: 503, body: 'Service unavailable' });
  });
  await openTreeFromCatalog(page);
  await expect(heading(page)).toHaveText('The troubleshooter could not be loaded');
  expect(requests).toBe(3); // the first try and two retries

  await page.unroute('**/trees/q164887.json');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(heading(page)).toHaveText(/Systems Management Server 1\.2/);
  await answerLink(page, 'Yes, SMS 1.2').click();
  await expect(heading(page)).toHaveText(/Windows NT upgrade that restarts/);
});

test('offline: the page says so at once, and loads by itself when back online', async ({
  page,
  context,
  consoleGuard,
}) => {
  consoleGuard.allow(/net::ERR_INTERNET_DISCONNECTED/);
  await openCatalog(page);
  // What opening a tree offline needs is fetched in the background after hydration: the
  // validator the route runs first, and the error screens (the offline one among them).
  await waitForChunks(page, ['validate-tree', 'tree-error-screen']);
  await context.setOffline(true);
  await page
    .getByRole('link', {
      name: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
      exact: true,
    })
    .click();
  await expect(heading(page)).toHaveText('You are offline');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();

  await context.setOffline(false);
  await expect(heading(page)).toHaveText(/Systems Management Server 1\.2/);
  await answerLink(page, 'Yes, SMS 1.2').click();
  await expect(heading(page)).toHaveText(/Windows NT upgrade that restarts/);
});

test('a tree file slow to arrive shows a loading state, then the step', async ({ page }) => {
  // The file is held back until the loading state has been seen, however long that takes
  // (the app sets no time limit of its own on a fetch).
  let deliver = () => {};
  const delivered = new Promise<void>((resolve) => (deliver = resolve));
  await page.route('**/trees/q164887.json', async (route) => {
    await delivered;
    await route.continue();
  });
  await openTreeFromCatalog(page);
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
  await expect(heading(page)).toHaveText('Troubleshooters'); // the page stays usable meanwhile
  deliver();
  await expect(heading(page)).toHaveText(/Systems Management Server 1\.2/);
});

test('an absurdly long trail is refused with a clear message', async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 404/);
  // About 3 KB: still within what web servers accept in a request line (8–16 KB).
  const trail = Array.from({ length: 400 }, () => 'sms-1-2').join('/');
  await page.goto(`/q164887/${trail}?v=2`);
  await expect(heading(page)).toHaveText('This link does not lead to a step');
  await expect(page.getByText(/“sms-1-2” is not one of the answers/)).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Go on from the last step that fits' }),
  ).toHaveAttribute('href', '/q164887/sms-1-2?v=2');
});

test('a malformed address gets the not-found page with status 400, never a server error', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 400/);
  // React Router's own word that it could not decode the address.
  consoleGuard.allow(/could not be decoded because it is a malformed URL segment/);
  for (const address of ['/q164887/%E0%A4%A', '/%zz']) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(400);
    await expect(heading(page)).toHaveText(
      /no troubleshooter at this address|This link does not lead to a step/,
    );
    await expect(page.getByText(/URIError|malformed/)).toHaveCount(0);
  }
});

test('the article id as people write it leads to its troubleshooter', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(DOCUMENT_404);
  await page.goto('/Q164887');
  await expect(heading(page)).toHaveText('Is the client managed by Systems Management Server 1.2?');
  await expect(page).toHaveURL('/q164887');
  await page.goto('/Q164887/sms-1-2?v=2');
  await expect(heading(page)).toHaveText(
    'Is the job a Windows NT upgrade that restarts the client?',
  );
  await expect(page).toHaveURL('/q164887/sms-1-2?v=2');
});

test('the addresses the site keeps for its own files are "not found", not the files’ checks', async ({
  page,
  consoleGuard,
}) => {
  // Issue 27: /index and /search showed the schema errors of index.json and search.json as if
  // they were troubleshooters.
  consoleGuard.allow(DOCUMENT_404);
  for (const address of ['/index', '/search', '/index/yes', '/trees', '/assets']) {
    // Once the app has hydrated: 404.html's own words come before the app reads the address.
    await openInteractive(page, address);
    await expect(heading(page), address).toHaveText('There is no troubleshooter at this address');
    await expect(page.getByText(/schema|must have|cannot be used/i), address).toHaveCount(0);
  }
  await page.getByRole('link', { name: 'See all troubleshooters' }).click();
  await expect(heading(page)).toHaveText('Troubleshooters');
});

test('an absurd version in a link is read as the current version, not as a change', async ({
  page,
}) => {
  // Issue 27: `?v=99999999999999999999` said the troubleshooter had changed since the link.
  for (const version of ['99999999999999999999', '9007199254740993', '1e21', '-1', '0']) {
    await openInteractive(page, `/q164887/sms-1-2?v=${version}`);
    await expect(heading(page), version).toHaveText(
      'Is the job a Windows NT upgrade that restarts the client?',
    );
    await expect(page.getByText(/changed since|has changed/i), version).toHaveCount(0);
  }
  await answerLink(page, 'Yes, an NT upgrade that restarts the client').click();
  await expect(page).toHaveURL(/\/q164887\/sms-1-2\/os-upgrade\?v=2$/);
});
