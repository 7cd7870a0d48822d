import { expect, heading, test } from './fixtures';

const HYDRATED = 'html[data-interactive]';

const SCREENS = [
  '/',
  '/q164887',
  '/q164887/sms-1-2/os-upgrade/repeats/failed/pcm-unsure/no-service-pack?v=2',
  '/q164887/other-version?v=2',
  '/map/q164887?trail=sms-1-2',
  '/q164887/sms-1-2/perhaps',
  '/embed-demo.html',
];

test('every screen runs under the strict Content-Security-Policy with no violation', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 404/); // the broken link is served from 404.html
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
  for (const url of SCREENS) {
    const response = await page.goto(url);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy, url).toContain("script-src 'self'");
    // One Trusted Types policy, the editor's checks worker's (ADR 49), and no other.
    expect(policy, url).toContain('trusted-types troubleshooter-worker;');
    if (url === '/q164887/sms-1-2/os-upgrade/repeats/failed/pcm-unsure/no-service-pack?v=2') {
      // Open the controls that appear with JavaScript, too.
      await page.getByRole('button', { name: 'No', exact: true }).click();
    }
    // Checked once the app has hydrated and shows its screen: the app's code has run there.
    if (url === '/embed-demo.html') {
      // The embedded wizard is a frame of the same origin, under the same policy.
      const frame = page.frameLocator('iframe');
      await frame.locator(HYDRATED).waitFor({ state: 'attached' });
      await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
    } else {
      await page.locator(HYDRATED).waitFor({ state: 'attached' });
      await expect(heading(page)).toBeVisible();
    }
    // In every frame: the embed demo's wizard is a frame of its own.
    for (const frame of page.frames()) {
      expect(
        await frame.evaluate(
          () => (window as unknown as { cspViolations?: string[] }).cspViolations,
        ),
        `${url}: ${frame.url()}`,
      ).toEqual([]);
    }
  }

  // The editor checks drafts in a worker started through the app's one Trusted Types policy:
  // it starts with no violation (a refusal would be a console warning, and the checks would
  // run on the page), and its report reaches the page.
  const started = page.waitForEvent('worker', {
    predicate: (worker) => /\/assets\/draft-checks\.worker-[\w-]+\.js$/.test(worker.url()),
  });
  await page.goto('/edit/q164887');
  await page.getByRole('tree', { name: 'Outline' }).waitFor();
  await started;
  const title = page.getByRole('textbox', { name: /^Title$/ });
  await title.fill('');
  await expect(page.getByRole('region', { name: 'Checks' }).getByRole('status')).toHaveText(
    /^1 problem to fix/,
  );
  await expect(
    page
      .getByRole('region', { name: 'Checks' })
      .getByRole('button', { name: 'Troubleshooter, title: must not be empty' }),
  ).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations),
    '/edit/q164887',
  ).toEqual([]);

  // The policy is really enforced: markup from a string cannot reach the page (Chromium
  // logs the refusal, which is expected here).
  consoleGuard.allow(/requires 'TrustedHTML' assignment/);
  const blocked = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="alert(1)">');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
});

test('the site ships no source maps: its scripts name none and none is served', async ({
  page,
  request,
}) => {
  // Issue 27: the site shipped 25 source maps, which show the sources to anyone who asks.
  // They are kept beside the build for the team (dist-sourcemaps/), not deployed.
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) scripts.push(response.url());
  });
  await page.goto('/q164887');
  await page.locator(HYDRATED).waitFor({ state: 'attached' });
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) {
    const script = await request.get(url);
    expect(await script.text(), url).not.toContain('sourceMappingURL');
    expect(script.headers()['sourcemap'], url).toBeUndefined();
    expect((await request.get(`${url}.map`)).status(), `${url}.map`).toBe(404);
  }
});
