// npm run bench: how soon a person sees the first question, against a static-HTML page.
//
// Builds the app, serves dist/ with gzip from scripts/serve-static.mjs, and measures in
// Chromium (a fresh context per run, cache disabled, the median of RUNS runs):
//   - the time from navigation start until the step's question heading is painted
//     (Element Timing on the h1), for the start URL and a deep step URL;
//   - the time from clicking an answer until the next question is painted;
//   - the bytes transferred until the load event.
// `--compare <dir>` also measures another build (say, of the commit before a change, built
// in a worktree) in the same loop, so before and after are compared within one run.
// Profiles: loopback, and "VPN" (100 ms round trip, 2 Mbit/s each way, CPU slowed 4x,
// through the DevTools protocol). A static-HTML baseline with the same question, served
// by the same server, runs in the same loop; results are ratios to it. Nothing here is
// asserted: these machines are noisy, so compare ratios within one run.
import { execSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.mjs';
import { createStaticServer } from './serve-static.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'skip-build': { type: 'boolean', default: false },
    compare: { type: 'string' },
  },
});
const RUNS = Math.max(7, Number(options.runs));

const START = {
  path: '/q164887',
  question: 'Is the client managed by Systems Management Server 1.2?',
};
const DEEP = {
  path: '/q164887/sms-1-2/os-upgrade/repeats/failed',
  question: 'Does Package Command Manager run on the client as a Windows NT service?',
};
const NEXT = {
  answer: 'Yes, SMS 1.2',
  question: 'Is the job a Windows NT upgrade that restarts the client?',
};

