// npm run bench: how soon a person sees a question and can answer it, against the same
// pages without their scripts, and how soon a screen loaded on demand shows after a click.
//
// Builds the app (dist/, and dist-many/ with 60 more troubleshooters for a list of several
// pages, scripts/build-many-trees.mjs), serves them with gzip from scripts/serve-static.mjs,
// and measures in Chromium (a fresh context per load, cache disabled, the median of RUNS
// runs, the pages interleaved run by run so that drift on a noisy machine hits them alike):
//   - first question: the time from navigation start until the step's question heading is
//     painted (Element Timing on the h1), for the start URL and a deep step URL, against
//       · the very same prerendered page with its scripts (and modulepreloads) removed, and
//       · a minimal static page with the same question;
//   - interactive: the time from navigation start until a click on an answer is handled in
//     place by the router (the page clicks it as soon as the app marks itself interactive,
//     and checks that the router took it: no full page load);
//   - answer → next question, once the page is idle (a person reads before answering);
//   - screens loaded on demand after a click with a cold cache, each beside the time its
//     data alone takes on the same network (fetched cold, all at once):
//       · the first answer's next question and the last answer's outcome, clicked the
//         moment the page is interactive (before the background preloading has landed);
//       · the map, clicked once the page is idle (the map is never preloaded; its tree is
//         then cached, so its data needs nothing);
//       · the list's second page, clicked once the list's first page is idle (dist-many/).
//   - the embed's first question: a host page on another origin with the README's two-line
//     snippet (embed.js and the frame at the start step, ADR 48; for --compare's build the
//     snippet before it, embed.js and a container, unless `--compare-snippet frame`), from
//     the host's navigation start until the frame is shown
//     (a loader that hides it until its first size report shows it then) with its question
//     heading painted, against the start page's own first question in the same run (for
//     --compare's build too, with its own embed.js); and the same host page with the frame
//     alone, without embed.js: the floor no change to the embed's code can go below (ADR 56);
//   - the bytes transferred until the load event.
// On the VPN profile each run measures the first paints (and the embeds) three times
// (`--paint-passes`), and each target gets a verdict from its 90% interval: met when the
// whole interval is within it, not met when all of it is beyond, else "cannot tell" (ADR 55).
// `--raw <file>` writes every sample as JSON.
// `--compare <dir>` also measures another build (say, of the commit before a change, built
// in a worktree) in the same loop, `--compare-many <dir>` its dist-many/, so before and after
// are compared within one run. `--variants` adds the start and deep pages with their module
// script changed (default priority instead of fetchpriority="low", at the end of <body>), to
// try where it belongs, with the entry asked for only after the page's first paint, and
// without the entry but with the page's state (what its data costs, apart from the script);
// `--variant <label>` (repeatable) adds only the ones named.
// Profiles: loopback, and "VPN" (100 ms round trip, 2 Mbit/s each way, CPU slowed 4x,
// through the DevTools protocol); `--profile vpn|loopback` runs one, `--paint-only` measures
// only the first question's paint (quicker, to try --variants). Nothing here is
// asserted: these machines are noisy, so compare ratios within one run.
import { execSync } from 'node:child_process';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { median, ratioInterval } from './bench-stats.mjs';
import { MANY_TREES_BUILD } from './build-many-trees.mjs';
import { buildWithTrees } from './build-with-trees.mjs';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.mjs';
import { isUpToDate, writeStamp } from './fresh-build.mjs';
import { createStaticServer } from './serve-static.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'skip-build': { type: 'boolean', default: false },
    compare: { type: 'string' },
    'compare-many': { type: 'string' },
    variants: { type: 'boolean', default: false },
    variant: { type: 'string', multiple: true },
    profile: { type: 'string' },
    'paint-only': { type: 'boolean', default: false },
    'compare-snippet': { type: 'string', default: 'container' },
    'paint-passes': { type: 'string' },
    raw: { type: 'string' },
  },
});
const RUNS = Math.max(options.profile ? 3 : 7, Number(options.runs));
/**
 * First paints measured per run: on the VPN profile, whose targets are ratios within 10%,
 * three passes (21 loads a page in a run of 7); one on loopback. `--paint-passes` sets both.
 */
