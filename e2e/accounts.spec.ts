import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, test } from './fixtures';
import { PASSWORD, useServer } from './server-fixture';

/**
 * Sign-in, settings and the audit log in a real browser, against the real server (`npm start`
 * on a fresh embedded database), with an admin added by `npm run users` as a person would.
 */
const ADMIN = 'admin@example.com';

const server = useServer({ accounts: [{ email: ADMIN, role: 'admin' }] });

async function expectAccessible(page: Page, name: string) {
  expect(await wcagViolations(page), name).toEqual([]);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    // No sideways scrolling at 320 px: everything fits or wraps.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    await page.screenshot({ path: `test-results/accounts/${name}-${width}.png`, fullPage: true });
  }
}

test('an admin signs in by keyboard, changes an embed origin, sees it in the audit log, and signs out', async ({
  page,
  consoleGuard,
}) => {
  // The wrong password (401) and the wrong origin (400) are answered with their status.
  consoleGuard.allow(/Failed to load resource: the server responded with a status of 40[01] /);
  // The editor learns there is a server, and offers to sign in.
  await page.goto(`${server.origin}/edit/q164887`);
  await page.getByRole('link', { name: 'Sign in to publish' }).click();
  await expect(page).toHaveURL(`${server.origin}/sign-in?return=%2Fedit%2Fq164887`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign-in');

  // A wrong password: the page says so first, and the error is where focus is.
  await page.getByLabel('Email address').fill(ADMIN);
  await page.getByLabel('Password').fill('not the password');
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveTitle('Error: Sign in · Troubleshooter');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('That email address and password do not match an account.');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'sign-in-error');

  // By keyboard alone: the summary's link takes focus to the field, Tab to the password.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Email address')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${server.origin}/edit/q164887`);
  await expect(page.getByText(`Signed in as ${ADMIN} (admin)`)).toBeVisible();

  // Settings: a wrong origin is named and nothing is saved; a right one is.
  await page.goto(`${server.origin}/admin/settings`);
  await expectAccessible(page, 'settings');
  const origins = page.getByLabel('Pages allowed to embed the troubleshooter');
  await origins.fill('https://intranet.example/helpdesk/');
  // Walk statistics (issue 25): how long raw events are kept, 13 months unless changed.
  const retention = page.getByLabel('Keep raw walk events for (months)');
  await expect(retention).toHaveValue('13');
  await retention.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page).toHaveTitle('Error: Settings · Troubleshooter');
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('did you mean https://intranet.example?');
  await expect(origins).toHaveAccessibleDescription(/is not an origin/);
  await expect(page.getByRole('alert')).toContainText('a whole number of months from 1 to 120');
  await expect(retention).toHaveAccessibleDescription(/whole number of months/);
  await expectAccessible(page, 'settings-error');
  await origins.fill('https://intranet.example');
  await retention.fill('6');
  await page.getByLabel('Escalation label').fill('Open a ticket');
  await page.getByLabel('Escalation address').fill('servicedesk@example.com');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(retention).toHaveValue('6');
  const analytics = await page.request.get(`${server.origin}/api/settings/analytics`);
  expect(await analytics.json()).toEqual({ retentionMonths: 6 });

  // The site serves the change at once: config.json and the frame-ancestors of every page.
  const config = await page.request.get(`${server.origin}/config.json`);
  expect(await config.json()).toMatchObject({
    embed: { allowedOrigins: ['https://intranet.example'] },
  });
  expect(
    (await page.request.get(`${server.origin}/`)).headers()['content-security-policy'],
  ).toContain("frame-ancestors 'self' https://intranet.example");

  // The audit log has the sign-ins and the change.
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  // The newest two: the retention, then the embed origin (saved by the same submit).
  await expect(rows.nth(1)).toContainText('Settings changed');
  await expect(rows.nth(1)).toContainText(ADMIN);
  await expect(rows.nth(1)).toContainText('6');
  await expect(rows.nth(2)).toContainText('Settings changed');
  await expect(rows.nth(2)).toContainText('https://intranet.example');
  await expect(page.getByRole('table')).toContainText('Failed sign-in');
  await expectAccessible(page, 'audit');

  // Sign out: the session ends, and the server says nobody is signed in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out.' })).toBeVisible();
  expect(await (await page.request.get(`${server.origin}/api/session`)).json()).toEqual({
    account: null,
  });
  await page.goto(`${server.origin}/admin/settings`);
  await expect(page).toHaveURL(`${server.origin}/sign-in?return=%2Fadmin%2Fsettings`);
});

test('signing in with no page to go back to opens the overview, one link from every staff page', async ({
  page,
}) => {
  // Typed as a person would, who knows only the server's address.
  await page.goto(`${server.origin}/admin`);
  await expect(page).toHaveURL(`${server.origin}/sign-in?return=%2Fadmin`);
  await page.goto(`${server.origin}/sign-in`);
  await page.getByLabel('Email address').fill(ADMIN);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(`${server.origin}/admin`);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${ADMIN} (admin)`)).toBeVisible();
  await expectAccessible(page, 'overview');

  // By keyboard: a page of the list, and back through the header's Overview link.
  await page.getByRole('main').getByRole('link', { name: 'Audit log' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Account' })
    .getByRole('link', { name: 'Overview' })
    .focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${server.origin}/admin`);
  await page.getByRole('main').getByRole('link', { name: 'New troubleshooter' }).click();
  await expect(page).toHaveURL(`${server.origin}/edit`);
});

test('a walker gets no cookie, and a post from another site is refused', async ({
  page,
  context,
}) => {
  await page.goto(`${server.origin}/q164887`);
  await page.request.get(`${server.origin}/api/session`);
  expect(await context.cookies()).toEqual([]);
  const response = await page.request.post(`${server.origin}/sign-in`, {
    headers: { origin: 'https://evil.example' },
    form: { email: ADMIN, password: PASSWORD },
  });
  expect(response.status()).toBe(403);
  expect(await context.cookies()).toEqual([]);
});
