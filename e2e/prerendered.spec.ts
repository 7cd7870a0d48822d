import { answerLink, expect, heading, test, waitUntilInteractive } from './fixtures';
import { SUBPATH_URL } from './origins';

const DIAGNOSIS_URL = '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack';

test('with JavaScript off, a person walks from the home page to the diagnosis', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page
    .getByRole('link', {
      name: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
      exact: true,
    })
    .click();
  for (const answer of [
    'Yes, SMS 1.2',
    'Yes, an NT upgrade that restarts the client',
    'Yes, it starts again at every restart',
    'Not sure',
    'Yes, as a service (Pcmsvc32.exe)',
    'No, not yet',
  ]) {
    await answerLink(page, answer).click();
  }
  await expect(page).toHaveURL(
    '/q164887/sms-1-2/os-upgrade/repeats/status-unsure/service/no-service-pack?v=2',
  );
  await expect(heading(page)).toHaveText(
    'Diagnosis: This is the known SMS 1.2 problem in article Q164887',
  );
  await expect(page).toHaveTitle(/^Diagnosis: .* – Troubleshooter$/);
  await expect(page.getByRole('region', { name: 'Not confirmed yet' })).toContainText(
    'The job is recorded as failed, not completed.',
  );
  await expect(page.getByRole('region', { name: 'How to fix it' })).toContainText('SERVPACK');

  // Without JavaScript, Change offers the other answers in place (e2e/change-answer.spec.ts);
  // Back, and the help disclosure, work too.
  await page.goBack();
  await expect(heading(page)).toHaveText('Is the latest SMS 1.2 service pack installed yet?');
  await page.goBack();
  await page.goBack();
  await expect(heading(page)).toHaveText('Is the job recorded as failed rather than completed?');
  await page.getByText('How do I check?').click();
  await expect(page.getByText(/Ntencap\.exe marks it failed/)).toBeVisible();
  await context.close();
});

test('with JavaScript off, an unknown address gets the not-found page with status 404', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  // 404.html names no tree and no placeholder: it is sent for every address it has no page for.
  await expect(heading(page)).toHaveText('No page is stored for this address');
  await expect(page.getByRole('link', { name: 'See all troubleshooters' })).toBeVisible();
  await context.close();
});

// Apache and IIS redirect a step's folder to its trailing-slash form: the same page.
for (const [form, slash] of [
  ['', ''],
  [' (at its trailing-slash address)', '/'],
] as const) {
  test(`a prerendered step paints and hydrates with no request for data, then navigates in place from the tree file fetched behind it${form}`, async ({
    page,
  }) => {
    const dataRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.json')) dataRequests.push(request.url());
    });
    // The tree file is held back until the page is interactive: hydrating must not wait
    // for it (the page carries its excerpt of the tree).
    let releaseTree = () => {};
    const treeReleased = new Promise<void>((resolve) => (releaseTree = resolve));
    await page.route('**/trees/q164887.json', async (route) => {
      await treeReleased;
      await route.continue();
    });
    const response = await page.goto(`${DIAGNOSIS_URL.split('/').slice(0, 5).join('/')}${slash}`);
    // The question is in the HTML itself, before any script runs.
    expect(await response?.text()).toContain(
      'Is the job recorded as failed rather than completed?</h1>',
    );
    await expect(heading(page)).toHaveText('Is the job recorded as failed rather than completed?');
    await expect(page.locator('title')).toHaveCount(1);

    await waitUntilInteractive(page);
    releaseTree();
    // Once hydrated, answering is a client-side navigation: the window survives it.
    await page.evaluate(() => Object.assign(window, { sameWindow: true }));
    await answerLink(page, 'Yes, it is recorded as failed').click();
    await expect(heading(page)).toHaveText(/Package Command Manager run/);
    expect(
      await page.evaluate(() => (window as unknown as { sameWindow?: boolean }).sameWindow),
    ).toBe(true);
    await expect(page.locator('title')).toHaveCount(1);
    await expect(page).toHaveTitle(/^Question 5: /);
    await answerLink(page, 'Yes, as a service (Pcmsvc32.exe)').click();
    await expect(heading(page)).toHaveText(/service pack installed/);
    // One file for the whole tree, shared by every later step.
    expect(dataRequests.filter((url) => url.includes('/trees/'))).toEqual([
      expect.stringMatching(/\/trees\/q164887\.json$/),
    ]);
  });
}

test('the home page of a sub-path build hydrates from its own data, with no request', async ({
  page,
}) => {
  const dataRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.json')) dataRequests.push(request.url());
  });
  await page.goto(SUBPATH_URL);
  await expect(heading(page)).toHaveText('Troubleshooters');
  await waitUntilInteractive(page);
  // The list is there once hydrated (the filter box needs JavaScript).
  await expect(page.getByRole('searchbox')).toBeVisible();
  await expect(page.locator('title')).toHaveCount(1);
  expect(dataRequests).toEqual([]);
});

test('a map opened with a path hydrates once its tree file is in, then draws the path', async ({
  page,
}) => {
  const dataRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.json')) dataRequests.push(request.url());
  });
  await page.goto('/map/q164887?trail=sms-1-2/os-upgrade');
  await waitUntilInteractive(page);
  await expect(page.getByRole('link', { name: 'Back to your step' })).toHaveAttribute(
    'href',
    '/q164887/sms-1-2/os-upgrade?v=2',
  );
  // The page carries no tree: the map is drawn from the tree file, as the steps are.
  expect(dataRequests.filter((url) => url.includes('/trees/'))).toEqual([
    expect.stringMatching(/\/trees\/q164887\.json$/),
  ]);
});
