// The walk through the wizard, written once for every browser. It talks to a small adapter
// (see BrowserAdapter below; puppeteer-browser.mjs (Chromium, Firefox) and webkit.mjs implement it) through Session, which
// adds what is the same everywhere: finding elements by role and name, clicking them,
// waiting, and checking the URL and the focused heading at each step.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { untilTrue, withHelpers } from './page-helpers.mjs';

/**
 * @typedef {object} BrowserAdapter
 * @property {string} name
 * @property {string} version
 * @property {boolean} collectsFromStart whether console collection starts before a page's own scripts
 * @property {() => Promise<void>} reset a fresh page with no state from earlier checks
 * @property {(url: string) => Promise<void>} goto opens an address and waits for its load event
 * @property {(fn: Function, args?: unknown[], options?: { frame?: string }) => Promise<any>} evaluate
 *   runs a self-contained function in the page (or in the iframe matched by `frame`)
 * @property {(x: number, y: number) => Promise<void>} clickAt a real pointer click at viewport coordinates
 * @property {() => Promise<void>} back the browser's Back
 * @property {() => Promise<void>} forward the browser's Forward
 * @property {() => Promise<void>} reload the browser's Reload
 * @property {(width: number, height: number) => Promise<void>} setViewport
 * @property {() => Promise<string[]>} takeProblems console errors and warnings, uncaught
 *   exceptions and CSP violations since the last call, from the page and its frames
 * @property {() => Promise<{ text?: string, skipped?: string }>} readClipboard
 * @property {() => Promise<void>} close
 */

export class Skip extends Error {}

const TREE = JSON.parse(
  readFileSync(new URL('../public/trees/q164887.json', import.meta.url), 'utf8'),
);
const TITLE = 'Windows NT upgrade job runs again at every restart (SMS 1.2)';
// An outcome's h1 begins with its kind, for screen readers (components/page-heading.tsx).
const CAPTIONS = { diagnosis: 'Diagnosis', escalate: 'Escalate', 'ruled-out': 'Not this problem' };
const outcomeHeading = (node) => `${CAPTIONS[node.type]}: ${node.title}`;
const DIAGNOSIS = 'Diagnosis: This is the known SMS 1.2 problem in article Q164887';
const BROKEN = 'This link does not lead to a step';
const NOT_ALLOWED = /is not in config\.json embed\.allowedOrigins/;
const DIAGNOSIS_TRAIL = 'sms-1-2/os-upgrade/repeats/failed/service/no-service-pack';

/** The answers from the first question to the diagnosis, with the step each one leads to. */
function pathToDiagnosis() {
  const nodes = new Map(TREE.nodes.map((node) => [node.id, node]));
  const steps = [];
  let node = nodes.get(TREE.start);
  const slugs = [];
  for (const slug of DIAGNOSIS_TRAIL.split('/')) {
    const answer = node.answers.find((candidate) => candidate.slug === slug);
    slugs.push(slug);
    node = nodes.get(answer.next);
    steps.push({
      answer: answer.label,
      url: `/${TREE.id}/${slugs.join('/')}?v=${TREE.version}`,
      heading: node.kind === 'question' ? node.prompt : outcomeHeading(node),
      stepId: node.id,
    });
  }
  return { first: nodes.get(TREE.start).prompt, steps };
}
const PATH = pathToDiagnosis();
/** A question's prompt or an outcome's title: the h1 of its step. */
const prompt = (id) => {
  const node = TREE.nodes.find((candidate) => candidate.id === id);
  return node.prompt ?? node.title;
};

const re = (source, flags) => ({ re: source, flags });
const answer = (label) => ({
  role: 'link',
  name: label,
  within: { role: 'list', name: 'Answers' },
});
const h1 = { role: 'heading', level: 1 };

/** What a check works with: the adapter plus the parts every browser shares. */
export class Session {
  /** @param {BrowserAdapter} adapter @param {{ wizard: string, host: string, otherHost: string }} origins */
  constructor(adapter, origins) {
    this.adapter = adapter;
    this.origins = origins;
    /** Console problems expected in the current check. */
    this.allowed = [];
    this.notes = [];
  }

  allow(pattern) {
    this.allowed.push(pattern);
  }

  note(text) {
    this.notes.push(text);
  }