const paintPasses = (profile) =>
  Math.max(1, Number(options['paint-passes'] ?? (profile.key === 'vpn' ? 3 : 1)));

const TREE = 'q164887';
const START = {
  name: 'start',
  path: `/${TREE}`,
  question: 'Is the client managed by Systems Management Server 1.2?',
  // Answered at once when interactive: the next question needs the whole tree.
  answer: 'Yes, SMS 1.2',
  next: 'Is the job a Windows NT upgrade that restarts the client?',
};
const DEEP = {
  name: 'deep',
  path: `/${TREE}/sms-1-2/os-upgrade/repeats/failed`,
  question: 'Does Package Command Manager run on the client as a Windows NT service?',
  answer: 'Yes, as a service (Pcmsvc32.exe)',
  next: 'Is the latest SMS 1.2 service pack installed yet?',
};
// The last question of a walk: its answer shows an outcome.
const LAST = {
  name: 'last',
  path: `/${TREE}/sms-1-2/os-upgrade/repeats/failed/service`,
  question: 'Is the latest SMS 1.2 service pack installed yet?',
  answer: 'No, not yet',
  next: 'This is the known SMS 1.2 problem in article Q164887',
};
const MAP_HEADING = 'Windows NT upgrade job runs again at every restart (SMS 1.2)';
const LIST = { path: '/', link: 'Page 2', heading: 'Troubleshooters: page 2 of 7' };

