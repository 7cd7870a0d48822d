import type { Locator, Page } from '@playwright/test';
import { wcagViolations } from './axe';
import {
  answerLink,
  ANSWERS_TO_DIAGNOSIS,
  expect,
  heading,
  openInteractive,
  test,
} from './fixtures';
import { HOST_ORIGIN, WIZARD_ORIGIN } from './origins';

const TITLE = 'Windows NT upgrade job runs again at every restart (SMS 1.2)';
/** From the first question to the escalation: every symptom, the service pack already in. */
const ANSWERS_TO_ESCALATION = [...ANSWERS_TO_DIAGNOSIS.slice(0, -1), 'Yes, it is installed'];
const ESCALATION_PATH = '/q164887/sms-1-2/os-upgrade/repeats/failed/service/service-pack-installed';

/** config.json with a helpdesk: the stand-in form on another origin, as Jira's portal form. */
async function configureHelpdesk(page: Page, extra: Record<string, unknown> = {}) {
  await page.route(`${WIZARD_ORIGIN}/config.json`, (route) =>
    route.fulfill({
      json: {
        embed: { allowedOrigins: [HOST_ORIGIN] },
        tickets: { system: 'jira', url: `${HOST_ORIGIN}/helpdesk.html` },
        ...extra,
      },
    }),
  );
}

test('"Open a ticket" at an escalation opens the helpdesk form on another origin, filled in', async ({
  page,
  context,
  consoleGuard,
}) => {
  await configureHelpdesk(page);
  await openInteractive(page, `${ESCALATION_PATH}?v=2&ticket=INC0012345&client=WS-0042`);
  await expect(heading(page)).toHaveText(
    'Escalate: The symptoms match, but the fix is already installed',
  );
  const opened = context.waitForEvent('page');
  await page.getByRole('link', { name: /^Open a ticket in Jira Service Management/ }).click();
  const helpdesk = await opened;
  consoleGuard.watch(helpdesk);
  await helpdesk.waitForLoadState();
  expect(new URL(helpdesk.url()).origin).toBe(HOST_ORIGIN);
  await expect(helpdesk.getByLabel('Summary')).toHaveValue(`${TITLE}: Escalate`);
  const description = await helpdesk.getByLabel('Description').inputValue();
  expect(description).toContain('Ticket: INC0012345\nClient: WS-0042\n');
  expect(description).toContain(
    'Result: Escalate\nThe symptoms match, but the fix is already installed\n',
  );
  for (const answer of ANSWERS_TO_ESCALATION) expect(description).toContain(answer);
  expect(description).toMatch(/Troubleshooter summary, .+ \d{2}:\d{2}:\d{2} \S+/);
  expect(description).not.toMatch(/\bbelow\b/);
  expect(description).toContain(
    `Link\n${WIZARD_ORIGIN}${ESCALATION_PATH}?v=2&ticket=INC0012345&client=WS-0042`,
  );
});

test('"Open a ticket" appears on a diagnosis only once "Did this solve it?" is answered No', async ({
  page,
}) => {
  await configureHelpdesk(page);
  await openInteractive(page, '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack');
  const open = page.getByRole('link', { name: /^Open a ticket/ });
  await expect(open).toHaveCount(0);
  const no = page.getByRole('button', { name: 'No', exact: true });
  // Where on the page (not in the viewport, which a click may scroll).
  const top = (locator: Locator) =>
    locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  const noAt = await top(no);
  await no.click();
  await expect(open).toBeVisible();
  // Under the answer, not above the question: the buttons stay under the pointer, and the
  // next Tab from No reaches it.
  expect(await top(no)).toBe(noAt);
  expect(await top(open)).toBeGreaterThan(noAt);
  await no.press('Tab');
  await expect(open).toBeFocused();
  const href = (await open.getAttribute('href')) ?? '';
  const description = new URL(href).searchParams.get('description') ?? '';
  expect(description).toContain(
    'Did this solve it?\nNo: the fix was tried and did not solve the problem, so it is escalated.',
  );
});

