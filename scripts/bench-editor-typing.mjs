// Typing in the editor on a large troubleshooter (issue 24): a draft of 1,700 questions (the
// issue's figure; about 2 MB) opened at /edit?draft=… in Chromium, then characters typed into
// its Title one at a time. Each key is timed twice: by the browser itself (Event Timing: from
// the key press to the next paint after the page handled it, what a person waits for) and
// from outside (Playwright's key press to the frame that shows the character, which adds the
// round trips of the test driver). Prints the median, the 95th percentile and the worst key;
// asserts nothing.
//
// Timings on a shared machine are compared as ratios within one run (docs/performance.md):
// give --dist more than once to type into several builds in the same run, turn about.
//
//   node scripts/bench-editor-typing.mjs [--questions 1700] [--keys 20] [--rounds 1]
//                                        [--pause-every 5] [--pause-ms 320,420,520]
//                                        [--dist dist] [--dist /tmp/other-build] [--profile /tmp/p]
//
// --profile writes a CPU profile of the typing (Chrome DevTools' .cpuprofile) per build;
// --trace a Chrome trace (DevTools' Performance panel: style, layout and paint too).
//
// 1,700 questions is more than the rulebook's 1,500 nodes (src/engine/tree-limits.ts), so
// such a tree cannot be published or opened as a deployed file: it is opened as what an
// author could have written, a draft in this browser, where the checks list that one problem.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { createStaticServer, strictCsp } from './serve-static.mjs';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '1700' },
    keys: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '1' },
    'pause-every': { type: 'string', default: '5' },
    'pause-ms': { type: 'string', default: '320,420,520' },
    dist: { type: 'string', multiple: true, default: ['dist'] },
    field: { type: 'string', multiple: true, default: ['title', 'question'] },
    profile: { type: 'string' },
    trace: { type: 'string' },
  },
});
const QUESTIONS = Number(values.questions);
const KEYS = Number(values.keys);
const ROUNDS = Number(values.rounds);
const PAUSE_EVERY = Number(values['pause-every']);
/**
 * How long the author stops, taken in turn: just over the pause after which the editor checks
 * a large tree again (SETTLE_MS, 300 ms), so the next key lands as the checks' results are
 * drawn; and around the moment the draft is saved (400 ms after the last key), so a key lands
 * as it is written.
 */
const PAUSES_MS = values['pause-ms'].split(',').map(Number);

/**
 * A large tree as an author might write one: questions four answers wide (three lead on),
 * level after level (a walk is at most eight questions deep, within the walk limits), each
 * with help, its last answer ruling the cause out.
 */
function largeTree(count) {
  const help = Array.from({ length: 2 }, (_, index) =>
    `Open the log of the client and look for the line that names the job (${index}); it says when the job ran, what it ran and how it ended, and whether the service restarted the computer. `.repeat(
      2,
    ),
  );
  const nodes = [];
  for (let index = 0; index < count; index += 1) {
    // Question n leads on to questions 3n+1 … 3n+3 (those that exist), and to an outcome.
    const children = [1, 2, 3].map((offset) => 3 * index + offset).filter((at) => at < count);
    nodes.push({
      kind: 'question',
      id: `q${index}`,
      prompt: `Does step ${index} of the upgrade show the job as failed after a restart?`,
      help,
      answers: [
        ...children.map((at, answer) => ({
          slug: `way-${answer + 1}`,
          label: `Yes, in the way numbered ${answer + 1}`,
          next: `q${at}`,
        })),
        ...(children.length === 0 ? [{ slug: 'yes', label: 'Yes', next: 'done' }] : []),
        { slug: 'no', label: 'No', next: 'fine' },
      ],
    });
  }
  nodes.push(
    {
      kind: 'outcome',
      id: 'done',
      type: 'diagnosis',
      title: 'Found it',
      summary: 'The job fails.',
    },
    { kind: 'outcome', id: 'fine', type: 'ruled-out', title: 'Not this', summary: 'It is fine.' },
  );
  return {
    id: 'typing-bench',
    version: 1,
    title: 'Typing bench',
    description: 'A large troubleshooter for the typing benchmark.',
    start: 'q0',
    nodes,
  };
}

const DRAFT_KEY = 'new:typing-bench';
const tree = largeTree(QUESTIONS);
const treeJson = JSON.stringify(tree, null, 2);
const note = {
  key: DRAFT_KEY,
  revision: 1,
  savedAt: new Date().toISOString(),
  title: tree.title,
  treeId: tree.id,
};

/** The value below which `share` of the list lies (nearest rank): 0.5 the median, 0.95 the 95th percentile. */
function percentile(list, share) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
}
const median = (list) => percentile(list, 0.5);
const p95 = (list) => percentile(list, 0.95);

