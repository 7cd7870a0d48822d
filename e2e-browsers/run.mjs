// Runs the walk (walk.mjs) in Chromium, Firefox and WebKit (`npm run test:browsers`: Firefox and
// WebKit, as Playwright's suite covers Chromium, ADR 25) against the production build in dist/
// (built first when missing or stale), served under the strict CSP, with the host page on
// another origin for the embed checks.
//
//   node e2e-browsers/run.mjs [--browser chromium|firefox|webkit] [--only <part of a check name>]
//                             [--viewport 1280x800] [--require]
//
// A browser that is not installed is skipped and said so, unless --require (or
// E2E_BROWSERS_REQUIRE=1, as in CI) makes that a failure. Writes test-results/browsers.json,
// which scripts/ci-summary.mjs counts. Ports: E2E_BROWSERS_PORT (else E2E_PORT, else 4481) for the
// wizard, +1 for the host page, +2 for WebKitWebDriver.
import { execSync, spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUILDS, isUpToDate } from '../scripts/fresh-build.mjs';
import { chromiumMissing, launchChromium } from './chromium.mjs';
import { firefoxMissing, launchFirefox } from './firefox.mjs';
import { runWalk } from './walk.mjs';
import { launchWebKit, webkitMissing } from './webkit.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const REPORT = path.join(ROOT, 'test-results', 'browsers.json');
const { values } = parseArgs({
  options: {
    browser: { type: 'string', multiple: true },
    only: { type: 'string' },
    viewport: { type: 'string', default: '1280x800' },
    require: { type: 'boolean', default: process.env.E2E_BROWSERS_REQUIRE === '1' },
  },
});

const [width, height] = values.viewport.split('x').map(Number);
const viewport = { width, height };
const PORT = Number(process.env.E2E_BROWSERS_PORT ?? process.env.E2E_PORT ?? 4481);
const origins = {
  wizard: `http://127.0.0.1:${PORT}`,
  host: `http://127.0.0.1:${PORT + 1}`,
  // The same host page under another name: another origin, which config.json does not allow.
  otherHost: `http://localhost:${PORT + 1}`,
};

const BROWSERS = [
  { name: 'chromium', missing: chromiumMissing, launch: () => launchChromium() },
  { name: 'firefox', missing: firefoxMissing, launch: () => launchFirefox() },
  { name: 'webkit', missing: webkitMissing, launch: () => launchWebKit({ port: PORT + 2 }) },
].filter((browser) => !values.browser || values.browser.includes(browser.name));

function writeReport(report) {
  mkdirSync(path.dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * dist/ as built, but with a config.json that allows the host page's origin (as the
 * deployment would edit it): symlinks to everything else, so nothing is copied.
 */
function siteWithConfig() {
  const site = mkdtempSync(path.join(os.tmpdir(), 'troubleshooter-browsers-'));
  for (const entry of readdirSync(path.join(ROOT, 'dist'))) {
    if (entry !== 'config.json')
      symlinkSync(path.join(ROOT, 'dist', entry), path.join(site, entry));
  }
  const config = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'config.json'), 'utf8'));
  config.embed = { ...config.embed, allowedOrigins: [origins.host] };
  writeFileSync(path.join(site, 'config.json'), JSON.stringify(config));
  return site;
}

