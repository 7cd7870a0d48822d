import type { Page } from '@playwright/test';
import { ANSWERS_TO_DIAGNOSIS, expect, openCatalog, test } from './fixtures';
import { HOST_ORIGIN, SUBPATH_URL, WIZARD_ORIGIN } from './origins';

type HostEvent = { type: string; target: string; detail: Record<string, unknown> };
const TITLE = 'Windows NT upgrade job runs again at every restart (SMS 1.2)';
const NOT_ALLOWED = /is not in config\.json embed\.allowedOrigins/;

/** The frame's warnings that its host is not allowed: expected here, so collected, not failed. */
function notAllowedWarnings(page: Page, consoleGuard: { allow(pattern: RegExp): void }) {
  consoleGuard.allow(NOT_ALLOWED);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (NOT_ALLOWED.test(message.text())) warnings.push(message.text());
  });
  return warnings;
}

/** config.json as the wizard's host would edit it after deployment. */
async function allowOrigins(page: Page, origins: string[], wizardBase = `${WIZARD_ORIGIN}/`) {
  await page.route(`${wizardBase}config.json`, (route) =>
    route.fulfill({ json: { embed: { allowedOrigins: origins } } }),
  );
}

/** Opens the host page (another origin) and records every troubleshooter:* event there. */
async function openHost(page: Page) {
  await page.goto(`${HOST_ORIGIN}/`);
  await page.evaluate(() => {
    const events: unknown[] = [];
    Object.assign(window, { hostEvents: events });
    for (const type of ['ready', 'step', 'outcome', 'resize', 'feedback', 'error']) {
      document.addEventListener(`troubleshooter:${type}`, (event) => {
        const { detail, target } = event as CustomEvent;
        events.push({ type, target: (target as Element).id, detail });
      });
    }
  });
}

async function addContainer(page: Page, id: string, attributes: Record<string, string>) {
  await page.evaluate(
    ({ id, attributes }) => {
      const element = document.createElement('div');
      element.id = id;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      document.getElementById('host')?.append(element);
    },
    { id, attributes },
  );
}

async function addLoader(page: Page, src = `${WIZARD_ORIGIN}/embed.js`) {
  await page.evaluate((src) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    document.body.append(script);
  }, src);
}

const hostEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { hostEvents: HostEvent[] }).hostEvents);
const frameOf = (page: Page, id: string) => page.frameLocator(`#${id} iframe`);

/**
 * Waits until the frame's side of the embed talks to the host (it then marks its root). The
 * frame shows its prerendered page at once (ADR 44): a click before the app has taken over is
 * a plain link (a new page in the frame), and a step left before the bridge runs is not told.
 */
const frameConnected = (page: Page, id: string) =>
  expect(frameOf(page, id).locator('html.embedded-sized')).toBeAttached();

/** The usual start: the host origin allowed, the host page open, one wizard mounted by markup. */
async function embedOnHost(page: Page, id = 'ticket') {
  await allowOrigins(page, [HOST_ORIGIN]);
  await openHost(page);
  await addContainer(page, id, { 'data-troubleshooter': 'q164887' });
  await addLoader(page);
  await frameConnected(page, id);
}
const frameHeading = (page: Page, id: string) =>
  frameOf(page, id).getByRole('heading', { level: 1 });
const answerIn = (page: Page, id: string, label: string) =>
  frameOf(page, id)
    .getByRole('list', { name: 'Answers' })
    .getByRole('link', { name: label, exact: true });

test('the two-line snippet mounts the wizard; a walk to the diagnosis reaches the host as events', async ({
  page,
}) => {
  await embedOnHost(page);

  const iframe = page.locator('#ticket iframe');
  await expect(iframe).toHaveAttribute('title', TITLE);
  await expect(iframe).toBeVisible();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Systems Management Server 1\.2/);
  // Compact chrome, and loading it did not take focus from the host page, also once the
  // app in the frame has taken over.
  await expect(frameOf(page, 'ticket').getByRole('banner')).toBeHidden();
  await expect(frameOf(page, 'ticket').locator('html[data-interactive]')).toBeAttached();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  for (const answer of ANSWERS_TO_DIAGNOSIS) await answerIn(page, 'ticket', answer).click();
  await expect(frameHeading(page, 'ticket')).toHaveText(
    'Diagnosis: This is the known SMS 1.2 problem in article Q164887',
  );

  await expect
    .poll(async () => (await hostEvents(page)).some((event) => event.type === 'outcome'))
    .toBe(true);
  const events = await hostEvents(page);
  expect(events.every((event) => event.target === 'ticket')).toBe(true);
  expect(events.find((event) => event.type === 'ready')?.detail).toEqual({
    tree: 'q164887',
    title: TITLE,
  });
  const steps = events.filter((event) => event.type === 'step').map((event) => event.detail);
  expect(steps.map((step) => step.stepId)).toEqual([
    'sms-version',
    'upgrade-job',
    'repeats',
    'job-status',
    'pcm-service',
    'service-pack',
  ]);
  expect(steps[2]).toEqual({
    tree: 'q164887',
    stepId: 'repeats',
    question: 'Does the same job start again each time the client starts?',
    answers: [
      {
        question: 'Is the client managed by Systems Management Server 1.2?',
        answer: 'Yes, SMS 1.2',
        unconfirmed: false,
      },
      {
        question: 'Is the job a Windows NT upgrade that restarts the client?',
        answer: 'Yes, an NT upgrade that restarts the client',
        unconfirmed: false,
      },
    ],
    url: `${WIZARD_ORIGIN}/q164887/sms-1-2/os-upgrade?v=2`,
  });
  const outcome = events.find((event) => event.type === 'outcome')?.detail;
  expect(outcome).toMatchObject({
    tree: 'q164887',
    outcomeId: 'diagnosis',
    kind: 'diagnosis',
    title: 'This is the known SMS 1.2 problem in article Q164887',
    article: 'Q164887',
    url: `${WIZARD_ORIGIN}/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack?v=2`,
  });
  expect(outcome?.answers).toHaveLength(6);

  // "Did this solve it?" reaches the host page too.
  await frameOf(page, 'ticket').getByRole('button', { name: 'No', exact: true }).click();
  await expect
    .poll(async () => (await hostEvents(page)).find((event) => event.type === 'feedback')?.detail)
    .toEqual({
      tree: 'q164887',
      outcomeId: 'diagnosis',
      solved: false,
      url: `${WIZARD_ORIGIN}/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack?v=2`,
    });
});