/** Every key's interaction as the browser timed it (Event Timing), collected from the start. */
function observeKeys() {
  window.__keyTimes = new Map();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.interactionId) continue;
      const old = window.__keyTimes.get(entry.interactionId);
      window.__keyTimes.set(entry.interactionId, {
        start: Math.min(old?.start ?? Infinity, entry.startTime),
        duration: Math.max(old?.duration ?? 0, entry.duration),
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  // Tasks of more than 50 ms: a key pressed during one waits for its end.
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  // How often the draft's tree is written to the browser's storage, and how long each write
  // takes (draft-store.ts): a key pressed during one waits for it.
  window.__draftWrites = [];
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (name, value) {
    const started = performance.now();
    setItem.call(this, name, value);
    if (/^troubleshooter:draft(-patch)?:/.test(String(name))) {
      window.__draftWrites.push({ start: started, duration: performance.now() - started });
    }
  };
}

/** Where the keys go: the troubleshooter's Title, or the first question's text (its form opened from the outline). */
async function openField(page, field) {
  if (field === 'title') return page.getByRole('textbox', { name: 'Title', exact: true });
  await page.getByRole('treeitem', { name: /^Question, first question:/ }).click();
  return page.getByRole('textbox', { name: 'Question', exact: true });
}

async function typeInto(browser, origin, dist, field) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // Whether the build checked the draft in a worker (ADR 49) or on the page.
    const workers = [];
    page.on('worker', (worker) => workers.push(path.basename(new URL(worker.url()).pathname)));
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') {
        console.log(`  console.${message.type()}: ${message.text()}`);
      }
    });
    await page.addInitScript(observeKeys);
    // The draft is put where the editor keeps drafts (src/features/editor/draft-store.ts).
    await page.goto(`${origin}/favicon.svg`);
    await page.evaluate(
      ([key, tree, note]) => {
        localStorage.setItem(`troubleshooter:draft:${key}`, tree);
        localStorage.setItem(`troubleshooter:draft-note:${key}`, note);
      },
      [DRAFT_KEY, JSON.stringify(tree), JSON.stringify(note)],
    );
    await page.goto(`${origin}/edit?draft=${encodeURIComponent(DRAFT_KEY)}`);
    await page.getByRole('textbox', { name: 'Title', exact: true }).waitFor({ timeout: 300_000 });
    const title = await openField(page, field);
    await title.click();
    await page.keyboard.press('End');
    // Read once: asking for the field by its role at every key would have Playwright look at
    // every element of the page (thousands), which costs the page more than the key does.
    let expected = await title.inputValue();
    const cdp = values.profile ? await context.newCDPSession(page) : undefined;
    const trace = values.trace
      ? `${values.trace}-${path.basename(path.resolve(dist))}-${field}.json`
      : undefined;
    if (trace) {
      await browser.startTracing(page, {
        path: trace,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
      });
    }
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const outside = [];
    const marks = [];
    for (let key = 0; key < KEYS; key += 1) {
      // Now and then the author stops for a moment, just long enough for the checks, the
      // preview and the outline to catch up (SETTLE_MS in editor-workspace.tsx), and the next
      // key comes while they do: the key that waits longest.
      if (PAUSE_EVERY > 0 && key % PAUSE_EVERY === PAUSE_EVERY - 1) {
        const pause = PAUSES_MS[Math.floor(key / PAUSE_EVERY) % PAUSES_MS.length];
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
      marks.push(await page.evaluate(() => performance.now()));
      // From the key press to the next frame after the value shows the character.
      const started = Date.now();
      expected = `${expected}x`;
      await page.keyboard.type('x');
      await page.waitForFunction(
        (value) =>
          new Promise((resolve) =>
            requestAnimationFrame(() =>
              resolve(document.activeElement && document.activeElement.value === value),
            ),
          ),
        expected,
        { timeout: 0 },
      );
      outside.push(Date.now() - started);
    }
    // Then the author stops: the checks, the preview and the outline catch up, and the draft
    // is saved. The longest task from the first key until the page is idle is the most any
    // key could have waited.
    const paused = marks[0] ?? 0;
    // "Saved" once the draft with the last key is written: the key's "Saving…" was set in the
    // same commit as its character (React runs the effects of a key press at once), so a
    // "Saved" seen now is that save's.
    await page.waitForFunction(
      () => /^Saved/.test(document.querySelector('.editor-save__state')?.textContent ?? ''),
      undefined,
      { timeout: 0 },
    );
    await page.evaluate(
      () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 60_000 })),
    );
    const writes = await page.evaluate(
      (since) =>
        window.__draftWrites.filter((write) => write.start >= since).map((write) => write.duration),
      paused,
    );
    const pauseTasks = await page.evaluate(
      (since) =>
        window.__longTasks.filter((task) => task.start >= since).map((task) => task.duration),
      paused,
    );
    if (trace) {
      await browser.stopTracing();
      console.log(`  trace: ${trace}`);
    }
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      const file = `${values.profile}-${path.basename(path.resolve(dist))}-${field}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      console.log(`  CPU profile: ${file}`);
    }
    // Event Timing reports after the paint: two frames more and every key is in.
    await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100))),
        ),
    );
    // Each key's interaction is the one that began after it was pressed and before the next;
    // a key the browser did not report took less than 16 ms (durationThreshold): 0 here.
    const interactions = await page.evaluate(() => [...window.__keyTimes.values()]);
    const inside = marks.map((mark, at) =>
      Math.max(
        0,
        ...interactions
          .filter(({ start }) => start >= mark && start < (marks[at + 1] ?? Infinity))
          .map(({ duration }) => duration),
      ),
    );
    const afterPause = inside.filter(
      (_, at) => PAUSE_EVERY > 0 && at % PAUSE_EVERY === PAUSE_EVERY - 1,
    );
    return { inside, outside, afterPause, pause: pauseTasks, writes, workers };
  } finally {
    await context.close();
  }
}

const load = () =>
  `load ${os
    .loadavg()
    .map((average) => average.toFixed(1))
    .join(' ')}`;
const servers = [];
const origins = [];
for (const dist of values.dist) {
  // Under the policy the site is served with (README): the editor's checks worker is started
  // through its Trusted Types policy, as on a real server (ADR 49).
  const server = createStaticServer({
    root: dist,
    base: '/',
    headers: { 'content-security-policy': strictCsp(path.resolve(dist)) },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  origins.push(`http://127.0.0.1:${server.address().port}`);
}
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const runs = values.field.flatMap((field) => values.dist.map((dist, at) => ({ field, dist, at })));
const results = runs.map(() => ({
  inside: [],
  outside: [],
  afterPause: [],
  pause: [],
  writes: [],
}));
try {
  console.log(
    `editor typing: ${QUESTIONS} questions (${tree.nodes.length} nodes), ` +
      `${(treeJson.length / 1024 / 1024).toFixed(1)} MB indented; ${KEYS} keys a build, ${ROUNDS} round(s); ${load()}`,
  );
  const show = (time) => (time === 0 ? '< 16' : String(Math.round(time)));
  const worst = (list) => Math.max(0, ...list);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, { field, dist, at }] of runs.entries()) {
      const run = await typeInto(browser, origins[at], dist, field);
      for (const part of ['inside', 'outside', 'afterPause', 'pause', 'writes']) {
        results[index][part].push(...run[part]);
      }
      console.log(
        `  round ${round + 1}, ${field}, ${dist}: key to paint median ${show(median(run.inside))} ms, ` +
          `p95 ${show(p95(run.inside))} ms, worst ${show(worst(run.inside))} ms; checks ${run.workers.length > 0 ? `in a worker (${run.workers.join(', ')})` : 'on the page'}; ${load()}`,
      );
    }
  }
  for (const [index, { field, dist }] of runs.entries()) {
    const { inside, outside, afterPause, pause, writes } = results[index];
    console.log(
      `${field}, ${dist}: ${inside.length} keys. Key to paint (the browser's Event Timing): ` +
        `median ${show(median(inside))} ms, p95 ${show(p95(inside))} ms, worst ${show(worst(inside))} ms; ` +
        `the ${afterPause.length} keys after a pause: median ${show(median(afterPause))} ms, worst ${show(worst(afterPause))} ms. ` +
        `Press to frame (Playwright): median ${median(outside)} ms, p95 ${p95(outside)} ms, worst ${worst(outside)} ms. ` +
        `Tasks over 50 ms: ${pause.length}, longest ${Math.round(worst(pause))} ms. ` +
        `Draft written ${writes.length} times, median ${Math.round(median(writes))} ms, longest ${Math.round(worst(writes))} ms (setItem)`,
    );
  }
  // Each build against the first, field by field: how many times longer the first took.
  const ratio = (a, b) =>
    b === 0 ? `${a === 0 ? '1' : '> ' + (a / 16).toFixed(1)}` : (a / b).toFixed(1);
  for (const [index, { field, dist, at }] of runs.entries()) {
    if (at === 0) continue;
    const first = results[runs.findIndex((run) => run.field === field && run.at === 0)];
    const here = results[index];
    console.log(
      `${field}: ${values.dist[0]} / ${dist}: key to paint median ${ratio(median(first.inside), median(here.inside))}, ` +
        `p95 ${ratio(p95(first.inside), p95(here.inside))}, worst ${ratio(worst(first.inside), worst(here.inside))}, after a pause ${ratio(median(first.afterPause), median(here.afterPause))} (worst ${ratio(worst(first.afterPause), worst(here.afterPause))}); ` +
        `press to frame median ${ratio(median(first.outside), median(here.outside))}, p95 ${ratio(p95(first.outside), p95(here.outside))}; ` +
        `longest task ${ratio(worst(first.pause), worst(here.pause))}`,
    );
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
}
