import type { Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wcagViolations } from './axe';
import { expect, test } from './fixtures';
import { useServer } from './server-fixture';

/**
 * The admin pages of issue 26 against the real server (`npm start` on a fresh embedded
 * database), by an admin added with `npm run users`: the helpdesk setting, a webhook with a
 * delivery in its log sent again, the review threshold, and a troubleshooter's owner and
 * review-by date set in the editor.
 */
const ADMIN = 'admin@example.com';

const server = useServer({ accounts: [{ email: ADMIN, role: 'admin' }] });
let receiver: Server | undefined;
let receiverUrl = '';
const received: { event: string; signature: string }[] = [];

test.beforeAll(async () => {
  // A receiver on this machine: takes every delivery (http: is allowed on the loopback address).
  receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push({
        event: String(request.headers['troubleshooter-event']),
        signature: String(request.headers['troubleshooter-signature']),
      });
      response.statusCode = 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

/** axe at 320 and 1280 px, no sideways scrolling at 320, and a screenshot of each under /tmp. */
async function expectAccessible(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await wcagViolations(page), `${name} at ${width} px`).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${width} px scrolls sideways`,
    ).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `/tmp/admin-tickets-${name}-${width}.png`, fullPage: true });
  }
}

test('an admin sets the helpdesk, adds a webhook, resends a delivery, and sets a troubleshooter’s owner and review-by date', async ({
  page,
  consoleGuard,
}) => {
  test.setTimeout(180_000);
  // Refused forms answer 400, as they should.
  consoleGuard.allow(/Failed to load resource: the server responded with a status of 400 /);
  const origin = server.origin;
  await server.signIn(page, ADMIN, '/admin/settings');

  // The helpdesk, from the admin navigation.
  await page
    .getByRole('navigation', { name: 'Account' })
    .getByRole('link', { name: 'Helpdesk' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Helpdesk' })).toBeVisible();
  await expectAccessible(page, 'helpdesk');
  await page.getByRole('radio', { name: 'ServiceNow' }).check();
  const address = page.getByRole('textbox', { name: 'Helpdesk address' });
  await address.fill('http://acme.service-now.com');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('Error: Helpdesk · Troubleshooter');
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(/Only an address starting https:\/\//);
  await expectAccessible(page, 'helpdesk-error');
  await address.fill('https://acme.service-now.com');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');
  const example = page.locator('.ticket-example code');
  await expect(example).toContainText(
    'https://acme.service-now.com/incident.do?sys_id=-1&sysparm_query=',
  );
  const href = new URL((await example.textContent()) ?? '');
  expect(href.searchParams.get('sysparm_query')).toMatch(
    /^short_description=.*: Escalate\^description=/,
  );
  await expectAccessible(page, 'helpdesk-saved');
  expect(await (await page.request.get(`${origin}/config.json`)).json()).toMatchObject({
    tickets: { system: 'servicenow', url: 'https://acme.service-now.com' },
  });

  // A webhook for step reports: its secret is shown once.
  await page
    .getByRole('navigation', { name: 'Account' })
    .getByRole('link', { name: 'Webhooks' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose at least one event to send.');
  await expectAccessible(page, 'webhooks-error');
  await page.getByRole('textbox', { name: 'Receiver’s address' }).fill(receiverUrl);
  await page.getByRole('checkbox', { name: 'step-report' }).check();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await expect(
    page.getByRole('heading', { name: 'Webhook added: copy its secret now' }),
  ).toBeVisible();
  await expect(page.locator('#webhook-secret')).toHaveText(/^whsec_/);
  await expectAccessible(page, 'webhooks-added');

  // Someone reports a step; the delivery is in the log.
  const report = await page.request.post(`${origin}/api/reports`, {
    headers: { origin },
    data: { tree: 'q164887', node: 'service-pack', category: 'out-of-date', text: 'SP3 is out' },
  });
  expect(report.status()).toBe(201);
  await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1);
  await page.getByRole('link', { name: `Delivery log of ${receiverUrl}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delivery log' })).toBeVisible();
  const log = page.getByRole('region', { name: 'Deliveries, newest first' });
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await log.getByRole('row').nth(1).textContent()) ?? '';
      },
      { timeout: 30_000 },
    )
    .toMatch(/step-report.*HTTP 200.*Delivered/s);
  await expectAccessible(page, 'delivery-log');

  // Sent again: a second attempt in the log, a second delivery at the receiver.
  await log.getByRole('button', { name: /^Resend the step-report delivery of / }).click();
  await expect(page.getByRole('status')).toContainText('Sending it again');
  await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
  await expect
    .poll(
      async () => {
        await page.reload();
        return ((await log.getByRole('row').nth(1).textContent()) ?? '').match(/HTTP 200/g)?.length;
      },
      { timeout: 30_000 },
    )
    .toBe(2);
  expect(received.map((entry) => entry.event)).toEqual(['step-report', 'step-report']);
  expect(received.every((entry) => /^t=\d+,v1=[0-9a-f]{64}$/.test(entry.signature))).toBe(true);

  // Remove asks first; Cancel keeps it.
  await page.goto(`${origin}/admin/webhooks`);
  await page.getByRole('link', { name: `Remove ${receiverUrl}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Remove this webhook?' })).toBeVisible();
  await expectAccessible(page, 'webhook-remove');
  await page.getByRole('link', { name: 'Cancel: keep it' }).click();
  await expect(page.getByRole('link', { name: `Remove ${receiverUrl}` })).toBeVisible();

  // The review threshold, on the settings page.
  await page.goto(`${origin}/admin/settings`);
  await page.getByLabel('“No, it did not solve it” above (percent)').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'The percentage is a whole number from 1 to 100.',
  );
  await expect(
    page.getByLabel('“No, it did not solve it” above (percent)'),
  ).toHaveAccessibleDescription(/whole number from 1 to 100/);
  await expectAccessible(page, 'settings-review-error');
  await page.getByLabel('“No, it did not solve it” above (percent)').fill('40');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  expect(await (await page.request.get(`${origin}/api/settings/review`)).json()).toEqual({
    notSolvedPercent: 40,
    minAnswers: 10,
    days: 30,
  });

  // The editor: owner and review-by date, by keyboard, in the Publishing tab.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}/edit/q164887`);
  await page.getByRole('tab', { name: 'Impact and publishing' }).click();
  const owner = page.getByRole('textbox', { name: 'Owner’s e-mail address' });
  await owner.fill('nobody@example.com');
  await owner.press('Enter');
  await expect(owner).toHaveAccessibleDescription(
    /No account has the e-mail address nobody@example\.com/,
  );
  await expect(owner).toBeFocused();
  await owner.fill(ADMIN);
  await page.getByLabel('Review by').fill('2027-03-31');
  await page.getByLabel('Review by').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved. Owner:' })).toHaveText(
    `Saved. Owner: ${ADMIN}. Review by 31 March 2027.`,
  );
  const reviews = (await (await page.request.get(`${origin}/api/reviews`)).json()) as {
    treeId: string;
    owner: string | null;
    reviewBy: string | null;
  }[];
  expect(reviews.find((review) => review.treeId === 'q164887')).toMatchObject({
    owner: ADMIN,
    reviewBy: '2027-03-31',
  });
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    if (width === 320) await page.getByRole('tab', { name: 'Impact and publishing' }).click();
    await owner.scrollIntoViewIfNeeded();
    expect(await wcagViolations(page), `editor at ${width} px`).toEqual([]);
    await page.screenshot({ path: `/tmp/admin-tickets-editor-${width}.png`, fullPage: true });
  }
});