test('the frame grows and shrinks with its content, with no scrollbar inside', async ({ page }) => {
  await embedOnHost(page);
  await expect(frameHeading(page, 'ticket')).toHaveText(/Systems Management Server 1\.2/);

  const iframe = page.locator('#ticket iframe');
  const frameHeight = () => iframe.evaluate((element) => element.getBoundingClientRect().height);
  const contentHeight = () =>
    frameOf(page, 'ticket')
      .locator('body')
      .evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
  await expect.poll(frameHeight).toBeGreaterThan(200);
  await expect
    .poll(async () => Math.abs((await frameHeight()) - (await contentHeight())))
    .toBeLessThanOrEqual(1);
  const questionHeight = await frameHeight();

  for (const answer of ANSWERS_TO_DIAGNOSIS) await answerIn(page, 'ticket', answer).click();
  await expect.poll(frameHeight).toBeGreaterThan(questionHeight + 300);
  // The content settles (controls that need JavaScript appear a moment later); the
  // frame must follow it to the pixel.
  await expect
    .poll(async () => Math.abs((await frameHeight()) - (await contentHeight())))
    .toBeLessThanOrEqual(1);
  const noInnerScroll = await frameOf(page, 'ticket')
    .locator('html')
    .evaluate(
      (html) =>
        html.scrollHeight <= html.clientHeight + 1 && getComputedStyle(html).overflow === 'hidden',
    );
  expect(noInnerScroll).toBe(true);

  await frameOf(page, 'ticket').getByRole('link', { name: 'Start again', exact: true }).click();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Systems Management Server 1\.2/);
  await expect.poll(frameHeight).toBeLessThan(questionHeight + 50);
  const resizes = (await hostEvents(page)).filter((event) => event.type === 'resize');
  expect(resizes.length).toBeGreaterThanOrEqual(2);
});

test('the host hears each height only once the frame has settled: on load, and after an answer with the resume offer shown', async ({
  page,
}) => {
  const iframe = page.locator('#ticket iframe');
  const frameHeight = () => iframe.evaluate((element) => element.getBoundingClientRect().height);
  const contentHeight = () =>
    frameOf(page, 'ticket')
      .locator('body')
      .evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
  const resizes = async () =>
    (await hostEvents(page))
      .filter((event) => event.type === 'resize')
      .map((event) => event.detail.height as number);
  /** Waits until the frame fits its content, then gives the heights the host heard since `from`. */
  const heardSince = async (from: number) => {
    await expect
      .poll(async () => Math.abs((await frameHeight()) - (await contentHeight())))
      .toBeLessThanOrEqual(1);
    return (await resizes()).slice(from);
  };

  await embedOnHost(page);
  await expect(frameHeading(page, 'ticket')).toHaveText(/Systems Management Server 1\.2/);
  await expect(frameOf(page, 'ticket').locator('html[data-interactive]')).toBeAttached();
  const onLoad = await heardSince(0);
  // One height, the one the frame keeps: no layout on the way there reached the host.
  expect(onLoad).toEqual([await frameHeight()]);

  // An unfinished walk: the start page then offers to continue it.
  await answerIn(page, 'ticket', 'Yes, SMS 1.2').click();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Windows NT upgrade that restarts/);
  await answerIn(page, 'ticket', 'Yes, an NT upgrade that restarts the client').click();
  await expect(frameHeading(page, 'ticket')).toHaveText(/start again each time/);
  await page.locator('#ticket').evaluate((element) => element.remove());
  await page.evaluate(() => {
    (window as unknown as { hostEvents: unknown[] }).hostEvents.length = 0;
  });
  await addContainer(page, 'ticket', { 'data-troubleshooter': 'q164887' });
  await expect(
    frameOf(page, 'ticket').getByRole('heading', { name: 'Continue where you left off?' }),
  ).toBeVisible();
  await expect(frameOf(page, 'ticket').locator('html[data-interactive]')).toBeAttached();
  const withOffer = await heardSince(0);
  expect(withOffer).toEqual([await frameHeight()]);

  await answerIn(page, 'ticket', 'Yes, SMS 1.2').click();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Windows NT upgrade that restarts/);
  const afterAnswer = await heardSince(withOffer.length);
  expect(afterAnswer).toEqual([await frameHeight()]);
});

