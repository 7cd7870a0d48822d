// npm run bench:embed-floor: how soon an embed can show its first question at all, on the
// bench's VPN profile (100 ms round trip, 2 Mbit/s, CPU 4x), measured through a bare DevTools
// connection: no Playwright and no script of ours in any page, so nothing of the harness is
// counted twice in a page with two documents (ADR 59). Three pages, interleaved load by load
// (each in a new browser context, cache off), from navigation start until the start step's
// question heading is painted (Element Timing, read after the load):
//   - the page itself: the start step, as a person opens it;
//   - the frame alone: a host page on another origin with the README's frame and nothing else
//     (the floor of any embed in a frame: the host page's round trip, then the frame's);
//   - drawn in the host page: the same host page with, instead of waiting for the frame, a
//     script from the wizard's origin that draws the question in the host's own document (a
//     sketch of an embed without a frame for its first question, built here from the tree
//     file and the page's own stylesheet; not a product path, see ADR 59).
// Prints each median, and each against the page itself with its 90% interval (ADR 55).
// Nothing here is asserted: compare the ratios within one run.
//
//   npm run build && npm run bench:embed-floor [-- --runs 21]
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, ratioInterval } from './bench-stats.mjs';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.mjs';
import { createStaticServer } from './serve-static.mjs';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Math.max(3, Number(options.runs));
const TREE = 'q164887';
// The bench's VPN profile (scripts/bench.mjs), through the DevTools protocol.
const NETWORK = {
  offline: false,
  latency: 100,
  downloadThroughput: (2 * 1024 * 1024) / 8,
  uploadThroughput: (2 * 1024 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
// As the bench launches the whole browser (ADR 57), with the background throttling that
// Playwright would turn off turned off here too.
const ARGS = [
  ...CHROMIUM_ARGS,
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

const frameTag = (wizardUrl) =>
  `<iframe src="${wizardUrl}/${TREE}?embed=1" title="Troubleshooter" data-troubleshooter="${TREE}" allow="clipboard-write" style="width: 100%; height: 640px; border: 0"></iframe>`;

/** The bench's host page (scripts/bench.mjs): a heading, then what the embed needs. */
const hostPage = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><h1>Helpdesk ticket</h1>
${body}
</body></html>
`;

/**
 * The sketch's script: the start question and its answers, drawn before the frame with the
 * page's own stylesheet (adopted, as a strict CSP on the host would require), the frame kept
 * out of sight. In the light DOM: Element Timing does not see into shadow trees.
 */
async function sketchScript(distDir) {
  const tree = JSON.parse(await readFile(path.join(distDir, 'trees', `${TREE}.json`), 'utf8'));
  const start = tree.nodes.find((node) => node.id === tree.start) ?? tree.nodes[0];
  const page = await readFile(path.join(distDir, TREE, 'index.html'), 'utf8');
  const css = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
  const question = { prompt: start.prompt, answers: start.answers.map((answer) => answer.label) };
  return `(() => {
  const question = ${JSON.stringify(question)};
  const frame = document.querySelector('iframe[data-troubleshooter]');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(css)});
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const main = document.createElement('main');
  const heading = document.createElement('h1');
  heading.setAttribute('elementtiming', 'step-heading');
  heading.textContent = question.prompt;
  const list = document.createElement('ul');
  for (const label of question.answers) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = label;
    item.append(link);
    list.append(item);
  }
  main.append(heading, list);
  frame.style.display = 'none';
  frame.before(main);
})();
`;
}

/** A bare DevTools connection to a browser this script starts. */
async function startBrowser(executablePath) {
  const userDir = await mkdtemp(path.join(os.tmpdir(), 'embed-floor-profile-'));
  const child = spawn(
    executablePath,
    ['--headless', '--remote-debugging-port=0', `--user-data-dir=${userDir}`, ...ARGS],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise((resolve, reject) => {
    let output = '';
    child.stderr.on('data', (data) => {
      output += data;
      const found = /DevTools listening on (ws:\S+)/.exec(output);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`the browser exited (${code}): ${output}`)));
  });
  const socket = new WebSocket(endpoint);
  await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  let lastId = 0;
  const pending = new Map();
  const waiters = new Set();
  socket.addEventListener('message', ({ data }) => {
    const message = JSON.parse(data);
    const call = pending.get(message.id);
    if (call) {
      pending.delete(message.id);
      if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
      else call.resolve(message.result);
      return;
    }
    for (const waiter of waiters) waiter(message);
  });
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((resolve, reject) => {
      lastId += 1;
      pending.set(lastId, { method, resolve, reject });
      socket.send(JSON.stringify({ id: lastId, method, params, sessionId }));
    });
  const once = (method, sessionId) =>
    new Promise((resolve) => {
      const waiter = (message) => {
        if (message.method !== method || message.sessionId !== sessionId) return;
        waiters.delete(waiter);
        resolve(message.params);
      };
      waiters.add(waiter);
    });
  const close = async () => {
    socket.close();
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(userDir, { recursive: true, force: true });
  };
  return { send, once, close };
}

// Element Timing entries are only given to an observer (buffered), not by getEntriesByType.
const HEADING_PAINT = `new Promise((resolve) => {
  setTimeout(() => resolve(null), 10000);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.identifier === 'step-heading')
        resolve(performance.timeOrigin + (entry.renderTime || entry.loadTime));
  }).observe({ type: 'element', buffered: true });
})`;

/** From navigation start until the heading is painted, in the page or in its frame. */
async function measure({ send, once }, url, inFrame) {
  const { browserContextId } = await send('Target.createBrowserContext');
  const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  await send('Network.enable', {}, sessionId);
  await send('Network.setCacheDisabled', { cacheDisabled: true }, sessionId);
  await send('Network.emulateNetworkConditions', NETWORK, sessionId);
  await send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN }, sessionId);
  await send('Page.enable', {}, sessionId);
  const loaded = once('Page.loadEventFired', sessionId);
  await send('Page.navigate', { url }, sessionId);
  await loaded;
  // Read in a world of this script's own, made only now: nothing ran in the page before.
  let contextId;
  if (inFrame) {
    const { frameTree } = await send('Page.getFrameTree', {}, sessionId);
    const frameId = frameTree.childFrames[0].frame.id;
    ({ executionContextId: contextId } = await send(
      'Page.createIsolatedWorld',
      { frameId, worldName: 'embed-floor' },
      sessionId,
    ));
  }
  const evaluate = async (expression, where) =>
    (
      await send(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true, ...where },
        sessionId,
      )
    ).result.value;
  const painted = await evaluate(HEADING_PAINT, contextId ? { contextId } : {});
  const origin = await evaluate('performance.timeOrigin', {});
  await send('Target.disposeBrowserContext', { browserContextId });
  if (painted === null) throw new Error(`${url}: no question heading painted`);
  return painted - origin;
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const wizardDir = await mkdtemp(path.join(os.tmpdir(), 'embed-floor-wizard-'));
  const hostDir = await mkdtemp(path.join(os.tmpdir(), 'embed-floor-host-'));
  await cp('dist', wizardDir, { recursive: true });
  await writeFile(path.join(wizardDir, 'embed-floor-sketch.js'), await sketchScript('dist'));
  const servers = [
    createStaticServer({ root: wizardDir, gzip: true }),
    createStaticServer({ root: hostDir, gzip: true }),
  ];
  const [wizardUrl, hostUrl] = await Promise.all(servers.map(listen));
  await writeFile(path.join(hostDir, 'frame.html'), hostPage(frameTag(wizardUrl)));
  await writeFile(
    path.join(hostDir, 'sketch.html'),
    hostPage(
      `<script src="${wizardUrl}/embed-floor-sketch.js" async></script>\n${frameTag(wizardUrl)}`,
    ),
  );
  const pages = [
    { label: 'the page itself', url: `${wizardUrl}/${TREE}`, inFrame: false },
    { label: 'the frame alone', url: `${hostUrl}/frame.html`, inFrame: true },
    { label: 'drawn in the host page (sketch)', url: `${hostUrl}/sketch.html`, inFrame: false },
  ];
  const browser = await startBrowser(executablePath);
  const samples = pages.map(() => []);
  const loadAtStart = os.loadavg()[0];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      // The order turns each run, so no page always follows the same one.
      for (let step = 0; step < pages.length; step += 1) {
        const index = (run + step) % pages.length;
        const { url, inFrame } = pages[index];
        samples[index].push(await measure(browser, url, inFrame));
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await rm(wizardDir, { recursive: true, force: true });
    await rm(hostDir, { recursive: true, force: true });
  }
  console.log(
    `The embed's floor: ${RUNS} loads a page, VPN profile, a bare DevTools connection ` +
      `(load ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end)\n`,
  );
  console.log('| page | first question (median) | against the page itself | 90% interval |');
  console.log('|---|---|---|---|');
  pages.forEach(({ label }, index) => {
    const ratio = median(samples[index]) / median(samples[0]);
    const [low, high] = ratioInterval(samples[index], samples[0]);
    console.log(
      `| ${label} | ${median(samples[index]).toFixed(0)} ms | ${ratio.toFixed(2)}x | ` +
        `${index === 0 ? '' : `${low.toFixed(2)}–${high.toFixed(2)}`} |`,
    );
  });
}

await main();
