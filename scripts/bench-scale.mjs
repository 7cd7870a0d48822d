// How the build grows with the content: `npm run bench:scale [scenario…] [--keep]`.
//
// Builds the app once into a temporary folder, then for each scenario copies that build,
// replaces its trees/ with generated trees (scripts/scale-trees.mjs) and runs the step
// `npm run build` runs on them, scripts/prerender.mjs (which checks the byte budgets as it
// writes), with DIST_DIR pointing at the copy. The repository's public/ and dist/ are not
// touched. Prints, per scenario, the wall and CPU time, pages per second, the pages' total
// size on disk, the largest page (gzipped, from the budget check), peak memory (GNU time's
// maximum resident set, all workers together) and whether every budget passed.
// PRERENDER_WORKERS=1 compares with a single worker. Times vary with the machine's load, which is
// printed with them; nothing here is asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import {
  bushyTree,
  chainTree,
  deepestTree,
  deepTree,
  fullTree,
  indexEntry,
  longTitleTree,
  mostNodesTree,
  walkBytesTree,
} from './scale-trees.mjs';

/** @type {Record<string, () => object[]>} LIMITS is read once the server build is made. */
const SCENARIOS = {
  // Many small troubleshooters, as a knowledge base grows: 10 steps each.
  small: () => Array.from({ length: 1000 }, (_, i) => chainTree(`small-${i + 1}`, 2)),
  // The build-time target: five trees of 4,190 steps, 20,950 step pages.
  pages: () => Array.from({ length: 5 }, (_, i) => chainTree(`pages-${i + 1}`, 10)),
  // One long line of 60 questions of ordinary text, about the longest line the rulebook's walk
  // limit allows: 121 steps, trails up to 60 answers.
  deep: () => [deepTree('deep', 60)],
  // One bushy tree, six answers a question, three deep: 259 steps, nothing shared.
  bushy: () => [bushyTree('bushy', 6, 3)],
  // A chain of 40 questions with shortcuts: far more walks than the step limit.
  walks: () => [chainTree('walks', 40)],
  // A full two-answer tree of 511 questions, 9 deep (512 results, 1,023 nodes and steps), with
  // text of ordinary length: its map's list is split into parts (ADR 24).
  q511: () => [fullTree('q511', 9)],
  // The largest trees the rulebook accepts (src/engine/tree-limits.ts), each page kind at its
  // worst, in random text that gzips worst (issue 22: every valid troubleshooter publishes).
  // The deepest steps: a walk of the most bytes ending in an outcome and in a question, with two
  // answers and with ten a question, the longest walk in questions, and one of "Not sure"
  // answers whose outcome lists each with how to confirm it.
  'limits-walk': () => [
    walkBytesTree('walk-outcome', LIMITS, 'outcome'),
    walkBytesTree('walk-question', LIMITS, 'question'),
    walkBytesTree('walk-ten-outcome', LIMITS, 'outcome', 10),
    walkBytesTree('walk-ten-question', LIMITS, 'question', 10),
    walkBytesTree('walk-unsure', LIMITS, 'outcome', 2, true),
    deepestTree('deepest', LIMITS),
  ],
  // The list: 60 troubleshooters with the longest titles and descriptions (50 on its first page).
  'limits-list': () => Array.from({ length: 60 }, (_, i) => longTitleTree(`list-${i + 1}`, LIMITS)),
  // The map's parts: the most nodes, each question with the most answers, the file at its limit.
  'limits-nodes': () => [mostNodesTree('most-nodes', LIMITS)],
};

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const chosen = args.filter((arg) => !arg.startsWith('--'));
for (const name of chosen) {
  if (!(name in SCENARIOS)) {
    console.error(
      `bench:scale: no scenario "${name}"; there are: ${Object.keys(SCENARIOS).join(', ')}`,
    );
    process.exit(2);
  }
}
const names = chosen.length > 0 ? chosen : Object.keys(SCENARIOS);
const GNU_TIME = '/usr/bin/time';
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