test('a walk with ?ticket= shows the number on every step, puts it in the ticket text, and leaves it out of "Share this step"', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: WIZARD_ORIGIN });
  await openInteractive(page, '/q164887?ticket=INC0012345');
  const walkContext = page.getByRole('definition').filter({ hasText: 'INC0012345' });
  await expect(walkContext).toBeVisible();
  for (const answer of ANSWERS_TO_DIAGNOSIS) {
    await answerLink(page, answer).click();
    await expect(walkContext).toBeVisible();
    expect(new URL(page.url()).searchParams.get('ticket')).toBe('INC0012345');
  }
  await expect(heading(page)).toHaveText(/^Diagnosis:/);

  // Back and a reload keep it: it is in the address.
  await page.goBack();
  await expect(heading(page)).toHaveText('Is the latest SMS 1.2 service pack installed yet?');
  await expect(walkContext).toBeVisible();
  await page.goForward();
  await page.reload();
  await expect(heading(page)).toHaveText(/^Diagnosis:/);
  await expect(walkContext).toBeVisible();

  await page.getByRole('button', { name: 'Copy for ticket' }).click();
  await expect(page.getByText('Copied the summary as plain text.')).toBeVisible();
  const ticketText = await page.evaluate(() => navigator.clipboard.readText());
  expect(ticketText).toContain('\nTicket: INC0012345\n');

  await page.getByRole('button', { name: 'Share this step' }).click();
  await expect(page.getByText('Copied the link to this step.')).toBeVisible();
  const shared = await page.evaluate(() => navigator.clipboard.readText());
  expect(shared).toBe(
    `${WIZARD_ORIGIN}/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack?v=2`,
  );
  expect(shared).not.toContain('INC0012345');
});

/** The host page with one wizard mounted by Troubleshooter.mount, recording its events. */
async function mountOnHost(page: Page, options: Record<string, string>) {
  await page.goto(`${HOST_ORIGIN}/`);
  await page.evaluate(
    async ({ src, options }) => {
      const events: { type: string; detail: unknown }[] = [];
      Object.assign(window, { hostEvents: events });
      const script = document.createElement('script');
      script.src = src;
      const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
      document.body.append(script);
      await loaded;
      const element = document.createElement('div');
      element.id = 'wizard';
      document.getElementById('host')?.append(element);
      const record = (type: string) => (detail: unknown) => events.push({ type, detail });
      (
        window as unknown as {
          Troubleshooter: { mount(element: Element, options: Record<string, unknown>): void };
        }
      ).Troubleshooter.mount(element, {
        ...options,
        onStep: record('step'),
        onOutcome: record('outcome'),
        onFeedback: record('feedback'),
      });
    },
    { src: `${WIZARD_ORIGIN}/embed.js`, options },
  );
}

const eventsOn = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { hostEvents: { type: string; detail: unknown }[] }).hostEvents,
  );

test('inside the embed, Copy for ticket puts the text on the clipboard, and the mount options carry the ticket into the events', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: WIZARD_ORIGIN });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: HOST_ORIGIN });
  await configureHelpdesk(page);
  await mountOnHost(page, { tree: 'q164887', ticket: 'INC0012345', client: 'WS-0042' });
  await expect(page.locator('#wizard iframe')).toHaveAttribute('allow', 'clipboard-write');
  const frame = page.frameLocator('#wizard iframe');
  // The frame shows its page before the app has taken over (ADR 44): clicks wait until its
  // side of the embed talks to the host, so that every step is told.
  await expect(frame.locator('html.embedded-sized')).toBeAttached();
  await expect(frame.getByRole('definition').filter({ hasText: 'INC0012345' })).toBeVisible();
  for (const answer of ANSWERS_TO_DIAGNOSIS) {
    await frame
      .getByRole('list', { name: 'Answers' })
      .getByRole('link', { name: answer, exact: true })
      .click();
  }
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(/^Diagnosis:/);

  await frame.getByRole('button', { name: 'Copy for ticket' }).click();
  await expect(frame.getByText('Copied the summary as plain text.')).toBeVisible();
  await expect(frame.getByLabel('Summary to copy')).toHaveCount(0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(TITLE);
  expect(copied).toContain('Ticket: INC0012345\nClient: WS-0042\n');
  for (const answer of ANSWERS_TO_DIAGNOSIS) expect(copied).toContain(answer);

  await frame.getByRole('button', { name: 'No', exact: true }).click();
  await expect
    .poll(async () => (await eventsOn(page)).map((event) => event.type))
    .toContain('feedback');
  const events = await eventsOn(page);
  const context_ = { ticket: 'INC0012345', client: 'WS-0042' };
  expect(events.filter((event) => event.type === 'step')).toHaveLength(6);
  for (const event of events) expect(event.detail).toMatchObject({ context: context_ });
});

for (const width of [320, 1280]) {
  test(`the ticket controls pass axe at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await configureHelpdesk(page);
    await openInteractive(page, `${ESCALATION_PATH}?v=2&ticket=INC0012345&client=WS-0042`);
    await expect(page.getByRole('link', { name: /^Open a ticket/ })).toBeVisible();
    await page.getByRole('button', { name: 'Share this step' }).click();
    await page.screenshot({ path: `/tmp/tickets-escalation-${width}.png`, fullPage: true });
    expect(await wcagViolations(page)).toEqual([]);
  });
}