test('Troubleshooter.mount opens at a step, calls back, restarts and unmounts cleanly', async ({
  page,
}) => {
  await allowOrigins(page, [HOST_ORIGIN]);
  // Count the host's message listeners, to see unmount remove its own.
  await page.addInitScript(() => {
    let listeners = 0;
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    Object.assign(window, {
      messageListeners: () => listeners,
      addEventListener: (type: string, ...rest: [EventListenerOrEventListenerObject, unknown?]) => {
        if (type === 'message') listeners += 1;
        return add(type, ...(rest as [EventListenerOrEventListenerObject]));
      },
      removeEventListener: (
        type: string,
        ...rest: [EventListenerOrEventListenerObject, unknown?]
      ) => {
        if (type === 'message') listeners -= 1;
        return remove(type, ...(rest as [EventListenerOrEventListenerObject]));
      },
    });
  });
  await openHost(page);
  await addContainer(page, 'scripted', {});
  await addLoader(page);
  await page.waitForFunction(() => 'Troubleshooter' in window);
  await page.evaluate(() => {
    const calls: unknown[] = [];
    const api = (
      window as unknown as { Troubleshooter: { mount: (...args: unknown[]) => unknown } }
    ).Troubleshooter;
    const handle = api.mount(document.getElementById('scripted'), {
      tree: 'q164887',
      step: 'sms-1-2/os-upgrade',
      onReady: (detail: unknown) => calls.push(['ready', detail]),
      onStep: (detail: unknown) => calls.push(['step', detail]),
      onOutcome: (detail: unknown) => calls.push(['outcome', detail]),
      onResize: (detail: unknown) => calls.push(['resize', detail]),
    });
    Object.assign(window, { calls, handle });
  });
  const calls = () =>
    page.evaluate(
      () => (window as unknown as { calls: [string, Record<string, unknown>][] }).calls,
    );

  await expect(frameHeading(page, 'scripted')).toHaveText(
    'Does the same job start again each time the client starts?',
  );
  await expect
    .poll(async () => (await calls()).find(([kind]) => kind === 'step')?.[1].stepId)
    .toBe('repeats');
  expect((await calls()).some(([kind]) => kind === 'ready')).toBe(true);
  expect((await calls()).some(([kind]) => kind === 'resize')).toBe(true);
  expect(
    await page.evaluate(() =>
      (window as unknown as { messageListeners: () => number }).messageListeners(),
    ),
  ).toBe(1);

  await answerIn(page, 'scripted', 'No, it ran once').click();
  await expect
    .poll(async () => (await calls()).find(([kind]) => kind === 'outcome')?.[1].kind)
    .toBe('ruled-out');

  await page.evaluate(() =>
    (window as unknown as { handle: { restart(): void } }).handle.restart(),
  );
  await expect(frameHeading(page, 'scripted')).toHaveText(/Systems Management Server 1\.2/);
  await expect
    .poll(async () => (await calls()).filter(([kind]) => kind === 'step').at(-1)?.[1].stepId)
    .toBe('sms-version');

  await page.evaluate(() =>
    (window as unknown as { handle: { unmount(): void } }).handle.unmount(),
  );
  await expect(page.locator('#scripted iframe')).toHaveCount(0);
  expect(
    await page.evaluate(() =>
      (window as unknown as { messageListeners: () => number }).messageListeners(),
    ),
  ).toBe(0);
});

test('a host origin that is not allowed gets no events; the wizard still works and says why once', async ({
  page,
  consoleGuard,
}) => {
  const warnings = notAllowedWarnings(page, consoleGuard);
  // The shipped config.json: the wizard's own origin only.
  await openHost(page);
  await addContainer(page, 'ticket', { 'data-troubleshooter': 'q164887' });
  await addLoader(page);

  // Without a size from the frame, it keeps its provisional height, and scrolls inside.
  await expect(page.locator('#ticket iframe')).toBeVisible();
  await expect(frameOf(page, 'ticket').locator('html[data-interactive]')).toBeAttached();
  await answerIn(page, 'ticket', 'Yes, SMS 1.2').click();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Windows NT upgrade that restarts/);
  await answerIn(page, 'ticket', 'No, another kind of job').click();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Not this problem/);

  expect(await hostEvents(page)).toEqual([]);
  expect(warnings).toEqual([
    `Troubleshooter: the page at ${HOST_ORIGIN} is not in config.json embed.allowedOrigins, so this embedded wizard sends it no events.`,
  ]);
});

test('messages from another window, or with a bad shape, are ignored on both sides', async ({
  page,
}) => {
  await embedOnHost(page);
  await expect(page.locator('#ticket iframe')).toHaveAttribute('title', TITLE);
  await expect
    .poll(async () => (await hostEvents(page)).some((event) => event.type === 'step'))
    .toBe(true);
  const before = (await hostEvents(page)).length;
  const frameId = await page
    .locator('#ticket iframe')
    .evaluate((iframe) => new URL((iframe as HTMLIFrameElement).src).searchParams.get('frameId'));

  const forged = {
    protocol: 'troubleshooter-embed',
    version: 1,
    frameId,
    type: 'outcome',
    tree: 'q164887',
    outcomeId: 'diagnosis',
    kind: 'diagnosis',
    title: 'Forged',
    article: 'Q164887',
    answers: [],
    url: 'https://evil.example/',
  };
  // From the host window itself: right shape, wrong source and origin.
  await page.evaluate((message) => window.postMessage(message, '*'), forged);
  // From the real frame, but malformed or from another protocol version.
  const frame = page.frames().find((candidate) => candidate.url().startsWith(WIZARD_ORIGIN));
  await frame?.evaluate(
    (messages) => {
      for (const message of messages) window.parent.postMessage(message, '*');
    },
    [
      { ...forged, title: 42 },
      { ...forged, version: 2 },
      { ...forged, type: 'explode' },
      { ...forged, frameId: 'someone-else' },
      { ...forged, answers: [{ question: 'q' }] },
      'not even an object',
      null,
    ],
  );
  // To the frame: junk and a restart for another frame.
  await page.locator('#ticket iframe').evaluate((iframe, id) => {
    const target = (iframe as HTMLIFrameElement).contentWindow;
    target?.postMessage(
      { protocol: 'troubleshooter-embed', version: 1, frameId: `${id}x`, type: 'restart' },
      '*',
    );
    target?.postMessage({ type: 'restart' }, '*');
    target?.postMessage(12, '*');
  }, frameId);

  await answerIn(page, 'ticket', 'Yes, SMS 1.2').click();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Windows NT upgrade that restarts/);
  await expect.poll(async () => (await hostEvents(page)).length).toBeGreaterThan(before);
  const after = (await hostEvents(page)).slice(before);
  expect(
    after
      .filter((event) => event.type !== 'resize')
      .map((event) => [event.type, event.detail.stepId]),
  ).toEqual([['step', 'upgrade-job']]);
});