/** Runs a Node script, returning its output, wall time and peak memory (when GNU time is here). */
function run(script, env) {
  const withTime = existsSync(GNU_TIME);
  const command = withTime ? GNU_TIME : process.execPath;
  const commandArgs = withTime
    ? ['-f', 'peak-rss-kb %M cpu-s %U %S', process.execPath, script]
    : [script];
  const started = performance.now();
  const result = spawnSync(command, commandArgs, {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const time = /peak-rss-kb (\d+) cpu-s ([\d.]+) ([\d.]+)/.exec(result.stderr);
  return {
    ok: result.status === 0,
    seconds,
    cpuSeconds: time ? Number(time[2]) + Number(time[3]) : undefined,
    peakMb: time ? Number(time[1]) / 1024 : undefined,
    output: `${result.stdout}${result.stderr.replace(/^peak-rss-kb .*\n?/m, '')}`,
  };
}

/**
 * The pages' count and total size on disk, the largest on disk, and the largest gzipped (the
 * budget's measure; the prerender's summary gzips only the page largest on disk). Pages under
 * 20 KB on disk are under 20 KB gzipped: only larger ones are compressed here.
 */
async function htmlSizes(dir) {
  let count = 0;
  let total = 0;
  let largest = 0;
  let largestGzip = 0;
  const walk = async (folder) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'assets') await walk(file);
      } else if (entry.name.endsWith('.html')) {
        const { size } = await stat(file);
        count += 1;
        total += size;
        largest = Math.max(largest, size);
        const gzipped = size > 20_000 ? gzipSync(await readFile(file), { level: 9 }).length : size;
        largestGzip = Math.max(largestGzip, gzipped);
      }
    }
  };
  await walk(dir);
  return { count, total, largest, largestGzip };
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-scale-'));
const client = path.join(tmp, 'client');
console.log(
  `bench:scale: ${os.cpus().length} cores, Node ${process.version}, load average ${load()}`,
);
console.log(`bench:scale: building the app once into ${client}`);
const vite = ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'];
const buildEnv = { ...process.env, DIST_DIR: client };
execFileSync(process.execPath, vite, { env: buildEnv, stdio: 'inherit' });
execFileSync(process.execPath, [...vite, '-c', 'vite.embed.config.ts'], {
  env: buildEnv,
  stdio: 'inherit',
});
// The server build goes to dist-ssr/, as in `npm run build`: scripts/prerender.mjs reads it there.
execFileSync(process.execPath, [...vite, '--ssr', 'src/prerender/prerender-site.ts'], {
  stdio: 'inherit',
});

// The rulebook's limits, from the server build just made (src/engine/tree-limits.ts).
const { RULEBOOK_LIMITS: LIMITS } = await import('../dist-ssr/prerender-site.js');

const rows = [];
for (const name of names) {
  const trees = SCENARIOS[name]();
  const site = path.join(tmp, name);
  await cp(client, site, { recursive: true });
  const treesDir = path.join(site, 'trees');
  await rm(treesDir, { recursive: true, force: true });
  await mkdir(treesDir);
  await writeFile(
    path.join(treesDir, 'index.json'),
    JSON.stringify({ trees: trees.map(indexEntry) }, null, 2),
  );
  for (const tree of trees) {
    await writeFile(path.join(treesDir, `${tree.id}.json`), JSON.stringify(tree, null, 2));
  }

  console.log(`\nbench:scale: ${name}: ${trees.length} trees (load average ${load()})`);
  const env = { DIST_DIR: site };
  const prerender = run('scripts/prerender.mjs', env);
  const indent = (text) => text.trimEnd().replace(/^/gm, '  ') + '\n';
  process.stdout.write(indent(prerender.output));
  const sizes = await htmlSizes(site);
  const overBudget = /^over budget: /m.test(prerender.output);
  rows.push({
    scenario: name,
    trees: trees.length,
    pages: sizes.count,
    'wall s': prerender.seconds.toFixed(1),
    'cpu s': prerender.cpuSeconds?.toFixed(1) ?? '-',
    'pages/s': Math.round(sizes.count / prerender.seconds),
    'pages MB': (sizes.total / 1024 / 1024).toFixed(1),
    'largest KB': (sizes.largest / 1024).toFixed(1),
    'largest gz KB': (sizes.largestGzip / 1024).toFixed(1),
    'peak MB': Math.round(prerender.peakMb ?? 0) || '-',
    result: prerender.ok ? 'ok' : overBudget ? 'over budget' : 'failed',
  });
  if (!keep) await rm(site, { recursive: true, force: true });
}

console.log(`\nbench:scale: load average ${load()} (1, 5, 15 minutes)`);
console.table(rows);
if (keep) console.log(`bench:scale: the builds are in ${tmp}`);
else await rm(tmp, { recursive: true, force: true });
