// The walk's browser adapter for WebKit: WebKitGTK's MiniBrowser driven by WebKitWebDriver
// (classic WebDriver; no BiDi) under its own Xvfb, with selenium-webdriver.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Builder, By, Origin } from 'selenium-webdriver';
import { drainCollector, installCollector } from './page-helpers.mjs';

export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER = 'WebKitWebDriver';
/** MiniBrowser's viewport is this much shorter than its window (the toolbar). */
const CHROME_HEIGHT = 38;

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(`${dir}/${command}`));
}

/** Why WebKit cannot run here, or null when it can. */
export function webkitMissing() {
  const missing = [];
  if (!onPath(DRIVER)) missing.push('WebKitWebDriver (apt-get install webkit2gtk-driver)');
  if (!existsSync(MINIBROWSER_PATH)) missing.push(`MiniBrowser at ${MINIBROWSER_PATH}`);
  if (!onPath('Xvfb') && !process.env.DISPLAY)
    missing.push('Xvfb or a DISPLAY (apt-get install xvfb)');
  return missing.length ? `missing ${missing.join(', ')}` : null;
}

/** Starts Xvfb on a free display (it picks one and tells us through -displayfd). */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn(
      'Xvfb',
      ['-displayfd', '1', '-screen', '0', '1400x3200x24', '-nolisten', 'tcp'],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    xvfb.on('error', reject);
    xvfb.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({ process: xvfb, display: `:${out.trim()}` });
      }
    });
  });
}

/**
 * WebKitWebDriver says nothing when it starts listening: its /status endpoint answering is
 * the only sign, so this asks it, with a pause between tries and a deadline (a polling wait,
 * the one kind allowed where no event exists).
 */
async function waitForDriver(url, child) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${DRIVER} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${DRIVER} did not answer on ${url} within 10 s`);
}

const stop = (child) => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
};

/**
 * Sent with every script: installs the collector in the document (after a page load it is
 * gone), hands back what it recorded so far, then runs the walk's function. WebDriver
 * scripts run under the page's CSP, so none of this may evaluate strings.
 */
function wrapped(fn) {
  return `${installCollector.toString()}
${drainCollector.toString()}
installCollector();
const problems = drainCollector();
const value = (${fn.toString()}).apply(null, arguments);
return value && typeof value.then === 'function'
  ? value.then((resolved) => ({ problems, value: resolved }))
  : { problems, value };`;
}

/** @returns {Promise<import('./walk.mjs').BrowserAdapter>} */
export async function launchWebKit({ port }) {
  const xvfb = process.env.WEBKIT_USE_DISPLAY && process.env.DISPLAY ? null : await startXvfb();
  const display = xvfb?.display ?? process.env.DISPLAY;
  const driverProcess = spawn(DRIVER, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display },
    stdio: 'ignore',
  });
  const serverUrl = `http://127.0.0.1:${port}`;
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  try {
    await waitForDriver(serverUrl, driverProcess);
    driver = await new Builder()
      .usingServer(serverUrl)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: MINIBROWSER_PATH,
          // The WebKitSettings switch that lets the page read the clipboard, so the walk can
          // read back what "Copy for ticket" wrote (writing needs no switch).
          args: ['--automation', '--javascript-can-access-clipboard=true'],
        },
      })
      .build();
  } catch (error) {
    stop(driverProcess);
    stop(xvfb?.process);
    throw error;
  }
  const capabilities = await driver.getCapabilities();
  const version = `WebKitGTK ${capabilities.get('browserVersion') ?? '?'}`;
  /** @type {string[]} */
  let problems = [];
  /** Frames the walk has looked into: their collectors are drained too. */
  const frames = new Set();

  async function run(fn, args = [], frame) {
    if (frame) {
      const element = await driver.findElement(By.css(frame));
      await driver.switchTo().frame(element);
    }
    try {
      const result = await driver.executeScript(wrapped(fn), ...args);
      problems.push(...result.problems);
      return result.value;
    } finally {
      if (frame) await driver.switchTo().defaultContent();
    }
  }
  /** Right after a navigation: the collector goes in as early as the driver allows. */
  const afterNavigation = () => run(() => null);

  async function setViewport(width, height) {
    await driver
      .manage()
      .window()
      .setRect({ width, height: height + CHROME_HEIGHT });
    // The toolbar height is not quite fixed: measure and correct once.
    const inner = await run(() => [innerWidth, innerHeight]);
    if (inner[1] !== height || inner[0] !== width) {
      const rect = await driver.manage().window().getRect();
      await driver
        .manage()
        .window()
        .setRect({ width: rect.width + width - inner[0], height: rect.height + height - inner[1] });
    }
  }

  return {
    name: 'webkit',
    version,
    // The collector can only go in once a page has loaded, after its first scripts ran.
    collectsFromStart: false,
    async reset() {
      await this.takeProblems();
      problems = [];
      frames.clear();
      await driver.manage().deleteAllCookies();
      // Storage of the wizard's origin is cleared by the walk's own reset (it knows the origin).
    },
    async goto(url) {
      await this.takeProblems();
      await driver.get(url);
      await afterNavigation();
    },
    async evaluate(fn, args = [], options = {}) {
      if (options.frame) frames.add(options.frame);
      return run(fn, args, options.frame);
    },
    async clickAt(x, y) {
      await driver
        .actions()
        .move({ origin: Origin.VIEWPORT, x: Math.round(x), y: Math.round(y) })
        .click()
        .perform();
    },
    async back() {
      await driver.navigate().back();
      await afterNavigation();
    },
    async forward() {
      await driver.navigate().forward();
      await afterNavigation();
    },
    async reload() {
      await this.takeProblems();
      await driver.navigate().refresh();
      await afterNavigation();
    },
    setViewport,
    async takeProblems() {
      try {
        await run(() => null);
        for (const frame of frames) {
          const present = await run(
            (selector) => Boolean(document.querySelector(selector)),
            [frame],
          );
          if (present) await run(() => null, [], frame);
        }
      } catch {
        // a page between loads: nothing to drain
      }
      const taken = problems;
      problems = [];
      return taken;
    },
    async readClipboard() {
      const result = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
navigator.clipboard.readText().then((text) => done({ text }), (error) => done({ error: error.name + ': ' + error.message }));`);
      if (result.error) {
        return {
          skipped: `WebKitGTK refuses navigator.clipboard.readText() to the page (${result.error}) and classic WebDriver has no clipboard command`,
        };
      }
      return { text: result.text };
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        stop(driverProcess);
        stop(xvfb?.process);
      }
    },
  };
}