test('two wizards on one page keep their events apart, and one added later is mounted too', async ({
  page,
}) => {
  await embedOnHost(page, 'first');
  await expect(page.locator('#first iframe')).toHaveAttribute('title', TITLE);
  await addContainer(page, 'second', {
    'data-troubleshooter': 'q164887',
    'data-troubleshooter-step': 'sms-1-2',
  });
  await expect(frameHeading(page, 'second')).toHaveText(/Windows NT upgrade that restarts/);
  await frameConnected(page, 'second');

  await answerIn(page, 'second', 'No, another kind of job').click();
  await expect
    .poll(async () => (await hostEvents(page)).some((event) => event.type === 'outcome'))
    .toBe(true);
  const events = (await hostEvents(page)).filter((event) => event.type !== 'resize');
  const byTarget = (target: string) =>
    events
      .filter((event) => event.target === target)
      .map((event) => [event.type, event.detail.stepId ?? event.detail.outcomeId ?? '']);
  expect(byTarget('first')).toEqual([
    ['ready', ''],
    ['step', 'sms-version'],
  ]);
  expect(byTarget('second')).toEqual([
    ['ready', ''],
    ['step', 'upgrade-job'],
    ['outcome', 'ruled-out-job'],
  ]);
});

test('a build under a sub-path works end to end: pages, tree files and embed.js', async ({
  page,
}) => {
  // Opened directly: a prerendered step, then in-app navigation and a tree fetched from the catalog.
  await page.goto(`${SUBPATH_URL}q164887/sms-1-2`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /Windows NT upgrade that restarts/,
  );
  await page.getByRole('list', { name: 'Answers' }).getByRole('link', { name: 'Not sure' }).click();
  await expect(page).toHaveURL(`${SUBPATH_URL}q164887/sms-1-2/job-unsure?v=2`);
  await openCatalog(page, SUBPATH_URL);
  await page.getByRole('link', { name: TITLE, exact: true }).click();
  await expect(page).toHaveURL(`${SUBPATH_URL}q164887`);

  // Embedded from the host origin.
  await allowOrigins(page, [HOST_ORIGIN], SUBPATH_URL);
  await openHost(page);
  await addContainer(page, 'ticket', { 'data-troubleshooter': 'q164887' });
  await addLoader(page, `${SUBPATH_URL}embed.js`);
  await expect(frameHeading(page, 'ticket')).toHaveText(/Systems Management Server 1\.2/);
  await frameConnected(page, 'ticket');
  await answerIn(page, 'ticket', 'No, another version or another product').click();
  await expect
    .poll(
      async () => (await hostEvents(page)).find((event) => event.type === 'outcome')?.detail.url,
    )
    .toBe(`${SUBPATH_URL}q164887/other-version?v=2`);
});

test('links that leave the troubleshooter open in a new tab, not inside the frame', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 404/);
  await allowOrigins(page, [HOST_ORIGIN]);
  await openHost(page);
  await addContainer(page, 'ticket', { 'data-troubleshooter': 'no-such-tree' });
  await addLoader(page);
  await expect(frameHeading(page, 'ticket')).toHaveText(
    'There is no troubleshooter at this address',
  );
  // The frame's side of the embed is running once the host hears why there is no troubleshooter.
  await expect
    .poll(async () => (await hostEvents(page)).some((event) => event.type === 'error'))
    .toBe(true);
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    frameOf(page, 'ticket').getByRole('link', { name: 'See all troubleshooters' }).click(),
  ]);
  await expect(popup).toHaveURL(`${WIZARD_ORIGIN}/`);
  // The frame stayed where it was.
  await expect(frameHeading(page, 'ticket')).toHaveText(
    'There is no troubleshooter at this address',
  );
});

test('without ResizeObserver the frame still reports its height and works', async ({ page }) => {
  // Init scripts run in every frame: the wizard's frame gets no ResizeObserver.
  await page.addInitScript(() => {
    if (window.top !== window) Reflect.deleteProperty(window, 'ResizeObserver');
  });
  await embedOnHost(page);
  const iframe = page.locator('#ticket iframe');
  await expect(iframe).toBeVisible();
  // The frame's own height, not the provisional one it was shown at.
  const reported = async () =>
    (await hostEvents(page)).find((event) => event.type === 'resize')?.detail.height;
  await expect.poll(reported).toBeGreaterThan(200);
  await expect
    .poll(() => iframe.evaluate((element) => element.getBoundingClientRect().height))
    .toBe(await reported());
  await answerIn(page, 'ticket', 'Yes, SMS 1.2').click();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Windows NT upgrade that restarts/);
});

test('a reload of the frame (by the person, or after a redeploy) keeps it embedded', async ({
  page,
}) => {
  await embedOnHost(page);
  await answerIn(page, 'ticket', 'Yes, SMS 1.2').click();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Windows NT upgrade that restarts/);

  // The address after in-app navigation carries no embed parameters.
  const frame = page.frames().find((candidate) => candidate.url().startsWith(WIZARD_ORIGIN));
  expect(frame?.url()).toBe(`${WIZARD_ORIGIN}/q164887/sms-1-2?v=2`);
  await frame?.evaluate(() => location.reload());
  await frame?.waitForLoadState();
  await expect(frameHeading(page, 'ticket')).toHaveText(/Windows NT upgrade that restarts/);
  await expect(frameOf(page, 'ticket').locator('html[data-interactive]')).toBeAttached();

  // Still compact, and still talking to the host.
  await expect(frameOf(page, 'ticket').getByRole('banner')).toBeHidden();
  await answerIn(page, 'ticket', 'Yes, an NT upgrade that restarts the client').click();
  await expect
    .poll(async () =>
      (await hostEvents(page))
        .filter((event) => event.type === 'step')
        .map((event) => event.detail.stepId),
    )
    .toContain('repeats');
});