  async goto(pathOrUrl) {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.origins.wizard}${pathOrUrl}`;
    await this.adapter.goto(url);
  }

  /** @param {Function} fn receives the page helpers first */
  evaluate(fn, args = [], options = {}) {
    return this.adapter.evaluate(withHelpers(fn), args, options);
  }

  /**
   * Waits until `fn` in the page (it may be async) returns something truthy; returns that.
   * The page itself waits for the changes that could make it true (untilTrue in
   * page-helpers.mjs), in rounds of at most a second: a page load ends a round early (its
   * document, and the promise with it, are gone), and the next round looks at the new one.
   */
  async waitFor(fn, args = [], { timeout = 10_000, message = 'condition', frame } = {}) {
    const deadline = Date.now() + timeout;
    const round = untilTrue(fn);
    let last;
    for (;;) {
      const roundMs = Math.max(0, Math.min(1_000, deadline - Date.now()));
      try {
        last = await this.adapter.evaluate(round, [roundMs, ...args], { frame });
        if (last) return last;
      } catch (error) {
        // a page between loads, or the frame not there yet: wait for it in the page
        last = `error: ${error.message}`;
        if (frame && Date.now() < deadline) {
          await this.adapter
            .evaluate(
              untilTrue((_helpers, selector) => document.querySelector(selector)),
              [roundMs, frame],
            )
            .catch(() => undefined);
        }
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `timed out after ${timeout} ms waiting for ${message}; last: ${JSON.stringify(last)}`,
        );
      }
    }
  }

  /** Clicks an element found by role and name (or selector), as a pointer click at its centre. */
  async click(query, { frame } = {}) {
    // Like Playwright's actionability checks: the element is there, hit at its centre, and
    // has stopped moving (controls that need JavaScript appear after hydration and push
    // content down; a click at the old place would land on them): in the same place two
    // animation frames apart.
    const point = await this.waitFor(
      async (helpers, q) => {
        const before = helpers.pointOf(q);
        if (!before?.hit) return null;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const after = helpers.pointOf(q);
        return after?.hit && after.x === before.x && after.y === before.y ? after : null;
      },
      [query],
      {
        frame,
        message: `${JSON.stringify(query)} to click${frame ? ` in ${frame}` : ''}, uncovered and standing still`,
      },
    );
    let { x, y } = point;
    if (frame) {
      // Frame coordinates → viewport: scroll the host page so the point is in view, then offset.
      ({ x, y } = await this.evaluate(
        (_helpers, selector, inner) => {
          const iframe = document.querySelector(selector);
          let box = iframe.getBoundingClientRect();
          const top = box.top + iframe.clientTop + inner.y;
          if (top < 0 || top > innerHeight) {
            scrollBy(0, top - innerHeight / 2);
            box = iframe.getBoundingClientRect();
          }
          return {
            x: box.left + iframe.clientLeft + inner.x,
            y: box.top + iframe.clientTop + inner.y,
          };
        },
        [frame, point],
      ));
    }
    await this.adapter.clickAt(x, y);
  }

  /** Resolves `query` and returns its text (normalized), or null. */
  text(query, options = {}) {
    return this.evaluate(
      (helpers, q) => {
        const element = helpers.find(q);
        return element ? helpers.normalize(element.textContent) : null;
      },
      [query],
      options,
    );
  }

  async waitForText(query, expected, options = {}) {
    const pattern = typeof expected === 'string' ? null : expected;
    await this.waitFor(
      (helpers, q, want, wantPattern) => {
        const element = helpers.find(q);
        const text = element ? helpers.normalize(element.textContent) : null;
        if (text === null) return false;
        return wantPattern
          ? new RegExp(wantPattern.re, wantPattern.flags ?? '').test(text)
          : text === want;
      },
      [query, pattern ? null : expected, pattern],
      { message: `${JSON.stringify(query)} to read ${JSON.stringify(expected)}`, ...options },
    );
  }

  state(options = {}) {
    return this.evaluate((helpers) => helpers.headingState(), [], options);
  }

  async waitUntilInteractive(options = {}) {
    await this.waitFor(() => document.documentElement.hasAttribute('data-interactive'), [], {
      message: 'the app to hydrate (html[data-interactive])',
      ...options,
    });
  }

  /**
   * After an in-app navigation: the URL and the h1 are those of the step, the h1 has focus
   * and is fully in view.
   */
  async expectStep({ url, heading, focused = true }) {
    await this.waitFor(
      (helpers, wantUrl, wantHeading) => {
        const state = helpers.headingState();
        return state.url === wantUrl && state.heading === wantHeading;
      },
      [url, heading],
      { message: `URL ${url} with the heading “${heading}”` },
    ).catch(async (error) => {
      throw new Error(
        `${error.message.split('; last')[0]}; now ${JSON.stringify(await this.state())}`,
      );
    });
    if (!focused) return;
    // Focus moves in an effect after the new screen renders: give it a moment.
    const ok = await this.waitFor(
      (helpers) => {
        const state = helpers.headingState();
        return state.focused && state.inView;
      },
      [],
      { timeout: 2_000, message: 'focus' },
    ).catch(() => false);
    if (!ok) {
      const state = await this.state();
      assert.fail(
        `at ${url} the h1 should have focus and be fully in view: focused=${state.focused} (active: ${state.activeElement}), inView=${state.inView} (h1 ${JSON.stringify(state.box)}, scrollY ${state.scrollY})`,
      );
    }
  }

  /** Fails on console errors, uncaught exceptions or CSP violations not declared expected. */
  async checkProblems() {
    const problems = await this.adapter.takeProblems();
    const unexpected = problems.filter(
      (text) => !this.allowed.some((pattern) => pattern.test(text)),
    );
    assert.deepEqual(unexpected, [], 'console errors, uncaught exceptions or CSP violations');
    return problems;
  }
}

/** Opens the host page and records every troubleshooter:* event there. */
async function openHost(session, origin) {
  await session.goto(`${origin}/`);
  await session.evaluate(() => {
    const events = [];
    Object.assign(window, { hostEvents: events });
    for (const type of ['ready', 'step', 'outcome', 'resize', 'feedback']) {
      document.addEventListener(`troubleshooter:${type}`, (event) => {
        events.push({ type, target: event.target.id, detail: event.detail });
      });
    }
  });
}

/**
 * embed.js on a host page on `origin`, with a container it opens the frame in, or (`frame`)
 * with the README's snippet: a frame the host page writes itself, which embed.js adopts
 * (ADR 48; the frame learns its parent from location.ancestorOrigins or, in Firefox, the
 * referrer).
 */
async function embed(session, origin, { frame = false } = {}) {
  await openHost(session, origin);
  await session.evaluate(
    (_helpers, src, frameSrc) => {
      const element = document.createElement('div');
      element.id = 'ticket';
      if (frameSrc) {
        element.insertAdjacentHTML(
          'beforeend',
          `<iframe id="ticket-frame" src="${frameSrc}" title="Troubleshooter" data-troubleshooter="q164887" style="width: 100%; height: 640px; border: 0"></iframe>`,
        );
      } else element.setAttribute('data-troubleshooter', 'q164887');
      document.getElementById('host').append(element);
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      document.body.append(script);
    },
    [
      `${session.origins.wizard}/embed.js`,
      frame ? `${session.origins.wizard}/q164887?embed=1` : '',
    ],
  );
}

const FRAME = '#ticket iframe';
const hostEvents = (session) => session.evaluate(() => window.hostEvents);
const frameHeight = (session) =>
  session.evaluate(
    () => document.querySelector('#ticket iframe')?.getBoundingClientRect().height ?? 0,
  );
const contentHeight = (session) =>
  session.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height), [], {
    frame: FRAME,
  });
/**
 * The host page sets the frame's height when the frame says how tall its content is (a
 * message): measures the content, then waits in the host page for the frame to take that
 * height, again while the content itself still changes.
 */
async function waitForFrameToFit(session) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const inner = await contentHeight(session);
    const fitted = await session
      .waitFor(
        (_helpers, want) => {
          const height = document.querySelector('#ticket iframe')?.getBoundingClientRect().height;
          return height !== undefined && Math.abs(height - want) <= 1 && { height };
        },
        [inner],
        { timeout: Math.max(0, Math.min(1_000, deadline - Date.now())), message: 'the frame' },
      )
      .catch(() => null);
    if (fitted) return fitted.height;
    if (Date.now() > deadline)
      assert.fail(`the frame is ${await frameHeight(session)} px tall, its content ${inner} px`);
  }
}

/** @type {{ name: string, run: (session: Session) => Promise<void> }[]} */
export const CHECKS = [
  {
    name: 'the collectors see a console error, an uncaught exception and a CSP violation (control)',
    async run(session) {
      await session.goto('/q164887');
      await session.waitUntilInteractive();
      // Resolves once the page has dispatched the uncaught error and the violation (both
      // come in tasks of their own); the collectors, installed first, have seen them then.
      await session.evaluate(
        () =>
          new Promise((resolve) => {
            const seen = new Set();
            const saw = (event) => {
              seen.add(event.type);
              if (seen.size === 2) resolve(true);
            };
            addEventListener('error', saw, { once: true });
            document.addEventListener('securitypolicyviolation', saw, { once: true });
            console.error('e2e control: console.error');
            setTimeout(() => {
              throw new Error('e2e control: uncaught');
            }, 0);
            try {
              // Refused under require-trusted-types-for 'script': a violation event.
              document.createElement('div').innerHTML = '<b>e2e control</b>';
            } catch {
              // the refusal itself is expected
            }
          }),
      );
      // One more round trip: what the browser reported meanwhile has reached the driver.
      await session.evaluate(() => true);
      session.allow(/./);
      const problems = (await session.checkProblems()).join('\n');
      assert.match(problems, /console\.error: e2e control: console\.error/);
      assert.match(problems, /e2e control: uncaught/);
      assert.match(problems, /CSP violation: require-trusted-types-for/);
    },
  },
  {
    name: 'from the list of troubleshooters to the Q164887 diagnosis by clicking',
    async run(session) {
      await session.goto('/');
      await session.waitUntilInteractive();
      await session.waitForText(h1, 'Troubleshooters');
      // Lazy screens arrive right after hydration; the catalog link is a plain link until then.
      await session.click({ role: 'link', name: TITLE });
      await session.expectStep({ url: '/q164887', heading: PATH.first });
      for (const step of PATH.steps) {
        await session.click(answer(step.answer));
        await session.expectStep(step);
      }
    },
  },
  {
    name: 'Back and Forward move between steps, focusing each heading',
    async run(session) {
      await session.goto('/q164887');
      await session.waitUntilInteractive();
      const [first, second, third] = PATH.steps;
      await session.click(answer(first.answer));
      await session.expectStep(first);
      await session.click(answer(second.answer));
      await session.expectStep(second);
      await session.click(answer(third.answer));
      await session.expectStep(third);
      await session.adapter.back();
      await session.expectStep(second);
      await session.adapter.back();
      await session.expectStep(first);
      await session.adapter.back();
      await session.expectStep({ url: '/q164887', heading: PATH.first });
      await session.adapter.forward();
      await session.expectStep(first);
      await session.adapter.forward();
      await session.expectStep(second);
    },
  },
  {
    name: 'a Change link marks the answer given; the same answer keeps the walk, another names what no longer applies',
    async run(session) {
      await session.goto(`/q164887/${DIAGNOSIS_TRAIL}?v=2`);
      await session.waitUntilInteractive();
      await session.waitForText(h1, DIAGNOSIS);
      const change = { role: 'link', name: `Change your answer to: ${prompt('upgrade-job')}` };
      const changePage = {
        url: `/q164887/sms-1-2?v=2&was=${DIAGNOSIS_TRAIL}`,
        heading: prompt('upgrade-job'),
      };
      await session.click(change);
      await session.expectStep(changePage);
      const terms = await session.evaluate((helpers) => {
        const region = helpers.find({ role: 'region', name: 'Your answers' });
        return [...(region?.querySelectorAll('dt') ?? [])].map((dt) =>
          helpers.normalize(dt.textContent),
        );
      });
      assert.deepEqual(terms, [prompt('sms-version')]);
      // The same answer again: back at the diagnosis with every answer kept.
      await session.click(answer('Yes, an NT upgrade that restarts the client Your answer'));
      await session.expectStep({ url: `/q164887/${DIAGNOSIS_TRAIL}?v=2`, heading: DIAGNOSIS });
      await session.adapter.back();
      await session.expectStep(changePage);
      await session.click(answer('No, another kind of job'));
      await session.expectStep({
        url: `/q164887/sms-1-2/other-job?v=2&was=${DIAGNOSIS_TRAIL}`,
        heading: 'Not this problem: The job is not a restarting Windows NT upgrade',
      });
      await session.waitForText(
        { role: 'region', name: '4 later answers no longer apply' },
        re('no longer on your way'),
      );
    },
  },
  {
    name: 'a deep step URL opened fresh, then reloaded, shows that step and works',
    async run(session) {
      const step = PATH.steps[2];
      await session.goto(step.url);
      await session.waitUntilInteractive();
      await session.expectStep({ ...step, focused: false });
      // A fresh page does not grab focus (it may be framed by another page).
      assert.equal(
        (await session.state()).focused,
        false,
        'a freshly opened step must not take focus',
      );
      await session.evaluate(() => {
        window.e2eBeforeReload = true;
      });
      await session.adapter.reload();
      await session.waitFor(() => !('e2eBeforeReload' in window), [], {
        message: 'a new document after the reload',
      });
      await session.waitUntilInteractive();
      await session.expectStep({ ...step, focused: false });
      const next = PATH.steps[3];
      await session.click(answer(next.answer));
      await session.expectStep(next);
    },
  },
  {
    name: 'an answer clicked with the heading scrolled partly out of view brings the next one wholly into view',
    async run(session) {
      const [, , from, to] = PATH.steps;
      await session.goto(from.url);
      await session.waitUntilInteractive();
      // The window scrolled so the heading's top is cut off: the next question's heading
      // is laid out in the same place, and Firefox's focus() leaves a heading that is partly
      // visible where it is (ADR 14), so only our own scroll brings it wholly into view.
      const scrolled = await session.evaluate(() => {
        const h1 = document.querySelector('h1');
        if (!h1) return null;
        window.scrollTo(0, h1.getBoundingClientRect().top + window.scrollY + 12);
        const box = h1.getBoundingClientRect();
        return box.top < 0 && box.bottom > 0 ? window.scrollY : null;
      });
      assert.ok(scrolled, 'the page scrolls far enough to cut the heading off');
      await session.click(answer(to.answer));
      await session.expectStep(to);
    },
  },
  {
    name: 'a broken link keeps the part that fits and goes on from there',
    async run(session) {
      // The server answers 404 for an address it has no page for; Chromium logs that.
      session.allow(/status of 404/);
      await session.goto('/q164887/sms-1-2/bogus?v=2');
      await session.waitUntilInteractive();
      await session.waitForText(h1, BROKEN);
      const reason = re('“bogus” is not one of the answers');
      await session.waitForText({ selector: 'main p', text: reason }, reason);
      const title = await session.evaluate(() => [
        document.title,
        document.querySelectorAll('title').length,
      ]);
      assert.match(title[0], /^Broken link: /);
      assert.equal(title[1], 1, 'one <title>');
      await session.click({ role: 'link', name: 'Go on from the last step that fits' });
      await session.expectStep({ url: '/q164887/sms-1-2?v=2', heading: prompt('upgrade-job') });
    },
  },
  {
    name: 'the map draws the diagram and its boxes lead to steps',
    async run(session) {
      await session.goto('/map/q164887?trail=sms-1-2/os-upgrade');
      await session.waitUntilInteractive();
      const diagram = { role: 'group', name: re('^Diagram of') };
      const boxes = await session.waitFor(
        (helpers, group) => {
          const element = helpers.find(group);
          const svg = element?.closest('svg') ?? element?.querySelector('svg');
          if (!svg) return null;
          const box = svg.getBoundingClientRect();
          const links = helpers.findAll({ role: 'link', within: group });
          const onPath = links.filter((link) =>
            /, (on your path|you are here)\)$/.test(helpers.nameOf(link)),
          );
          const here = links.filter((link) => link.getAttribute('aria-current') === 'step');
          // The prerendered map has no path; the app highlights it once it runs.
          return box.width > 100 && box.height > 100 && onPath.length === 3 && here.length === 1
            ? { links: links.length, onPath: onPath.length, width: box.width, height: box.height }
            : null;
        },
        [diagram],
        { message: 'the diagram to render with three boxes on the path' },
      );
      assert.equal(boxes.links, TREE.nodes.length, 'one box link per node');
      assert.equal(boxes.onPath, 3, 'three boxes on the path');
      // An SVG <a>: clicked at its coordinates, as a person would.
      await session.click({
        role: 'link',
        name: re('^The job does not repeat \\(result'),
        within: diagram,
      });
      await session.expectStep({
        url: '/q164887/sms-1-2/os-upgrade/runs-once?v=2',
        heading: 'Not this problem: The job does not repeat',
      });
    },
  },
  {
    name: 'embedded from another origin: the frame fits its content and events reach the host',
    async run(session) {
      await embed(session, session.origins.host);
      await session.waitFor(
        (_helpers, title) => document.querySelector('#ticket iframe')?.title === title,
        [TITLE],
        { message: 'the frame with its title' },
      );
      // Once the app in the frame has taken over (it says so to the host), the host page
      // still has focus. Checked before the driver looks into the frame: WebKitWebDriver's
      // Switch To Frame focuses the iframe.
      await session.waitFor(() => window.hostEvents.some((event) => event.type === 'step'), [], {
        message: 'the first step event at the host',
      });
      const hostFocus = await session.evaluate(() => document.activeElement?.tagName.toLowerCase());
      assert.equal(hostFocus, 'body', 'loading the frame does not take focus from the host page');
      await session.waitForText(h1, PATH.first, { frame: FRAME });
      await session.waitUntilInteractive({ frame: FRAME });
      const banner = await session.evaluate(
        (helpers) => Boolean(helpers.find({ role: 'banner' })),
        [],
        { frame: FRAME },
      );
      assert.equal(banner, false, 'compact chrome in the frame');
      const questionHeight = await waitForFrameToFit(session);
      assert.ok(questionHeight > 200, `frame height ${questionHeight}`);

      for (const step of PATH.steps) {
        await session.click(answer(step.answer), { frame: FRAME });
        await session.waitForText(h1, step.heading, { frame: FRAME });
      }
      await session.waitFor(() => window.hostEvents.some((event) => event.type === 'outcome'), [], {
        message: 'the outcome event at the host',
      });
      const diagnosisHeight = await waitForFrameToFit(session);
      assert.ok(
        diagnosisHeight > questionHeight + 300,
        `the frame grew with the diagnosis: ${questionHeight} → ${diagnosisHeight} px`,
      );
      const events = await hostEvents(session);
      assert.ok(events.every((event) => event.target === 'ticket'));
      assert.deepEqual(events.find((event) => event.type === 'ready')?.detail, {
        tree: 'q164887',
        title: TITLE,
      });
      assert.deepEqual(
        events.filter((event) => event.type === 'step').map((event) => event.detail.stepId),
        [TREE.start, ...PATH.steps.slice(0, -1).map((step) => step.stepId)],
      );
      const outcome = events.find((event) => event.type === 'outcome').detail;
      assert.equal(outcome.kind, 'diagnosis');
      assert.equal(outcome.url, `${session.origins.wizard}${PATH.steps.at(-1).url}`);
      assert.ok(events.filter((event) => event.type === 'resize').length >= 2, 'resize events');
    },
  },
  {
    name: 'embedded with the README’s snippet (a frame the host wrote, adopted by embed.js): it fits and events reach the host',
    async run(session) {
      await embed(session, session.origins.host, { frame: true });
      await session.waitFor(
        (_helpers, title) => document.querySelector('#ticket iframe')?.title === title,
        [TITLE],
        { message: 'the adopted frame with its title' },
      );
      await session.waitFor(() => window.hostEvents.some((event) => event.type === 'step'), [], {
        message: 'the first step event at the host',
      });
      await session.waitForText(h1, PATH.first, { frame: FRAME });
      await session.waitUntilInteractive({ frame: FRAME });
      const questionHeight = await waitForFrameToFit(session);
      assert.ok(questionHeight > 200, `frame height ${questionHeight}`);
      const first = PATH.steps[0];
      await session.click(answer(first.answer), { frame: FRAME });
      await session.waitForText(h1, first.heading, { frame: FRAME });
      await session.waitFor(
        () => window.hostEvents.filter((event) => event.type === 'step').length >= 2,
        [],
        { message: 'the second step event at the host' },
      );
      const events = (await hostEvents(session)).filter((event) => event.type !== 'resize');
      assert.ok(events.every((event) => event.target === 'ticket-frame'));
      assert.deepEqual(
        events.map((event) => [event.type, event.detail.stepId ?? '']),
        [
          ['ready', ''],
          ['step', TREE.start],
          ['step', first.stepId],
        ],
      );
      assert.equal(await session.evaluate(() => document.querySelectorAll('iframe').length), 1);
    },
  },
  {
    name: 'embedded by a host that is not allowed: the wizard works, the host gets nothing',
    async run(session) {
      session.allow(NOT_ALLOWED);
      await embed(session, session.origins.otherHost);
      // Without a size from the frame, the loader shows it at its provisional height.
      await session.waitFor(
        () => (document.querySelector('#ticket iframe')?.getBoundingClientRect().height ?? 0) > 0,
        [],
        {
          timeout: 15_000,
          message: 'the frame to be shown',
        },
      );
      await session.waitForText(h1, PATH.first, { frame: FRAME });
      // Shown before the app has taken over (ADR 44): a click before that is a plain link.
      await session.waitUntilInteractive({ frame: FRAME });
      await session.click(answer('Yes, SMS 1.2'), { frame: FRAME });
      await session.waitForText(h1, prompt('upgrade-job'), { frame: FRAME });
      await session.click(answer('No, another kind of job'), { frame: FRAME });
      await session.waitForText(h1, re('^Not this problem'), { frame: FRAME });
      assert.deepEqual(await hostEvents(session), []);
      const warnings = (await session.checkProblems()).filter((text) => NOT_ALLOWED.test(text));
      if (session.adapter.collectsFromStart) {
        assert.equal(warnings.length, 1, `the wizard says why once: ${JSON.stringify(warnings)}`);
      } else {
        session.note(
          'the “not allowed” warning is logged before the driver can install a collector in the frame: not checked',
        );
      }
    },
  },
  {
    name: 'Copy for ticket at the diagnosis, read back from the clipboard',
    async run(session) {
      await session.goto(`/q164887/${DIAGNOSIS_TRAIL}`);
      await session.waitUntilInteractive();
      await session.waitForText(h1, DIAGNOSIS);
      await session.click({ role: 'button', name: 'Copy for ticket' });
      const status = await session.waitFor(
        (helpers) =>
          helpers
            .findAll({ role: 'status' })
            .map((element) => helpers.normalize(element.textContent))
            .find(Boolean),
        [],
        { message: 'a status after copying' },
      );
      assert.equal(
        status,
        'Copied the summary as plain text.',
        `the copy was refused: “${status}”`,
      );
      const { text, skipped } = await session.adapter.readClipboard();
      if (skipped) throw new Skip(`copied (status shown), but not read back: ${skipped}`);
      assert.ok(text.includes(TITLE), 'the summary names the troubleshooter');
      for (const step of PATH.steps)
        assert.ok(text.includes(step.answer), `the summary has “${step.answer}”`);
      assert.ok(text.includes('SERVPACK'), 'the summary has the fix');
      assert.equal(
        /\nLink\n(\S+)\n/.exec(text)?.[1],
        `${session.origins.wizard}${PATH.steps.at(-1).url}`,
      );
    },
  },
];

/**
 * Runs every check in one browser. Each check starts from a fresh page and fails on any
 * console error, uncaught exception or CSP violation it did not declare expected.
 * @param {BrowserAdapter} adapter
 */
export async function runWalk(
  adapter,
  origins,
  { only, viewport = { width: 1280, height: 800 }, log = console.log } = {},
) {
  const results = [];
  await adapter.setViewport(viewport.width, viewport.height);
  for (const check of CHECKS) {
    if (only && !check.name.includes(only)) continue;
    const session = new Session(adapter, origins);
    const started = Date.now();
    let status = 'passed';
    let error;
    try {
      await adapter.reset();
      // The wizard's storage cleared (WebKit keeps one profile for the whole run): no
      // "Continue where you left off" from an earlier check.
      await session.goto(`${origins.wizard}/favicon.svg`);
      await adapter.evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
      });
      await check.run(session);
      await session.checkProblems();
    } catch (caught) {
      if (caught instanceof Skip) {
        status = 'skipped';
        session.note(caught.message);
      } else {
        status = 'failed';
        error = caught instanceof Error ? caught.message : String(caught);
      }
      // Whatever else the page logged is part of the story.
      const problems = await adapter.takeProblems().catch(() => []);
      if (status === 'failed' && problems.length)
        error += `\n  also logged: ${problems.join(' | ')}`;
    }
    const ms = Date.now() - started;
    const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[status];
    log(`  ${mark} ${check.name} (${ms} ms)`);
    for (const note of session.notes) log(`       note: ${note}`);
    if (error) log(`       ${error.replaceAll('\n', '\n       ')}`);
    results.push({ name: check.name, status, ms, error, notes: session.notes });
  }
  return results;
}