/** Starts scripts/serve-static.mjs and waits for its own "serving" line, not just any answer on the port. */
function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'scripts', 'serve-static.mjs'), ...args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let errors = '';
    const port = args[args.indexOf('--port') + 1];
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve-static on port ${port} did not start within 10 s`));
    }, 10_000);
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('serving ')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const reason = errors.split('\n').find((line) => /Error/.test(line)) ?? errors.trim();
      reject(new Error(`serve-static on port ${port} exited (${code}): ${reason}`));
    });
  });
}

// dist/ as built from the current sources (scripts/fresh-build.mjs): after `npm run test:e2e`
// it is, and it is reused; otherwise it is built again, so a stale build is never walked.
const DIST = BUILDS.find((build) => build.dir === 'dist');
if (!isUpToDate(ROOT, DIST)) {
  console.log('dist/ is missing or was built from other sources: building it');
  try {
    execSync('npm run -s build', {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, BASE_PATH: DIST.base, DIST_DIR: DIST.dir },
    });
  } catch {
    console.error('test:browsers: the build failed, so there is nothing to walk.');
    writeReport({ passed: 0, failed: 1, skipped: 0, browsers: [], error: 'build failed' });
    process.exit(1);
  }
}

/** Runs the walk in one browser; its report entry, its lines printed together at the end. */
async function walkIn(browser) {
  const lines = [];
  const log = (line) => lines.push(line);
  const missing = browser.missing();
  if (missing) {
    const status = values.require ? 'failed' : 'skipped';
    console.log(`\n${browser.name}: ${status === 'failed' ? 'FAILED' : 'skipped'}: ${missing}`);
    return { name: browser.name, status, reason: missing, failed: status === 'failed' ? 1 : 0 };
  }
  const browserStarted = Date.now();
  let adapter;
  let checks = [];
  let error;
  try {
    adapter = await browser.launch();
    log(`  (${adapter.version}, started in ${Date.now() - browserStarted} ms)`);
    checks = await runWalk(adapter, origins, { only: values.only, viewport, log });
  } catch (caught) {
    error = caught instanceof Error ? caught.stack : String(caught);
    log(`  FAIL could not run: ${error}`);
  } finally {
    await adapter?.close().catch((closeError) => log(`  (closing: ${closeError.message})`));
  }
  console.log(`\n${browser.name}:\n${lines.join('\n')}`);
  const count = (status) => checks.filter((check) => check.status === status).length;
  const failed = count('failed') + (error ? 1 : 0);
  return {
    name: browser.name,
    version: adapter?.version,
    status: failed ? 'failed' : 'passed',
    ms: Date.now() - browserStarted,
    passed: count('passed'),
    failed,
    skipped: count('skipped'),
    checks,
    error,
  };
}

const started = Date.now();
const site = siteWithConfig();
const servers = [];
const report = { passed: 0, failed: 0, skipped: 0, browsers: [] };
const stopServers = () => {
  for (const server of servers) if (server.exitCode === null) server.kill();
};
process.on('SIGINT', () => {
  stopServers();
  process.exit(130);
});
try {
  if (BROWSERS.some((browser) => !browser.missing())) {
    servers.push(
      await startServer([
        '--root',
        site,
        '--port',
        String(PORT),
        '--csp',
        '--frame-ancestors',
        `${origins.host} ${origins.otherHost}`,
      ]),
      await startServer(['--root', 'e2e/host-page', '--port', String(PORT + 1)]),
    );
  }
  // The browsers side by side: a walk mostly waits on its driver and on the pages' round
  // trips, so two share the machine's cores well. Each prints its lines whole when it ends.
  const entries = await Promise.all(BROWSERS.map((browser) => walkIn(browser)));
  for (const entry of entries) {
    report.browsers.push(entry);
    report.passed += entry.passed ?? 0;
    report.failed += entry.failed ?? 0;
    report.skipped += entry.skipped ?? 0;
  }
} catch (error) {
  console.error(`test:browsers: ${error.message}`);
  report.failed += 1;
  report.error = error.message;
} finally {
  stopServers();
  rmSync(site, { recursive: true, force: true });
}

console.log('\nbrowser walks:');
for (const browser of report.browsers) {
  console.log(
    browser.checks
      ? `  ${browser.name} (${browser.version ?? '?'}): ${browser.status}, ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped, ${(browser.ms / 1000).toFixed(1)} s`
      : `  ${browser.name}: ${browser.status} (${browser.reason})`,
  );
}
console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
writeReport(report);
process.exit(report.failed ? 1 : 0);