const setAttribute = (page: Page, id: string, name: string, value: string) =>
  page.evaluate(({ id, name, value }) => document.getElementById(id)?.setAttribute(name, value), {
    id,
    name,
    value,
  });

test('an unknown troubleshooter is an error event for the host, with its reason, and no ready', async ({
  page,
  consoleGuard,
}) => {
  // The frame's address and its tree file answer 404, as they should.
  consoleGuard.allow(/status of 404/);
  await allowOrigins(page, [HOST_ORIGIN]);
  await openHost(page);
  await addContainer(page, 'ticket', { 'data-troubleshooter': 'q164888' });
  await addLoader(page);

  await expect
    .poll(async () => (await hostEvents(page)).filter((event) => event.type === 'error'), {
      timeout: 20_000,
    })
    .toEqual([
      {
        type: 'error',
        target: 'ticket',
        detail: {
          tree: 'q164888',
          reason: 'unknown-troubleshooter',
          message: 'No troubleshooter is called “q164888”.',
        },
      },
    ]);
  // The frame says so too, sized to its content like any other screen.
  await expect(page.locator('#ticket iframe')).toBeVisible();
  await expect(
    frameOf(page, 'ticket').getByText(/No troubleshooter is called “q164888”/),
  ).toBeVisible();
  expect((await hostEvents(page)).some((event) => event.type === 'ready')).toBe(false);
});

test('a changed data-troubleshooter or data-troubleshooter-step takes the frame there', async ({
  page,
  consoleGuard,
}) => {
  // The frame's address and its tree file answer 404, as they should.
  consoleGuard.allow(/status of 404/);
  await allowOrigins(page, [HOST_ORIGIN]);
  await openHost(page);
  await addContainer(page, 'ticket', { 'data-troubleshooter': 'q164888' });
  await addLoader(page);
  await expect
    .poll(async () => (await hostEvents(page)).some((event) => event.type === 'error'), {
      timeout: 20_000,
    })
    .toBe(true);

  // The host corrects the id: the frame opens that troubleshooter, and says it is ready.
  await setAttribute(page, 'ticket', 'data-troubleshooter', 'q164887');
  await expect(frameHeading(page, 'ticket')).toHaveText(/Systems Management Server 1\.2/);
  await expect
    .poll(async () => (await hostEvents(page)).find((event) => event.type === 'ready')?.detail)
    .toEqual({ tree: 'q164887', title: TITLE });
  await expect(page.locator('#ticket iframe')).toHaveCount(1);

  await setAttribute(page, 'ticket', 'data-troubleshooter-step', 'sms-1-2');
  await expect(frameHeading(page, 'ticket')).toHaveText(/Windows NT upgrade that restarts/);
  await expect(page.locator('#ticket iframe')).toHaveCount(1);

  // Setting the same value again changes nothing; removing the attribute removes the frame.
  const src = await page.locator('#ticket iframe').getAttribute('src');
  await setAttribute(page, 'ticket', 'data-troubleshooter', 'q164887');
  await expect(page.locator('#ticket iframe')).toHaveAttribute('src', src ?? '');
  await page.evaluate(() =>
    document.getElementById('ticket')?.removeAttribute('data-troubleshooter'),
  );
  await expect(page.locator('#ticket iframe')).toHaveCount(0);
});

const frameBackground = (page: Page, id: string) =>
  frameOf(page, id)
    .locator('body')
    .evaluate((body) => getComputedStyle(body).backgroundColor);
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(18, 20, 23)';

test('the theme option sets the frame’s colours, whatever the operating system prefers', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await allowOrigins(page, [HOST_ORIGIN]);
  await openHost(page);
  await addContainer(page, 'dark', {
    'data-troubleshooter': 'q164887',
    'data-troubleshooter-theme': 'dark',
  });
  await addContainer(page, 'auto', { 'data-troubleshooter': 'q164887' });
  await addLoader(page);
  await page.waitForFunction(() => window.Troubleshooter !== undefined);
  await page.evaluate(() => {
    const element = document.createElement('div');
    element.id = 'light';
    document.getElementById('host')?.append(element);
    window.Troubleshooter?.mount(element, { tree: 'q164887', theme: 'light' });
  });
  for (const id of ['dark', 'auto', 'light']) {
    await expect(page.locator(`#${id} iframe`)).toHaveAttribute('title', TITLE);
  }
  await expect.poll(() => frameBackground(page, 'dark')).toBe(DARK);
  await expect.poll(() => frameBackground(page, 'auto')).toBe(LIGHT);
  await expect.poll(() => frameBackground(page, 'light')).toBe(LIGHT);

  // The operating system turns dark: only `auto` follows it.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => frameBackground(page, 'auto')).toBe(DARK);
  await expect.poll(() => frameBackground(page, 'light')).toBe(LIGHT);
  await expect.poll(() => frameBackground(page, 'dark')).toBe(DARK);
});