const PROFILES = [
  { name: 'loopback', key: 'loopback' },
  {
    name: 'VPN (100 ms RTT, 2 Mbit/s, CPU 4x)',
    key: 'vpn',
    rtt: 100,
    network: {
      offline: false,
      latency: 100,
      downloadThroughput: (2 * 1024 * 1024) / 8,
      uploadThroughput: (2 * 1024 * 1024) / 8,
    },
    cpu: 4,
  },
].filter((profile) => !options.profile || profile.key === options.profile);

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The best a page can do: one HTML document, nothing else to fetch, the same question. */
function minimalPage(question, answers) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(question)}</title><link rel="icon" href="data:,"></head><body><main><h1 elementtiming="step-heading">${escapeHtml(question)}</h1><ul>${answers
    .map((answer) => `<li><a href="#">${escapeHtml(answer)}</a></li>`)
    .join('')}</ul></main></body></html>`;
}

/** The prerendered page as it is without JavaScript: no script, no modulepreload. */
const withoutScripts = (html) =>
  html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/g, '');

const MODULE_SCRIPT = /<script [^>]*type="module"[^>]*><\/script>/;
/** Other ways to include the module script, tried with --variants. */
const VARIANTS = {
  'script, default priority': (html) =>
    html.replace(MODULE_SCRIPT, (tag) => tag.replace(' fetchpriority="low"', '')),
  'script at end of body': (html) => {
    const tag = MODULE_SCRIPT.exec(html)?.[0] ?? '';
    return html.replace(tag, '').replace('</body>', `${tag}</body>`);
  },
  // Without the entry script but with the page's state (the JSON the app hydrates from): what
  // the page's data costs its first paint, apart from its script.
  'page state, no script': (html) => html.replace(MODULE_SCRIPT, ''),
  // The entry asked for only once the page has painted: a strict CSP allows no inline
  // script, so a small file of our own (BOOTSTRAP) does it, a round trip before the entry.
  'script after first paint': (html) =>
    html.replace(MODULE_SCRIPT, (tag) => {
      const src = /src="([^"]+)"/.exec(tag)?.[1] ?? '';
      return `<script defer src="/bench-bootstrap.js" data-entry="${src}"></script>`;
    }),
};
/** For 'script after first paint': after the frame that paints the page, load the entry. */
const BOOTSTRAP = `(() => {
  const entry = document.currentScript.dataset.entry;
  requestAnimationFrame(() => setTimeout(() => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = entry;
    document.head.append(script);
  }, 0));
})();
`;

async function answersOf(distDir, step) {
  const tree = JSON.parse(await readFile(path.join(distDir, 'trees', `${TREE}.json`), 'utf8'));
  const node = tree.nodes.find((candidate) => candidate.prompt === step.question);
  return node.answers.map((answer) => answer.label);
}

const pageFile = (root, address) => path.join(root, address, 'index.html');

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

/** A new context and page, cache off, throttled as the profile says. */
async function openPage(browser, profile) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  return { context, page, cdp };
}

/**
 * In the page, before any of its own code: the heading's first paint (Element Timing), and
 * with `answer`, the moment the app marks itself interactive (root-layout.tsx sets
 * data-interactive once hydrated) a click on that answer, which the router must take in
 * place (it prevents the link's default), then the time until `next` is painted.
 */
function instrument({ answer, next }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  window.__headingPaint = new Promise((resolve) => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.identifier === 'step-heading') resolve(entry.renderTime || entry.loadTime);
      }
    }).observe({ type: 'element', buffered: true });
  });
  // Resolves once `heading` is the h1, in the frame that paints it (its rAF runs just
  // before that paint).
  window.__headingShown = (heading) =>
    new Promise((resolve) => {
      // An outcome's heading starts with its kind, hidden but for screen readers.
      const shown = () => document.querySelector('h1')?.textContent?.endsWith(heading);
      setTimeout(() => resolve(Number.NaN), 30_000);
      if (shown()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        void frame().then(() => resolve(performance.now()));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  if (!answer) return;
  window.__firstClick = new Promise((resolve) => {
    const click = () => {
      const link = [...document.querySelectorAll('a')].find((a) => a.textContent === answer);
      if (!link) return resolve({ error: `no link "${answer}"` });
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
      const shown = window.__headingShown(next);
      const clicked = performance.now();
      link.dispatchEvent(event);
      if (!event.defaultPrevented) return resolve({ error: 'the click loaded a new page' });
      void shown.then((at) =>
        resolve({
          interactive: clicked,
          shownAfter: at - clicked,
          span: { from: performance.timeOrigin + clicked, to: performance.timeOrigin + at },
        }),
      );
    };
    // Before the document has its root element: watch the document.
    new MutationObserver((_, observer) => {
      if (!document.documentElement?.hasAttribute('data-interactive')) return;
      observer.disconnect();
      click();
    }).observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-interactive'],
    });
  });
}

/** Waits until the page and its network are idle, as a person reading would. */
async function settle(page) {
  await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 3000 })),
  );
}

/** Clicks the link named `linkName` and answers the time until `heading` is painted. */
function clickUntilShown(page, linkName, heading, { exact = true } = {}) {
  return page.evaluate(
    async ({ linkName, heading, exact }) => {
      const link = [...document.querySelectorAll('a')].find((a) =>
        exact
          ? a.textContent === linkName || a.getAttribute('aria-label') === linkName
          : a.textContent.startsWith(linkName),
      );
      if (!link) throw new Error(`no link "${linkName}"`);
      const shown = window.__headingShown(heading);
      const started = performance.now();
      link.click();
      const at = await shown;
      return {
        ms: at - started,
        from: performance.timeOrigin + started,
        to: performance.timeOrigin + at,
      };
    },
    { linkName, heading, exact },
  );
}

/** Every request of the page with its start and end, in ms since the epoch. */
function networkLog(cdp) {
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (event) => {
    requests.set(event.requestId, {
      start: event.wallTime * 1000,
      offset: event.wallTime - event.timestamp,
    });
  });
  const finished = (event) => {
    const request = requests.get(event.requestId);
    if (request) request.end = (event.timestamp + request.offset) * 1000;
  };
  cdp.on('Network.loadingFinished', finished);
  cdp.on('Network.loadingFailed', finished);
  return requests;
}

/**
 * The round trips between a click and the screen it opens: the longest chain of requests
 * each started after the one before it ended. A request already in flight at the click
 * (the background preload) counts as the first link of its chain.
 */
function roundTrips(requests, { from, to }) {
  const list = [...requests.values()]
    .filter((request) => request.end !== undefined && request.end > from && request.start < to)
    .sort((a, b) => a.start - b.start);
  const depth = new Map();
  for (const request of list) {
    let links = 1;
    for (const earlier of list) {
      if (earlier.end <= request.start && depth.has(earlier)) {
        links = Math.max(links, depth.get(earlier) + 1);
      }
    }
    depth.set(request, links);
  }
  return Math.max(0, ...depth.values());
}

/**
 * One cold load of a step page: its first paint and bytes until the load event; with
 * `firstClick`, the interactive click and the screen it opens; with `idle`, once idle the
 * answer → next question and then the map.
 */
async function measureStep(browser, profile, url, step, { firstClick = false, idle = false } = {}) {
  const { context, page, cdp } = await openPage(browser, profile);
  const requests = networkLog(cdp);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  await page.addInitScript(instrument, firstClick ? step : {});
  await page.goto(url, { waitUntil: 'load' });
  const result = { firstQuestion: await page.evaluate(() => window.__headingPaint), bytes };
  if (firstClick) {
    const click = await page.evaluate(() => window.__firstClick);
    if (click.error) throw new Error(`${url}: ${click.error}`);
    Object.assign(result, click, { shownRoundTrips: roundTrips(requests, click.span) });
  }
  if (idle) {
    await settle(page);
    const answer = await clickUntilShown(page, step.answer, step.next);
    result.answerToNext = answer.ms;
    result.answerRoundTrips = roundTrips(requests, answer);
    await settle(page);
    const map = await clickUntilShown(page, 'Map of this troubleshooter', MAP_HEADING, {
      exact: false,
    });
    result.map = map.ms;
    result.mapRoundTrips = roundTrips(requests, map);
  }
  await context.close();
  return result;
}

/** The list's first page, idle, then its second page. */
async function measureList(browser, profile, url) {
  const { context, page, cdp } = await openPage(browser, profile);
  const requests = networkLog(cdp);
  await page.addInitScript(instrument, {});
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  const shown = await clickUntilShown(page, LIST.link, LIST.heading);
  await context.close();
  return { ms: shown.ms, roundTrips: roundTrips(requests, shown) };
}

/** The time the files fetch together, cold, on this profile: what a screen's data needs. */
async function measureData(browser, profile, origin, files) {
  const { context, page } = await openPage(browser, profile);
  await page.goto(`${origin}/favicon.svg`);
  const time = await page.evaluate(async (files) => {
    const started = performance.now();
    await Promise.all(
      files.map((file) => fetch(file, { cache: 'no-store' }).then((r) => r.arrayBuffer())),
    );
    return performance.now() - started;
  }, files);
  await context.close();
  return time;
}

/**
 * The two lines a host page writes: the README's (ADR 48: embed.js beside a frame the host
 * page writes itself, so both load at once), or, for a build from before it (`container`),
 * embed.js and a container it opens the frame in.
 */
const SNIPPETS = {
  frame: (wizardUrl) => `<script src="${wizardUrl}/embed.js" async></script>
