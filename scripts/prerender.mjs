// Runs the server build of src/prerender/prerender-site.ts over dist/, checking the byte
// budgets (scripts/budgets.mjs) as it goes: the assets before the first page is rendered, and
// each page as it is written, so an over-budget site fails in seconds rather than after the
// whole prerender. `npm run build` calls it after the client and server builds.
//
// Pages are rendered by worker threads, each taking every n-th page: one per core (eight at
// most) when a core is idle, otherwise one (PRERENDER_WORKERS overrides). Rendering is
// CPU-bound, but each worker reads and checks every tree and warms up its own copy of React,
// which cost 30-60% more CPU time; on this 2-core machine shared with other work (load average 7-15) two workers were no
// faster than one, so they are used only where a core is free (docs/performance.md, ADR 18).
// PRERENDER_STEP_LIMIT lowers the step limit, to try a tree's steps.html with a small tree.
// SSR_DIR names another server build than dist-ssr/ (a test that builds a site of its own).
// LIST_PAGE_SIZE sets how many troubleshooters a page of the list holds (default 50), so
// that a small generated site has several pages (the browser tests' dist-many/).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { budgetSummary, createBudgetCheck, htmlFiles, sourceMapsDir } from './budgets.mjs';

// React's development build renders about three times slower, and the browser hydrates with
// the production build anyway. The server build leaves react external, so this picks it.
process.env.NODE_ENV ??= 'production';

const distDir = process.env.DIST_DIR ?? 'dist';
const base = process.env.BASE_PATH ?? '/';

class OverBudget extends Error {}

/** Workers at most, whatever the cores: the memory of the prerender stays under 1 GB. */
const MAX_WORKERS = 8;

if (isMainThread) {
  const stop = (problems) => {
    for (const problem of problems) console.error(`over budget: ${problem}`);
    process.exit(1);
  };
  const check = createBudgetCheck({ distDir, base });
  const early = check.assets();
  // HTML files copied from public/ (the embed demo) are pages too; index.html is the
  // template, which the prerender overwrites with the list of troubleshooters.
  for (const file of htmlFiles(distDir)) {
    if (file === path.join(distDir, 'index.html')) continue;
    early.push(...(await check.page(file, readFileSync(file, 'utf8'))));
  }
  if (early.length > 0) stop(early);

  const cores = os.availableParallelism();
  // At most eight: each worker holds its own copy of the trees and of React, and the largest
  // tree the rulebook accepts measured 544-668 MB with two to four workers and 930 MB with
  // eight (docs/performance.md); more would take the prerender past 1 GB on a large machine.
  const count =
    Number(process.env.PRERENDER_WORKERS) ||
    (os.loadavg()[0] <= cores - 1 ? Math.min(cores, MAX_WORKERS) : 1);
  // Read before any worker starts: one of them writes the list of troubleshooters over it.
  const template = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  // Kept for the server, which renders a published tree's pages into the same shell
  // (server/publish/, ADR 30); no .html ending, so it is never taken for a page.
  writeFileSync(path.join(distDir, '.prerender-template'), template);
  const results = await Promise.all(
    Array.from(
      { length: count },
      (_, index) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), {
            workerData: { index, count, template },
          });
          worker.on('message', (message) => {
            // The first over-budget page stops the build at once, whatever other workers do.
            if (message.problems) stop(message.problems);
            else resolve(message);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`prerender: worker ${index} stopped with ${code}`));
          });
        }),
    ),
  );
  const pages = results.reduce((sum, result) => sum + result.pages, 0);
  console.log(`prerender: wrote ${pages} pages (${count} ${count === 1 ? 'worker' : 'workers'})`);
  for (const line of budgetSummary(distDir, [check.stats(), ...results.map((r) => r.stats)]))
    console.log(`budget: ${line}`);
  // Source maps are for the team, not for the site: they show the sources to anyone who asks.
  // Kept beside it, out of what is deployed (DEPLOY_SOURCE_MAPS=1 leaves them in).
  if (process.env.DEPLOY_SOURCE_MAPS !== '1') {
    const kept = sourceMapsDir(distDir);
    const maps = readdirSync(path.join(distDir, 'assets')).filter((name) => name.endsWith('.map'));
    rmSync(kept, { recursive: true, force: true });
    mkdirSync(path.join(kept, 'assets'), { recursive: true });
    for (const name of maps) {
      renameSync(path.join(distDir, 'assets', name), path.join(kept, 'assets', name));
    }
    console.log(`prerender: ${maps.length} source maps kept beside the site in ${kept}`);
  }
} else {
  const serverBuild = process.env.SSR_DIR
    ? pathToFileURL(path.resolve(process.env.SSR_DIR, 'prerender-site.js')).href
    : '../dist-ssr/prerender-site.js';
  const { prerenderSite } = await import(serverBuild);
  const check = createBudgetCheck({ distDir, base });
  try {
    const report = await prerenderSite({
      distDir,
      ...(process.env.PRERENDER_STEP_LIMIT
        ? { stepLimit: Number(process.env.PRERENDER_STEP_LIMIT) }
        : {}),
      ...(process.env.LIST_PAGE_SIZE ? { listPageSize: Number(process.env.LIST_PAGE_SIZE) } : {}),
      shard: { index: workerData.index, count: workerData.count },
      template: workerData.template,
      // The first worker tells what is about the whole site; every one writes its share.
      log: (line) => {
        if (workerData.index === 0 && !line.startsWith('prerender: wrote')) console.log(line);
      },
      onPage: async (file, html) => {
        const problems = await check.page(file, html);
        if (problems.length > 0) throw new OverBudget(problems.join('\n'));
      },
    });
    parentPort.postMessage({ pages: report.pages, stats: check.stats() });
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    parentPort.postMessage({ problems: error.message.split('\n') });
  }
}