test('the warning names the real parent when the frame claims an allowed one (issue 27)', async ({
  page,
  consoleGuard,
}) => {
  const warnings = notAllowedWarnings(page, consoleGuard);
  await allowOrigins(page, ['https://helpdesk.example']);
  await openHost(page);
  // A frame opened by hand with another page's origin in its address.
  await page.evaluate(
    (src) => {
      const iframe = document.createElement('iframe');
      iframe.src = src;
      iframe.title = 'Forged';
      document.getElementById('host')?.append(iframe);
    },
    `${WIZARD_ORIGIN}/q164887?embed=1&parentOrigin=${encodeURIComponent('https://helpdesk.example')}&frameId=t1-x`,
  );
  await expect(page.frameLocator('iframe').locator('html.embedded')).toBeAttached();
  await expect
    .poll(() => warnings)
    .toEqual([
      `Troubleshooter: the page at ${HOST_ORIGIN} is not in config.json embed.allowedOrigins, so this embedded wizard sends it no events.`,
    ]);
  expect(await hostEvents(page)).toEqual([]);
});

test('the frame shows its prerendered first question at once, before the app’s script has run, in the host’s scheme (ADR 44)', async ({
  page,
}) => {
  // No emulated scheme: Chromium applies an emulated one to every frame, where the real
  // preference (light, headless) reaches the frame through its element's color-scheme.
  await page.emulateMedia({ colorScheme: null });
  await allowOrigins(page, [HOST_ORIGIN]);
  // The wizard's scripts (its entry and every chunk) are held until the test releases them;
  // embed.js is not among them.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`${WIZARD_ORIGIN}/assets/**/*.js`, async (route) => {
    await released;
    await route.continue();
  });
  await openHost(page);
  await addContainer(page, 'ticket', {
    'data-troubleshooter': 'q164887',
    'data-troubleshooter-theme': 'dark',
  });
  await addLoader(page);
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);

  const iframe = page.locator('#ticket iframe');
  const frameHeight = () => iframe.evaluate((element) => element.getBoundingClientRect().height);
  await expect(frameHeading(page, 'ticket')).toHaveText(/Systems Management Server 1\.2/);
  // Shown, not hidden until the app reports a size: at its provisional height, the question
  // within it, in the colours the host chose, while nothing of the app has run.
  await expect(iframe).toBeVisible();
  expect(await frameHeight()).toBe(640);
  const headingBottom = await frameHeading(page, 'ticket').evaluate(
    (element) => element.getBoundingClientRect().bottom,
  );
  expect(headingBottom).toBeLessThan(640);
  expect(await frameBackground(page, 'ticket')).toBe(DARK);
  await expect(frameOf(page, 'ticket').locator('html[data-interactive]')).toHaveCount(0);
  expect(await hostEvents(page)).toEqual([]);

  // The app runs: compact chrome, the host hears it is ready, and the frame fits its content.
  release();
  await expect(frameOf(page, 'ticket').locator('html[data-interactive]')).toBeAttached();
  await expect(frameOf(page, 'ticket').getByRole('banner')).toBeHidden();
  await expect
    .poll(async () => (await hostEvents(page)).find((event) => event.type === 'ready')?.detail)
    .toEqual({ tree: 'q164887', title: TITLE });
  const contentHeight = () =>
    frameOf(page, 'ticket')
      .locator('body')
      .evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
  await expect
    .poll(async () => Math.abs((await frameHeight()) - (await contentHeight())))
    .toBeLessThanOrEqual(1);
  expect(await frameBackground(page, 'ticket')).toBe(DARK);
});

test('the map’s traffic colours follow the scheme the host chose, as the wizard’s do', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await allowOrigins(page, [HOST_ORIGIN]);
  await openHost(page);
  // The map in a frame that embed.js's parameters chose dark for, opened by hand: embed.js opens
  // steps, and the map's link leaves the frame for a new tab.
  const frameUrl = (theme: string) =>
    `${WIZARD_ORIGIN}/map/q164887?embed=1&parentOrigin=${encodeURIComponent(HOST_ORIGIN)}&frameId=t1-map&theme=${theme}`;
  await page.evaluate((src) => {
    const iframe = document.createElement('iframe');
    iframe.src = src;
    iframe.title = 'Map';
    iframe.id = 'map';
    document.getElementById('host')?.append(iframe);
  }, frameUrl('dark'));
  const frame = page.frameLocator('#map');
  await expect(frame.locator('html[data-interactive]')).toBeAttached();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // The traffic layer's stroke, as it is drawn over the map (traffic-layer.css).
  const trafficStroke = () =>
    frame.locator('body').evaluate((body) => {
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      group.setAttribute('class', 'traffic');
      path.setAttribute('class', 'traffic__edge');
      group.append(path);
      svg.append(group);
      body.append(svg);
      const stroke = getComputedStyle(path).stroke;
      svg.remove();
      return stroke;
    });
  expect(await trafficStroke()).toBe('rgb(240, 163, 107)');
  expect(
    await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor),
  ).toBe(DARK);
});

/**
 * The README's snippet on the host page (ADR 48): the frame as the host's own markup, with
 * embed.js before it (or later, or never). Every message the host window receives is recorded.
 * (Inserted into the host page rather than served in its HTML: Chromium refuses a page the
 * test fulfils itself the loopback addresses the wizard is on; the bench serves the snippet.)
 */
async function openSnippetHost(page: Page, { loader = true, theme = '' } = {}) {
  await page.addInitScript(() => {
    const messages: unknown[] = [];
    Object.assign(window, { hostMessages: messages });
    addEventListener('message', (event) => messages.push(event.data));
  });
  await openHost(page);
  if (loader) await addLoader(page);
  const src = `${WIZARD_ORIGIN}/q164887?embed=1${theme ? `&theme=${theme}` : ''}`;
  await page.evaluate((src) => {
    document
      .getElementById('host')
      ?.insertAdjacentHTML(
        'beforeend',
        `<iframe id="ticket" src="${src}" title="Troubleshooter" data-troubleshooter="q164887" allow="clipboard-write" style="width: 100%; height: 640px; border: 0"></iframe>`,
      );
  }, src);
}
const snippetFrame = (page: Page) => page.frameLocator('#ticket');
const hostMessages = (page: Page) =>
  page.evaluate(() => (window as unknown as { hostMessages: unknown[] }).hostMessages);