<iframe src="${wizardUrl}/${TREE}?embed=1" title="Troubleshooter" data-troubleshooter="${TREE}" allow="clipboard-write" style="width: 100%; height: 640px; border: 0"></iframe>`,
  container: (wizardUrl) => `<div data-troubleshooter="${TREE}"></div>
<script src="${wizardUrl}/embed.js" async></script>`,
  // Not a snippet: the README's frame without embed.js, the least a host page can load.
  frameAlone: (wizardUrl) => SNIPPETS.frame(wizardUrl).replace(/^<script[^\n]*\n/, ''),
};

/** A host page on another origin with a two-line snippet, and nothing of the bench's own. */
const hostPage = (wizardUrl, snippet) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><h1>Helpdesk ticket</h1>
${SNIPPETS[snippet](wizardUrl)}
</body></html>
`;

/**
 * In the host page, before any of its own: when the frame is shown (a loader that hides it
 * until its first size report shows it then; a frame in the host's own HTML is shown as it is
 * parsed), before it is painted. An init script, not a script in the host page: an inline
 * script before the snippet would hold the host page's parser (and its frame's request) for
 * its own run, which no host page has to do.
 */
function revealTiming() {
  if (window !== window.top) return;
  window.__revealed = new Promise((resolve) => {
    const shown = () => {
      const frame = document.querySelector('iframe');
      return frame && frame.style.visibility !== 'hidden' && frame.style.height !== '0px';
    };
    // Before the document has its root element: watch the document.
    new MutationObserver((_, observer) => {
      if (!shown()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

/**
 * The embed's first question, in the host page's time: the later of the frame shown and its
 * heading painted (Element Timing in the frame, moved to the host's clock by timeOrigin).
 */
async function measureEmbed(browser, profile, hostPageUrl) {
  const { context, page } = await openPage(browser, profile);
  await page.addInitScript(instrument, {});
  await page.addInitScript(revealTiming);
  await page.goto(hostPageUrl, { waitUntil: 'load' });
  const revealed = await page.evaluate(() => window.__revealed);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  const painted = await frame.evaluate(
    async () => performance.timeOrigin + (await window.__headingPaint),
  );
  const hostOrigin = await page.evaluate(() => performance.timeOrigin);
  await context.close();
  return Math.max(revealed, painted - hostOrigin);
}

/** A copy of a built site with some of its pages rewritten. */
async function rewrittenSite(from, rewrite, addresses) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-site-'));
  await cp(from, dir, { recursive: true });
  for (const address of addresses) {
    await writeFile(
      pageFile(dir, address),
      rewrite(await readFile(pageFile(from, address), 'utf8')),
    );
  }
  return dir;
}

/** The machine's load average (1 min) when the measuring began. */
let loadAtStart;

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  if (!options['skip-build']) execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
  if (!isUpToDate(process.cwd(), MANY_TREES_BUILD)) {
    await buildWithTrees(process.cwd(), [MANY_TREES_BUILD], {
      onBuilt: (site) => writeStamp(process.cwd(), site),
    });
  }

  const temporary = [];
  const minimalDir = await mkdtemp(path.join(os.tmpdir(), 'bench-minimal-'));
  temporary.push(minimalDir);
  for (const step of [START, DEEP]) {
    await mkdir(path.join(minimalDir, step.path), { recursive: true });
    await writeFile(
      pageFile(minimalDir, step.path),
      minimalPage(step.question, await answersOf('dist', step)),
    );
  }
  const strippedDir = await rewrittenSite('dist', withoutScripts, [START.path, DEEP.path]);
  temporary.push(strippedDir);

  const servers = [];
  const serve = async (root) => {
    const server = createStaticServer({ root, gzip: true });
    servers.push(server);
    return listen(server);
  };
  /** The sites whose step pages are measured: the app, then the others it is compared with. */
  const sites = [{ key: 'app', label: 'app', url: await serve('dist') }];
  if (options.compare) {
    sites.push({ key: 'before', label: 'before', url: await serve(options.compare) });
  }
  if (options.variants || options.variant) {
    for (const [label, rewrite] of Object.entries(VARIANTS)) {
      if (options.variant && !options.variant.includes(label)) continue;
      const dir = await rewrittenSite('dist', rewrite, [START.path, DEEP.path]);
      await writeFile(path.join(dir, 'bench-bootstrap.js'), BOOTSTRAP);
      temporary.push(dir);
      sites.push({ key: label, label, url: await serve(dir), variant: true });
    }
  }
  // The embed, of the app and of --compare's build: a host page on its own origin, listed in
  // the wizard's config.json, as deployed.
  const embedHosts = [];
  for (const site of sites.filter((candidate) => !candidate.variant)) {
    const hostDir = await mkdtemp(path.join(os.tmpdir(), 'bench-host-'));
    const embedDir = await rewrittenSite(
      site.key === 'app' ? 'dist' : options.compare,
      (html) => html,
      [],
    );
    temporary.push(hostDir, embedDir);
    const hostUrl = await serve(hostDir);
    await writeFile(
      path.join(embedDir, 'config.json'),
      JSON.stringify({ embed: { allowedOrigins: [hostUrl] } }),
    );
    const snippet = site.key === 'app' ? 'frame' : options['compare-snippet'];
    if (!['frame', 'container'].includes(snippet))
      throw new Error(`--compare-snippet: frame or container`);
    const wizardUrl = await serve(embedDir);
    await writeFile(path.join(hostDir, 'index.html'), hostPage(wizardUrl, snippet));
    embedHosts.push({ key: site.key, label: site.label, url: `${hostUrl}/` });
    if (site.key !== 'app') continue;
    // The floor (ADR 56): the same host page with the frame alone, nothing of embed.js. No
    // change to the embed's own code can make it show sooner than this.
    await writeFile(path.join(hostDir, 'frame-alone.html'), hostPage(wizardUrl, 'frameAlone'));
    embedHosts.push({
      key: 'frame-alone',
      label: 'frame alone',
      url: `${hostUrl}/frame-alone.html`,
    });
  }
  const minimalUrl = await serve(minimalDir);
  const strippedUrl = await serve(strippedDir);
  const manySites = [{ key: 'app', url: await serve(MANY_TREES_BUILD.dir) }];
  if (options['compare-many']) {
    manySites.push({ key: 'before', url: await serve(options['compare-many']) });
  }

  // Without the browser's own omnibox pop-up, two pages of its own that new headless
  // Chromium loads for every new window (each context here): about 150 ms of another
  // process's CPU at the start of every load, on a machine of 2 cores, that no page here
  // asked for. Given last, this list replaces CHROMIUM_ARGS' (ADR 57): the features
  // Playwright turns off stay on here, as in a person's Chrome (ADR 51).
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'],
  });
  const version = browser.version();
  loadAtStart = os.loadavg()[0];
  const results = [];
  try {
    for (const profile of PROFILES) {
      const samples = {};
      const add = (key, value) => (samples[key] ??= []).push(value);
      // The first paints of one pass: each page once. A page loaded just after another pays
      // for what that one left behind (its renderer closing, its background compile), so the
      // order turns by one place each pass and no page always follows the same one. A run
      // makes PAINT_PASSES passes on this profile (ADR 55): one load's first paint varies by
      // about a fifth on this machine, independently of the load before it, so only more
      // loads narrow a ratio's interval. The first pass also clicks as soon as the page is
      // interactive; the others time the paint alone.
      const passes = paintPasses(profile);
      const firstPaints = [];
      for (const step of [START, DEEP]) {
        firstPaints.push(async () => {
          add(
            `${step.name}:minimal`,
            (await measureStep(browser, profile, minimalUrl + step.path, step)).firstQuestion,
          );
        });
        firstPaints.push(async () => {
          const stripped = await measureStep(browser, profile, strippedUrl + step.path, step);
          add(`${step.name}:stripped`, stripped.firstQuestion);
          add(`${step.name}:stripped:bytes`, stripped.bytes);
        });
        for (const site of sites) {
          firstPaints.push(async (pass) => {
            const firstClick = pass === 0 && !options['paint-only'];
            const load = await measureStep(browser, profile, site.url + step.path, step, {
              firstClick,
            });
            add(`${step.name}:${site.key}`, load.firstQuestion);
            add(`${step.name}:${site.key}:bytes`, load.bytes);
            if (!firstClick) return;
            add(`${step.name}:${site.key}:interactive`, load.interactive);
            if (site.variant) return;
            add(`${step.name}:${site.key}:first-click`, load.shownAfter);
            add(`${step.name}:${site.key}:first-click:trips`, load.shownRoundTrips);
          });
        }
      }
      for (const host of embedHosts) {
        firstPaints.push(async () => {
          add(`embed:${host.key}`, await measureEmbed(browser, profile, host.url));
        });
      }
      for (let run = 0; run < RUNS; run += 1) {
        for (let pass = 0; pass < passes; pass += 1) {
          const turn = (run * passes + pass) % firstPaints.length;
          for (const measure of [...firstPaints.slice(turn), ...firstPaints.slice(0, turn)]) {
            await measure(pass);
          }
        }
        if (options['paint-only']) continue;
        for (const site of sites.filter((candidate) => !candidate.variant)) {
          const last = await measureStep(browser, profile, site.url + LAST.path, LAST, {
            firstClick: true,
          });
          add(`outcome:${site.key}`, last.shownAfter);
          add(`outcome:${site.key}:trips`, last.shownRoundTrips);
          const idle = await measureStep(browser, profile, site.url + START.path, START, {
            idle: true,
          });
          add(`next:${site.key}`, idle.answerToNext);
          add(`next:${site.key}:trips`, idle.answerRoundTrips);
          add(`map:${site.key}`, idle.map);
          add(`map:${site.key}:trips`, idle.mapRoundTrips);
        }
        for (const site of manySites) {
          const list = await measureList(browser, profile, site.url + LIST.path);
          add(`list:${site.key}`, list.ms);
          add(`list:${site.key}:trips`, list.roundTrips);
        }
        add(
          'data:tree',
          await measureData(browser, profile, sites[0].url, [`/trees/${TREE}.json`]),
        );
        add(
          'data:list',
          await measureData(browser, profile, manySites[0].url, ['/trees/list/2.json']),
        );
      }
      results.push({
        profile,
        samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
        raw: samples,
      });
    }
  } finally {
    await browser.close();
    for (const server of servers) server.close();
    for (const dir of temporary) await rm(dir, { recursive: true, force: true });
  }
  if (options.raw) {
    await writeFile(
      options.raw,
      JSON.stringify(results.map(({ profile, raw }) => ({ profile: profile.key, raw }))),
    );
  }
  report(results, sites, version);
}

function report(results, sites, version) {
  const ms = (value) => (value === undefined ? '' : `${value.toFixed(0)} ms`);
  const kb = (value) => (value === undefined ? '' : `${(value / 1024).toFixed(1)} KB`);
  const ratio = (value, base) =>
    value === undefined || base === undefined ? '' : `${(value / base).toFixed(2)}x`;
  const interval = (values, bases) => {
    const range = ratioInterval(values, bases);
    return range ? `${range[0].toFixed(2)}–${range[1].toFixed(2)}` : '';
  };
  const [load1, load5] = os.loadavg();
  console.log(
    `\nMedian of ${RUNS} cold runs each (first paints: ${results.map(({ profile }) => `${paintPasses(profile)} a run on ${profile.key}`).join(', ')}; Chromium ${version}), ${new Date().toISOString()}, ` +
      `load average (1 min) ${loadAtStart.toFixed(2)} at the start, ${load1.toFixed(2)} at the end (${load5.toFixed(2)} over 5 min)\n`,
  );
  if (options.compare) console.log(`"before" is the build in ${options.compare}.\n`);
  const compared = sites.filter((site) => site.key !== 'app');
  for (const { profile, samples: m, raw } of results) {
    console.log(`### ${profile.name}\n`);
    console.log(
      'First question painted, from navigation start; ratios to the same page without its scripts.\n',
    );
    const columns = [
      'page',
      'minimal static page',
      'same page, no scripts',
      'app',
      'ratio',
      '90% interval',
      ...compared.flatMap((site) => [site.label, 'ratio', '90% interval']),
      'bytes (no scripts)',
      'bytes (app)',
    ];
    console.log(`| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|`);
    for (const step of [START, DEEP]) {
      const n = step.name;
      const stripped = m[`${n}:stripped`];
      console.log(
        `| ${[
          `${n} (${step.path})`,
          ms(m[`${n}:minimal`]),
          ms(stripped),
          ms(m[`${n}:app`]),
          ratio(m[`${n}:app`], stripped),
          interval(raw[`${n}:app`], raw[`${n}:stripped`]),
          ...compared.flatMap((site) => [
            ms(m[`${n}:${site.key}`]),
            ratio(m[`${n}:${site.key}`], stripped),
            interval(raw[`${n}:${site.key}`], raw[`${n}:stripped`]),
          ]),
          kb(m[`${n}:stripped:bytes`]),
          kb(m[`${n}:app:bytes`]),
        ].join(' | ')} |`,
      );
    }
    console.log(
      "\nThe embed (a host page with the snippet, start step): from the host page's navigation" +
        ' start until the frame is shown with its question painted, against the page itself.\n',
    );
    console.log('| build | embed | page itself | ratio | 90% interval |\n|---|---|---|---|---|');
    const embedRows = [
      ...sites
        .filter((candidate) => !candidate.variant)
        .map((site) => [site.label, `embed:${site.key}`, `start:${site.key}`]),
      ['frame alone (no embed.js; app)', 'embed:frame-alone', 'start:app'],
    ];
    for (const [label, key, itselfKey] of embedRows) {
      const range = interval(raw[key], raw[itselfKey]);
      console.log(
        `| ${[label, ms(m[key]), ms(m[itselfKey]), ratio(m[key], m[itselfKey]), range].join(' | ')} |`,
      );
    }
    console.log(
      `\nThe snippet against the frame alone (what embed.js adds): ${ratio(m['embed:app'], m['embed:frame-alone'])} ` +
        `(${interval(raw['embed:app'], raw['embed:frame-alone'])}).`,
    );
    if (profile.key === 'vpn') {
      // ADR 55: a target is met when the whole interval is within it.
      const verdict = (values, bases, target) => {
        const range = ratioInterval(values, bases);
        if (!range) return '';
        const [low, high] = range;
        const said = `${(median(values) / median(bases)).toFixed(2)}x (${low.toFixed(2)}–${high.toFixed(2)}, ${values.length} and ${bases.length} loads)`;
        if (high <= target) return `${said}: **met**`;
        if (low > target) return `${said}: **not met**`;
        return `${said}: cannot tell (the interval holds ${target.toFixed(2)})`;
      };
      console.log('\nTargets (90% intervals):\n');
      for (const step of [START, DEEP]) {
        console.log(
          `- ${step.name}: first question within 1.1x of the same page without its scripts: ` +
            verdict(raw[`${step.name}:app`], raw[`${step.name}:stripped`], 1.1),
        );
      }
      console.log(
        '- the embed within 1.5x of the page itself: ' +
          verdict(raw['embed:app'], raw['start:app'], 1.5),
      );
      console.log(
        '- the frame alone (the floor) within 1.5x of the page itself: ' +
          verdict(raw['embed:frame-alone'], raw['start:app'], 1.5),
      );
    }
    console.log(
      '\nInteractive: from navigation start until a click on an answer is handled in place.\n',
    );
    const interactiveColumns = ['page', 'app', ...compared.map((site) => site.label)];
    console.log(
      `| ${interactiveColumns.join(' | ')} |\n|${interactiveColumns.map(() => '---').join('|')}|`,
    );
    for (const step of [START, DEEP]) {
      console.log(
        `| ${[step.name, ...['app', ...compared.map((site) => site.key)].map((key) => ms(m[`${step.name}:${key}:interactive`]))].join(' | ')} |`,
      );
    }
    const rtt = profile.rtt;
    const extra = (value, data) =>
      rtt && value !== undefined ? `${((value - data) / rtt).toFixed(1)}` : '';
    console.log(
      '\nAfter a click: until the screen is painted. "data alone" is its files fetched cold at once' +
        ' ("its round trips": what the data alone needs); "round trips" is the longest chain of requests between the click and the screen' +
        (rtt ? `; "extra RTTs" is (screen − data alone) / ${rtt} ms.` : '.') +
        '\n',
    );
    const clickSites = ['app', ...(options.compare ? ['before'] : [])];
    const clickColumns = [
      'click',
      'data alone',
      'its round trips',
      ...clickSites.flatMap((key) => [key, 'extra RTTs', 'round trips']),
    ];
    console.log(`| ${clickColumns.join(' | ')} |\n|${clickColumns.map(() => '---').join('|')}|`);
    // What the data alone needs: one file, one round trip; none when it is cached.
    const clicks = [
      ['answer → next question (idle)', 'next:%', 0, 0],
      ['first answer → next question (at once, cold)', 'start:%:first-click', m['data:tree'], 1],
      ['deep answer → next question (at once, cold)', 'deep:%:first-click', m['data:tree'], 1],
      ['last answer → outcome (at once, cold)', 'outcome:%', m['data:tree'], 1],
      ['map link → map (idle, code cold, tree cached)', 'map:%', 0, 0],
      ['list page 2 (idle, cold)', 'list:%', m['data:list'], 1],
    ];
    for (const [label, pattern, data, trips] of clicks) {
      const key = (site) => pattern.replace('%', site);
      const count = (site) => {
        const value = m[`${key(site)}:trips`];
        return value === undefined ? '' : String(value);
      };
      console.log(
        `| ${[
          label,
          data ? ms(data) : 'cached',
          String(trips),
          ...clickSites.flatMap((site) => [
            ms(m[key(site)]),
            extra(m[key(site)], data),
            count(site),
          ]),
        ].join(' | ')} |`,
      );
    }
    console.log('');
  }
}

await main();