const PROFILES = [
  { name: 'loopback' },
  {
    name: 'VPN (100 ms RTT, 2 Mbit/s, CPU 4x)',
    network: {
      offline: false,
      latency: 100,
      downloadThroughput: (2 * 1024 * 1024) / 8,
      uploadThroughput: (2 * 1024 * 1024) / 8,
    },
    cpu: 4,
  },
];

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The best a page can do: one HTML document, nothing else to fetch, the same question. */
function baselinePage(question, answers) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(question)}</title><link rel="icon" href="data:,"></head><body><main><h1 elementtiming="step-heading">${escapeHtml(question)}</h1><ul>${answers
    .map((answer) => `<li><a href="#">${escapeHtml(answer)}</a></li>`)
    .join('')}</ul></main></body></html>`;
}

async function answersOf(distDir, step) {
  const tree = JSON.parse(await readFile(path.join(distDir, 'trees', 'q164887.json'), 'utf8'));
  const node = tree.nodes.find((candidate) => candidate.prompt === step.question);
  return node.answers.map((answer) => answer.label);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

/** One cold load: a new context, cache off, throttled as the profile says. */
async function measureLoad(browser, profile, url, { clickNext = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  await page.addInitScript(() => {
    window.__headingPaint = new Promise((resolve) => {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.identifier === 'step-heading') resolve(entry.renderTime || entry.loadTime);
        }
      }).observe({ type: 'element', buffered: true });
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  const firstQuestion = await page.evaluate(() => window.__headingPaint);
  const loadBytes = bytes;

  let answerToNext;
  if (clickNext) {
    await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
    // A person reads the question before answering: click once the page is idle, its
    // network included (the code of the next screens is fetched right after hydration,
    // and a click in the same instant would time that fetch, not the answer).
    await page.waitForLoadState('networkidle');
    await page.evaluate(
      () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 3000 })),
    );
    answerToNext = await page.evaluate(
      ({ answer, question }) =>
        new Promise((resolve) => {
          const link = [...document.querySelectorAll('a')].find((a) => a.textContent === answer);
          let started = 0;
          // The frame that follows the DOM change paints it; its rAF callback runs just
          // before that paint.
          const observer = new MutationObserver(() => {
            if (document.querySelector('h1')?.textContent !== question) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - started));
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          started = performance.now();
          link.click();
        }),
      NEXT,
    );
  }
  await context.close();
  return { firstQuestion, bytes: loadBytes, answerToNext };
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  if (!options['skip-build']) execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });

  const baselineDir = await mkdtemp(path.join(os.tmpdir(), 'bench-baseline-'));
  for (const step of [START, DEEP]) {
    const dir = path.join(baselineDir, step.path);
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'index.html'),
      baselinePage(step.question, await answersOf('dist', step)),
    );
  }
  const appServer = createStaticServer({ root: 'dist', gzip: true });
  const baselineServer = createStaticServer({ root: baselineDir, gzip: true });
  const beforeServer = options.compare
    ? createStaticServer({ root: options.compare, gzip: true })
    : undefined;
  const appUrl = await listen(appServer);
  const baselineUrl = await listen(baselineServer);
  const beforeUrl = beforeServer ? await listen(beforeServer) : undefined;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

  const version = browser.version();
  const rows = [];
  try {
    for (const profile of PROFILES) {
      const samples = {};
      const add = (key, value) => (samples[key] ??= []).push(value);
      // Interleave the pages run by run, so drift on a noisy machine hits them alike.
      for (let run = 0; run < RUNS; run += 1) {
        for (const step of [START, DEEP]) {
          const name = step === START ? 'start' : 'deep';
          const baseline = await measureLoad(browser, profile, baselineUrl + step.path);
          add(`${name}:baseline:time`, baseline.firstQuestion);
          add(`${name}:baseline:bytes`, baseline.bytes);
          const app = await measureLoad(browser, profile, appUrl + step.path, {
            clickNext: step === START,
          });
          add(`${name}:app:time`, app.firstQuestion);
          add(`${name}:app:bytes`, app.bytes);
          if (app.answerToNext !== undefined) add('next', app.answerToNext);
          if (beforeUrl) {
            const before = await measureLoad(browser, profile, beforeUrl + step.path, {
              clickNext: step === START,
            });
            add(`${name}:before:time`, before.firstQuestion);
            add(`${name}:before:bytes`, before.bytes);
            if (before.answerToNext !== undefined) add('next:before', before.answerToNext);
          }
        }
      }
      for (const name of ['start', 'deep']) {
        const base = median(samples[`${name}:baseline:time`]);
        const app = median(samples[`${name}:app:time`]);
        const before = beforeUrl ? median(samples[`${name}:before:time`]) : undefined;
        rows.push({
          profile: profile.name,
          page: `${name} (${name === 'start' ? START.path : DEEP.path})`,
          baselineMs: base,
          appMs: app,
          ratio: app / base,
          beforeMs: before,
          beforeRatio: before === undefined ? undefined : before / base,
          baselineBytes: median(samples[`${name}:baseline:bytes`]),
          appBytes: median(samples[`${name}:app:bytes`]),
          beforeBytes: beforeUrl ? median(samples[`${name}:before:bytes`]) : undefined,
        });
      }
      rows.push({
        profile: profile.name,
        page: 'answer → next question',
        appMs: median(samples.next),
        beforeMs: beforeUrl ? median(samples['next:before']) : undefined,
      });
    }
  } finally {
    await browser.close();
    appServer.close();
    baselineServer.close();
    beforeServer?.close();
    await rm(baselineDir, { recursive: true, force: true });
  }

  const ms = (value) => (value === undefined ? '' : `${value.toFixed(0)} ms`);
  const kb = (value) => (value === undefined ? '' : `${(value / 1024).toFixed(1)} KB`);
  console.log(
    `\nMedian of ${RUNS} cold runs each (Chromium ${version}), ${new Date().toISOString()}\n`,
  );
  const ratio = (value) => (value === undefined ? '' : `${value.toFixed(2)}x`);
  if (beforeUrl) console.log(`"before" is the build in ${options.compare}.\n`);
  const columns = beforeUrl
    ? [
        'profile',
        'page',
        'static HTML',
        'app',
        'ratio',
        'before',
        'ratio (before)',
        'bytes (static)',
        'bytes (app)',
        'bytes (before)',
      ]
    : ['profile', 'page', 'static HTML', 'app', 'ratio', 'bytes (static)', 'bytes (app)'];
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  for (const row of rows) {
    const cells = beforeUrl
      ? [
          row.profile,
          row.page,
          ms(row.baselineMs),
          ms(row.appMs),
          ratio(row.ratio),
          ms(row.beforeMs),
          ratio(row.beforeRatio),
          kb(row.baselineBytes),
          kb(row.appBytes),
          kb(row.beforeBytes),
        ]
      : [
          row.profile,
          row.page,
          ms(row.baselineMs),
          ms(row.appMs),
          ratio(row.ratio),
          kb(row.baselineBytes),
          kb(row.appBytes),
        ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

await main();