/** The snippet's frame adopted by embed.js: sized, titled, and its first events sent. */
async function expectAdopted(page: Page) {
  await expect(snippetFrame(page).locator('html.embedded-sized')).toBeAttached();
  await expect(page.locator('#ticket')).toHaveAttribute('title', TITLE);
  await expect
    .poll(async () =>
      (await hostEvents(page))
        .filter((event) => event.type !== 'resize')
        .map((event) => event.type),
    )
    .toEqual(['ready', 'step']);
}

test('the README’s snippet: embed.js adopts the frame the host wrote, sizes it and passes its events on (ADR 48)', async ({
  page,
}) => {
  await allowOrigins(page, [HOST_ORIGIN]);
  await openSnippetHost(page);
  const iframe = page.locator('#ticket');
  await expect(snippetFrame(page).locator('html.embedded-sized')).toBeAttached();
  await expect(iframe).toHaveAttribute('title', TITLE);
  // Adopted, not replaced: still the host's one frame, at its first address.
  await expect(page.locator('iframe')).toHaveCount(1);
  expect(await iframe.getAttribute('src')).toBe(`${WIZARD_ORIGIN}/q164887?embed=1`);
  await expect(snippetFrame(page).getByRole('banner')).toBeHidden();

  // Sized to its content, with no scrollbar inside.
  const frameHeight = () => iframe.evaluate((element) => element.getBoundingClientRect().height);
  const contentHeight = () =>
    snippetFrame(page)
      .locator('body')
      .evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
  await expect
    .poll(async () => Math.abs((await frameHeight()) - (await contentHeight())))
    .toBeLessThanOrEqual(1);
  const questionHeight = await frameHeight();

  const answer = (label: string) =>
    snippetFrame(page)
      .getByRole('list', { name: 'Answers' })
      .getByRole('link', { name: label, exact: true });
  for (const label of ANSWERS_TO_DIAGNOSIS) await answer(label).click();
  await expect(snippetFrame(page).getByRole('heading', { level: 1 })).toHaveText(
    'Diagnosis: This is the known SMS 1.2 problem in article Q164887',
  );
  await expect.poll(frameHeight).toBeGreaterThan(questionHeight + 300);
  await expect
    .poll(async () => (await hostEvents(page)).some((event) => event.type === 'outcome'))
    .toBe(true);
  const events = (await hostEvents(page)).filter((event) => event.type !== 'resize');
  expect(events.every((event) => event.target === 'ticket')).toBe(true);
  expect(
    events.map((event) => [event.type, event.detail.stepId ?? event.detail.outcomeId ?? '']),
  ).toEqual([
    ['ready', ''],
    ['step', 'sms-version'],
    ['step', 'upgrade-job'],
    ['step', 'repeats'],
    ['step', 'job-status'],
    ['step', 'pcm-service'],
    ['step', 'service-pack'],
    ['outcome', 'diagnosis'],
  ]);
  // The handshake is not an event for the host page.
  expect(
    (await hostEvents(page)).some(
      (event) => !['ready', 'step', 'outcome', 'resize'].includes(event.type),
    ),
  ).toBe(false);
});

test('embed.js arriving after the frame has started still adopts it: the frame reports at its hello', async ({
  page,
}) => {
  await allowOrigins(page, [HOST_ORIGIN]);
  await openSnippetHost(page, { loader: false });
  // The frame's app runs and asks for a hello nobody gives: it keeps the host's height.
  await expect(snippetFrame(page).locator('html[data-interactive]')).toBeAttached();
  await expect
    .poll(async () =>
      (await hostMessages(page)).some((data) => (data as { type?: string })?.type === 'connect'),
    )
    .toBe(true);
  await expect(snippetFrame(page).locator('html.embedded-sized')).not.toBeAttached();
  expect(await hostEvents(page)).toEqual([]);

  await addLoader(page);
  await expectAdopted(page);
  // A changed data-troubleshooter-step takes the adopted frame there.
  await page.locator('#ticket').evaluate((element) => {
    element.setAttribute('data-troubleshooter-step', 'sms-1-2');
  });
  await expect(snippetFrame(page).getByRole('heading', { level: 1 })).toHaveText(
    /Windows NT upgrade that restarts/,
  );
  await expect
    .poll(async () => (await hostEvents(page)).filter((event) => event.type === 'step').length)
    .toBe(2);
  // And a changed data-troubleshooter-theme, to that scheme, at the same step.
  await page.locator('#ticket').evaluate((element) => {
    element.setAttribute('data-troubleshooter-theme', 'dark');
  });
  await expect(snippetFrame(page).locator('html[data-theme="dark"]')).toBeAttached();
  await expect(snippetFrame(page).getByRole('heading', { level: 1 })).toHaveText(
    /Windows NT upgrade that restarts/,
  );
  await expect(page.locator('iframe')).toHaveCount(1);
});

test('embed.js adopting while the host page still loads: a frame that asked before it gets its hello at the page’s load (ADR 50)', async ({
  page,
}) => {
  await allowOrigins(page, [HOST_ORIGIN]);
  // An image of the host page held back: the page has no load event until it is released.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`${HOST_ORIGIN}/held.svg`, async (route) => {
    await released;
    await route.fulfill({
      contentType: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    });
  });
  await page.addInitScript(() => {
    const messages: unknown[] = [];
    Object.assign(window, { hostMessages: messages });
    addEventListener('message', (event) => messages.push(event.data));
  });
  await page.goto(`${HOST_ORIGIN}/loading.html`, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => {
    const events: unknown[] = [];
    Object.assign(window, { hostEvents: events });
    for (const type of ['ready', 'step', 'resize']) {
      document.addEventListener(`troubleshooter:${type}`, (event) => {
        const { detail, target } = event as CustomEvent;
        events.push({ type, target: (target as Element).id, detail });
      });
    }
  });
  // The frame's page has come and its app asked for a hello before embed.js was there.
  await expect(snippetFrame(page).locator('html[data-interactive]')).toBeAttached();
  await expect
    .poll(async () =>
      (await hostMessages(page)).some((data) => (data as { type?: string })?.type === 'connect'),
    )
    .toBe(true);
  expect(await page.evaluate(() => document.readyState)).not.toBe('complete');

  // embed.js adopts it while the host page still loads: the hello waits for the page's load.
  await addLoader(page);
  await expect.poll(() => page.evaluate(() => Boolean(window.Troubleshooter))).toBe(true);
  await expect(page.locator('#ticket')).toHaveCSS('color-scheme', 'light dark');
  expect(await hostEvents(page)).toEqual([]);
  release();
  await expectAdopted(page);
  await expect(page.locator('iframe')).toHaveCount(1);
});

test('an adopted frame on an origin that is only nearly allowed sends the host nothing at all', async ({
  page,
  consoleGuard,
}) => {
  const warnings = notAllowedWarnings(page, consoleGuard);
  // The host is 127.0.0.1 on its port; localhost on the same port is another origin.
  await allowOrigins(page, [HOST_ORIGIN.replace('127.0.0.1', 'localhost')]);
  await openSnippetHost(page);
  await expect(snippetFrame(page).locator('html[data-interactive]')).toBeAttached();
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toContain(`the page at ${HOST_ORIGIN} is not in config.json`);

  // Still usable at the host's height, scrolling inside; the host hears nothing, not even
  // the handshake.
  const answer = (label: string) =>
    snippetFrame(page)
      .getByRole('list', { name: 'Answers' })
      .getByRole('link', { name: label, exact: true });
  await answer('Yes, SMS 1.2').click();
  await expect(snippetFrame(page).getByRole('heading', { level: 1 })).toHaveText(
    /Windows NT upgrade that restarts/,
  );
  await expect(snippetFrame(page).locator('html.embedded-sized')).not.toBeAttached();
  expect(
    await page.locator('#ticket').evaluate((element) => element.getBoundingClientRect().height),
  ).toBe(640);
  expect(await hostMessages(page)).toEqual([]);
  expect(await hostEvents(page)).toEqual([]);
});

test('a frame its server refuses (frame-ancestors) is said hello to once, so the host’s console warns once', async ({
  page,
  consoleGuard,
}) => {
  const TO_NO_ORIGIN = /does not match the recipient window's origin \('null'\)/;
  consoleGuard.allow(TO_NO_ORIGIN);
  consoleGuard.allow(/frame-ancestors/);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (TO_NO_ORIGIN.test(message.text())) warnings.push(message.text());
  });
  // The wizard's server as one that does not list the host page's origin, its answer held;
  // and the host page's image held, so the page is still loading when embed.js comes.
  const held = (url: string) => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    return { url, release, released };
  };
  const frame = held(`${WIZARD_ORIGIN}/q164887?embed=1`);
  const image = held(`${HOST_ORIGIN}/held.svg`);
  await page.route(frame.url, async (route) => {
    await frame.released;
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': "frame-ancestors 'self'" },
    });
  });
  await page.route(image.url, async (route) => {
    await image.released;
    await route.fulfill({
      contentType: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    });
  });
  await allowOrigins(page, [HOST_ORIGIN]);
  await page.goto(`${HOST_ORIGIN}/loading.html`, { waitUntil: 'domcontentloaded' });
  await addLoader(page);
  await expect.poll(() => page.evaluate(() => Boolean(window.Troubleshooter))).toBe(true);

  // The refused frame's `load`: one hello, one warning.
  frame.release();
  await expect.poll(() => warnings.length).toBe(1);
  // Then the host page's `load`: no second hello.
  image.release();
  await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
  const marker = page.waitForEvent('console', (message) => message.text() === 'after the load');
  await page.evaluate(() => console.log('after the load'));
  await marker;
  expect(warnings).toHaveLength(1);
});

test('the snippet’s frame without embed.js: the wizard works at the host’s height, compact, scrolling inside', async ({
  page,
}) => {
  await allowOrigins(page, [HOST_ORIGIN]);
  await openSnippetHost(page, { loader: false, theme: 'dark' });
  const frame = snippetFrame(page);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
    /Systems Management Server 1\.2/,
  );
  await expect(frame.locator('html[data-interactive]')).toBeAttached();
  await expect(frame.getByRole('banner')).toBeHidden();
  await expect(frame.locator('html[data-theme="dark"]')).toBeAttached();
  for (const label of ANSWERS_TO_DIAGNOSIS) {
    await frame
      .getByRole('list', { name: 'Answers' })
      .getByRole('link', { name: label, exact: true })
      .click();
  }
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
    'Diagnosis: This is the known SMS 1.2 problem in article Q164887',
  );
  // The host's height; the diagnosis, longer than it, scrolls inside the frame.
  expect(
    await page.locator('#ticket').evaluate((element) => element.getBoundingClientRect().height),
  ).toBe(640);
  const scrolls = await frame
    .locator('html')
    .evaluate(
      (html) =>
        html.scrollHeight > html.clientHeight && getComputedStyle(html).overflow !== 'hidden',
    );
  expect(scrolls).toBe(true);
  expect(await hostEvents(page)).toEqual([]);
});
